// The follow-up modals: add a measure, close an incident, record the
// evaluation after closing. private_metadata holds the incident reference.
import type { View } from "@slack/types";
import { DateTime } from "luxon";
import type { TLocale } from "../../assessment/questions.ts";
import { MEASURE_WHAT_MAX } from "../../services/measures/addCorrectiveMeasure.ts";
import { DUTY_INPUTS, DUTY_VIEWS } from "./dutyIds.ts";

const plain = (text: string) => ({ type: "plain_text" as const, text });

export function buildMeasureAddModal(reference: string, locale: TLocale, now: Date, zone: string): View {
  const nl = locale === "nl";
  return {
    type: "modal",
    callback_id: DUTY_VIEWS.measureAdd,
    private_metadata: reference,
    title: plain(nl ? "Maatregel" : "Measure"),
    submit: plain(nl ? "Toevoegen" : "Add"),
    close: plain(nl ? "Annuleren" : "Cancel"),
    blocks: [
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `${nl ? "Corrigerende maatregel bij" : "Corrective measure for"} *${reference}*` }],
      },
      {
        type: "input",
        block_id: DUTY_INPUTS.measureWhat,
        label: plain(nl ? "Wat moet er gebeuren?" : "What needs to be done?"),
        hint: plain(nl ? "Geen namen of BSN's van betrokkenen." : "No names or citizen numbers of the people concerned."),
        element: { type: "plain_text_input", action_id: DUTY_INPUTS.measureWhat, max_length: MEASURE_WHAT_MAX },
      },
      {
        type: "input",
        block_id: DUTY_INPUTS.measureOwner,
        label: plain(nl ? "Eigenaar" : "Owner"),
        element: { type: "users_select", action_id: DUTY_INPUTS.measureOwner },
      },
      {
        type: "input",
        block_id: DUTY_INPUTS.measureDue,
        label: plain(nl ? "Uiterlijk op" : "Due date"),
        element: {
          type: "datepicker",
          action_id: DUTY_INPUTS.measureDue,
          initial_date: DateTime.fromJSDate(now, { zone }).plus({ weeks: 2 }).toISODate()!,
        },
      },
    ],
  };
}

export function buildIncidentCloseModal(reference: string, measureCount: number, locale: TLocale): View {
  const nl = locale === "nl";
  return {
    type: "modal",
    callback_id: DUTY_VIEWS.incidentClose,
    private_metadata: reference,
    title: plain(nl ? "Afsluiten" : "Close"),
    submit: plain(nl ? "Afsluiten" : "Close"),
    close: plain(nl ? "Annuleren" : "Cancel"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: nl
            ? `*${reference}* afsluiten. Maatregelen: ${measureCount}. Na het afsluiten vraag ik je om een evaluatie.`
            : `Close *${reference}*. Measures: ${measureCount}. After closing I will ask you for an evaluation.`,
        },
      },
      {
        type: "input",
        block_id: DUTY_INPUTS.closeReason,
        optional: measureCount > 0,
        label: plain(nl ? "Waarom zijn geen maatregelen nodig?" : "Why are no measures needed?"),
        element: { type: "plain_text_input", action_id: DUTY_INPUTS.closeReason, multiline: true, max_length: 1000 },
      },
    ],
  };
}

export function buildEvaluationModal(reference: string, locale: TLocale): View {
  const nl = locale === "nl";
  const option = (value: string, text: string) => ({ value, text: plain(text) });
  return {
    type: "modal",
    callback_id: DUTY_VIEWS.evaluationSubmit,
    private_metadata: reference,
    title: plain(nl ? "Evaluatie" : "Evaluation"),
    submit: plain(nl ? "Vastleggen" : "Record"),
    close: plain(nl ? "Annuleren" : "Cancel"),
    blocks: [
      { type: "context", elements: [{ type: "mrkdwn", text: `${nl ? "Evaluatie van" : "Evaluation of"} *${reference}*` }] },
      {
        type: "input",
        block_id: DUTY_INPUTS.evaluationMeasuresWorked,
        label: plain(nl ? "Hebben de maatregelen gewerkt?" : "Did the measures work?"),
        element: {
          type: "radio_buttons",
          action_id: DUTY_INPUTS.evaluationMeasuresWorked,
          options: [
            option("yes", nl ? "Ja" : "Yes"),
            option("partly", nl ? "Gedeeltelijk" : "Partly"),
            option("no", nl ? "Nee" : "No"),
            option("none_taken", nl ? "Er waren geen maatregelen" : "There were no measures"),
          ],
        },
      },
      {
        type: "input",
        block_id: DUTY_INPUTS.evaluationProcedureChange,
        label: plain(nl ? "Moet de procedure worden bijgewerkt?" : "Does the procedure need to change?"),
        element: {
          type: "radio_buttons",
          action_id: DUTY_INPUTS.evaluationProcedureChange,
          options: [option("no", nl ? "Nee" : "No"), option("yes", nl ? "Ja" : "Yes")],
        },
      },
      {
        type: "input",
        block_id: DUTY_INPUTS.evaluationNotes,
        optional: true,
        label: plain(nl ? "Toelichting" : "Notes"),
        element: { type: "plain_text_input", action_id: DUTY_INPUTS.evaluationNotes, multiline: true, max_length: 3000 },
      },
    ],
  };
}
