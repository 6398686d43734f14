// The forms of the notifications. Their ids and field ids are a stable
// interface (Slack: callback_id, block_id and action_id); each carries the
// incident's reference.
import type { TForm } from "../../core/messages/form.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TTexts } from "../../texts/index.ts";
import { MAX_PEOPLE_AFFECTED } from "../checklist/questions.ts";
import { AP_FOLLOWUP_KINDS, SUBJECT_NOTICE_METHODS } from "./notificationCodes.ts";
import { MAX_AP_REFERENCE_CHARS, MAX_RECORD_TEXT_LENGTH } from "./notificationRecords.ts";
import { NOTIFICATION_FORMS } from "./notificationsActions.ts";

/** A follow-up notification or a withdrawal, against the AP's reference (prefilled with the initial one). */
export function apFollowupForm(incident: Pick<Incident, "reference" | "apReference">, texts: TTexts): TForm {
  const t = texts.notifications.apFollowupForm;
  return {
    id: NOTIFICATION_FORMS.apFollowup,
    title: t.title,
    submit: t.submit,
    close: t.close,
    context: incident.reference,
    fields: [
      {
        kind: "choice",
        style: "select",
        id: "kind",
        label: t.kind,
        options: AP_FOLLOWUP_KINDS.map((kind) => ({ value: kind, label: texts.notifications.kinds[kind] })),
        initial: ["followup"],
      },
      {
        kind: "text",
        id: "ap_reference",
        label: t.apReference,
        maxLength: MAX_AP_REFERENCE_CHARS,
        ...(incident.apReference ? { initial: incident.apReference } : {}),
      },
      { kind: "text", id: "text", label: t.text, hint: t.textHint, multiline: true, maxLength: MAX_RECORD_TEXT_LENGTH },
    ],
  };
}

/** That the people concerned were informed: when, how and to how many. */
export function subjectNoticeForm(incident: Pick<Incident, "reference">, texts: TTexts, now: Date): TForm {
  const t = texts.notifications.subjectNoticeForm;
  return {
    id: NOTIFICATION_FORMS.subjectNotice,
    title: t.title,
    submit: t.submit,
    close: t.close,
    context: incident.reference,
    fields: [
      { kind: "datetime", id: "sent_at", label: t.sentAt, initial: now },
      {
        kind: "choice",
        style: "select",
        id: "method",
        label: t.method,
        placeholder: t.methodPlaceholder,
        options: SUBJECT_NOTICE_METHODS.map((method) => ({ value: method, label: texts.notifications.methods[method] })),
      },
      { kind: "number", id: "recipients_count", label: t.recipientsCount, min: 1, max: MAX_PEOPLE_AFFECTED },
      {
        kind: "text",
        id: "note",
        label: t.note,
        hint: t.noteHint,
        optional: true,
        multiline: true,
        maxLength: MAX_RECORD_TEXT_LENGTH,
      },
    ],
  };
}
