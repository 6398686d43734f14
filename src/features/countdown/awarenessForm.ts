// The form to correct the moment of awareness. Its id and field ids are a
// stable interface (Slack: callback_id, block_id and action_id).
import type { TForm } from "../../core/messages/form.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TLocale } from "../../core/text/locale.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TTexts } from "../../texts/index.ts";
import { MAX_CORRECTION_REASON_LENGTH } from "./awarenessCorrection.ts";
import { AWARENESS_FORM_ID } from "./countdownActions.ts";

export function awarenessForm(
  incident: Pick<Incident, "reference" | "awarenessAt" | "deadlineAt">,
  texts: TTexts,
  view: { zone: string; locale: TLocale },
): TForm {
  const t = texts.countdown.awareness.form;
  const local = (at: Date) => formatLocal(at, view.zone, view.locale);
  return {
    id: AWARENESS_FORM_ID,
    title: t.title,
    submit: t.submit,
    close: t.close,
    context: incident.reference,
    intro: [
      {
        kind: "text",
        text: t.intro({
          reference: incident.reference,
          awareness: local(incident.awarenessAt),
          deadline: local(incident.deadlineAt),
        }),
      },
    ],
    fields: [
      { kind: "datetime", id: "awareness_at", label: t.awarenessAt, hint: t.awarenessAtHint, initial: incident.awarenessAt },
      {
        kind: "text",
        id: "reason",
        label: t.reason,
        hint: t.reasonHint,
        multiline: true,
        maxLength: MAX_CORRECTION_REASON_LENGTH,
      },
    ],
  };
}
