// The form to add a corrective measure: what, its owner (a person), and
// the due date (two weeks ahead by default). It carries the reference.
import { DateTime } from "luxon";
import type { TForm } from "../../core/messages/form.ts";
import type { TTexts } from "../../texts/index.ts";
import { MEASURE_WHAT_MAX } from "./measureInput.ts";
import { MEASURE_FIELDS, MEASURE_FORM_ID } from "./measuresActions.ts";

export function measureForm(reference: string, texts: TTexts, now: Date, zone: string): TForm {
  const t = texts.measures.form;
  return {
    id: MEASURE_FORM_ID,
    title: t.title,
    submit: t.submit,
    close: t.close,
    context: reference,
    intro: [{ kind: "note", text: t.intro({ reference }) }],
    fields: [
      { kind: "text", id: MEASURE_FIELDS.what, label: t.what, hint: t.whatHint, maxLength: MEASURE_WHAT_MAX },
      { kind: "person", id: MEASURE_FIELDS.owner, label: t.owner, placeholder: t.ownerPlaceholder },
      {
        kind: "date",
        id: MEASURE_FIELDS.due,
        label: t.due,
        initial: DateTime.fromJSDate(now, { zone }).plus({ weeks: 2 }).toISODate()!,
      },
    ],
  };
}
