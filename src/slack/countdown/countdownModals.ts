// The modals of the countdown and the notifications. Each input block's
// block_id equals its element's action_id; private_metadata holds the
// incident reference.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { TLocale } from "../../assessment/questions.ts";
import {
  AP_FOLLOWUP_KINDS,
  AP_NOTIFICATION_KIND_LABELS,
  SUBJECT_NOTICE_METHOD_LABELS,
  SUBJECT_NOTICE_METHODS,
} from "../../domain/notifications/notificationRecords.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { COUNTDOWN_CALLBACK_IDS } from "./countdownActionIds.ts";

const plain = (text: string) => ({ type: "plain_text" as const, text });
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);
const option = (value: string, text: string): PlainTextOption => ({ value, text: plain(text) });

function modal(
  callbackId: string,
  reference: string,
  title: string,
  submit: string,
  blocks: KnownBlock[],
  nl: boolean,
): ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: reference,
    title: plain(title.slice(0, 24)),
    submit: plain(submit),
    close: plain(nl ? "Annuleren" : "Cancel"),
    blocks,
  };
}

export function buildAwarenessModal(incident: Incident, locale: TLocale, zone: string): ModalView {
  const nl = locale === "nl";
  return modal(
    COUNTDOWN_CALLBACK_IDS.awarenessCorrection,
    incident.reference,
    nl ? "Bewustwording" : "Awareness time",
    nl ? "Corrigeren" : "Correct",
    [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: nl
            ? `*${incident.reference}*: nu bewust sinds ${formatLocal(incident.awarenessAt, zone, locale)}, deadline ${formatLocal(incident.deadlineAt, zone, locale)}. De 72 uur tellen vanaf het moment dat de organisatie redelijkerwijs zeker wist dat er een datalek is. Een correctie verplaatst de deadline en alle herinneringen.`
            : `*${incident.reference}*: aware since ${formatLocal(incident.awarenessAt, zone, locale)}, deadline ${formatLocal(incident.deadlineAt, zone, locale)}. The 72 hours run from when the organisation was reasonably certain of a breach. A correction moves the deadline and every reminder.`,
        },
      },
      {
        type: "input",
        block_id: "awareness_at",
        label: plain(nl ? "Moment van bewustwording" : "Moment of awareness"),
        element: { type: "datetimepicker", action_id: "awareness_at", initial_date_time: seconds(incident.awarenessAt) },
      },
      {
        type: "input",
        block_id: "reason",
        label: plain(nl ? "Reden van de correctie" : "Reason for the correction"),
        element: { type: "plain_text_input", action_id: "reason", multiline: true, max_length: 2000 },
      },
    ],
    nl,
  );
}

export function buildApFollowupModal(incident: Incident, locale: TLocale): ModalView {
  const nl = locale === "nl";
  return modal(
    COUNTDOWN_CALLBACK_IDS.apFollowup,
    incident.reference,
    nl ? "Melding AP" : "AP notification",
    nl ? "Vastleggen" : "Record",
    [
      {
        type: "input",
        block_id: "kind",
        label: plain(nl ? "Soort" : "Kind"),
        element: {
          type: "static_select",
          action_id: "kind",
          initial_option: option("followup", AP_NOTIFICATION_KIND_LABELS.followup[locale]),
          options: AP_FOLLOWUP_KINDS.map((kind) => option(kind, AP_NOTIFICATION_KIND_LABELS[kind][locale])),
        },
      },
      {
        type: "input",
        block_id: "ap_reference",
        label: plain(nl ? "Meldnummer van de AP" : "AP reference number"),
        element: {
          type: "plain_text_input",
          action_id: "ap_reference",
          max_length: 100,
          ...(incident.apReference ? { initial_value: incident.apReference } : {}),
        },
      },
      {
        type: "input",
        block_id: "text",
        label: plain(nl ? "Wat is aangevuld, of waarom ingetrokken" : "What was added, or why withdrawn"),
        element: { type: "plain_text_input", action_id: "text", multiline: true, max_length: 3000 },
      },
    ],
    nl,
  );
}

export function buildSubjectNoticeModal(incident: Incident, locale: TLocale, now: Date): ModalView {
  const nl = locale === "nl";
  return modal(
    COUNTDOWN_CALLBACK_IDS.subjectNotice,
    incident.reference,
    nl ? "Betrokkenen" : "People informed",
    nl ? "Vastleggen" : "Record",
    [
      {
        type: "input",
        block_id: "sent_at",
        label: plain(nl ? "Wanneer verstuurd" : "When sent"),
        element: { type: "datetimepicker", action_id: "sent_at", initial_date_time: seconds(now) },
      },
      {
        type: "input",
        block_id: "method",
        label: plain(nl ? "Hoe" : "How"),
        element: {
          type: "static_select",
          action_id: "method",
          options: SUBJECT_NOTICE_METHODS.map((method) => option(method, SUBJECT_NOTICE_METHOD_LABELS[method][locale])),
        },
      },
      {
        type: "input",
        block_id: "recipients_count",
        label: plain(nl ? "Aan hoeveel personen" : "To how many people"),
        element: { type: "number_input", action_id: "recipients_count", is_decimal_allowed: false, min_value: "1" },
      },
      {
        type: "input",
        block_id: "note",
        optional: true,
        label: plain(nl ? "Opmerking" : "Note"),
        element: { type: "plain_text_input", action_id: "note", multiline: true, max_length: 3000 },
      },
    ],
    nl,
  );
}
