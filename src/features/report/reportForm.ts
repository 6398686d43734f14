// The report form (`/datalek`). Its id and field ids are a stable interface
// (shared/spec/interfaces.md): Slack's callback_id, block_id and action_id.
// Written for a care worker on a phone: short labels, hints that say what
// not to type.
import type { TForm } from "../../core/messages/form.ts";
import type { TTexts } from "../../texts/index.ts";
import { STOPPED_VALUES } from "../../texts/vocabulary.ts";
import { DATA_CATEGORIES, MAX_PEOPLE_AFFECTED, RECIPIENT_VALUES } from "../checklist/questions.ts";
import type { TRegister } from "../register/loadRegister.ts";
import { systemKeys, systemLabel } from "../register/systemLabels.ts";
import { questionValueLabel } from "../paging/incidentFacts.ts";
import { MAX_DESCRIPTION_LENGTH } from "./reportInput.ts";

export const REPORT_FORM_ID = "datalek_report";

export function reportForm(register: TRegister, texts: TTexts, now: Date): TForm {
  const t = texts.report.form;
  return {
    id: REPORT_FORM_ID,
    title: t.title,
    submit: t.submit,
    close: t.close,
    intro: [{ kind: "note", text: t.privacyHint }],
    fields: [
      {
        kind: "text",
        id: "what_happened",
        label: t.whatHappened,
        hint: t.whatHappenedHint,
        multiline: true,
        maxLength: MAX_DESCRIPTION_LENGTH,
      },
      { kind: "datetime", id: "discovered_at", label: t.discoveredAt, hint: t.discoveredAtHint, initial: now },
      { kind: "datetime", id: "occurred_at", label: t.occurredAt, optional: true },
      {
        kind: "choice",
        style: "select",
        id: "system",
        label: t.system,
        placeholder: t.systemPlaceholder,
        options: systemKeys(register).map((key) => ({ value: key, label: systemLabel(register, key, texts) })),
      },
      {
        kind: "choice",
        style: "multiple",
        id: "data_kinds",
        label: t.dataKinds,
        hint: t.dataKindsHint,
        placeholder: t.dataKindsPlaceholder,
        options: DATA_CATEGORIES.map((value) => ({ value, label: questionValueLabel(texts, "data_categories", value) })),
      },
      {
        kind: "number",
        id: "people_affected",
        label: t.peopleAffected,
        hint: t.peopleAffectedHint,
        min: 0,
        max: MAX_PEOPLE_AFFECTED,
      },
      {
        kind: "choice",
        style: "radio",
        id: "stopped",
        label: t.stopped,
        options: STOPPED_VALUES.map((value) => ({ value, label: texts.vocabulary.stopped[value] })),
      },
      {
        kind: "choice",
        style: "select",
        id: "recipient",
        label: t.recipient,
        placeholder: t.recipientPlaceholder,
        options: RECIPIENT_VALUES.map((value) => ({ value, label: questionValueLabel(texts, "recipient", value) })),
      },
    ],
  };
}
