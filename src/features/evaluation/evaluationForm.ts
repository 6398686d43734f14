// The evaluation form: did the measures work, does the procedure need to
// change, notes. It carries the reference; an earlier answer is shown.
import type { TForm } from "../../core/messages/form.ts";
import type { TTexts } from "../../texts/index.ts";
import { EVALUATION_FIELDS, EVALUATION_FORM_ID } from "./evaluationActions.ts";
import { MEASURES_WORKED, PROCEDURE_CHANGE } from "./evaluationAnswers.ts";

export const EVALUATION_NOTES_MAX = 3000;

export function evaluationForm(
  reference: string,
  texts: TTexts,
  earlier?: { measuresWorked: string | null; procedureChange: string | null },
): TForm {
  const t = texts.evaluation.form;
  return {
    id: EVALUATION_FORM_ID,
    title: t.title,
    submit: t.submit,
    close: t.close,
    context: reference,
    intro: [{ kind: "note", text: t.intro({ reference }) }],
    fields: [
      {
        kind: "choice",
        style: "radio",
        id: EVALUATION_FIELDS.measuresWorked,
        label: t.measuresWorked,
        options: MEASURES_WORKED.map((value) => ({ value, label: texts.evaluation.measuresWorked[value] })),
        ...(earlier?.measuresWorked ? { initial: [earlier.measuresWorked] } : {}),
      },
      {
        kind: "choice",
        style: "radio",
        id: EVALUATION_FIELDS.procedureChange,
        label: t.procedureChange,
        options: PROCEDURE_CHANGE.map((value) => ({ value, label: texts.evaluation.procedureChange[value] })),
        ...(earlier?.procedureChange ? { initial: [earlier.procedureChange] } : {}),
      },
      {
        kind: "text",
        id: EVALUATION_FIELDS.notes,
        label: t.notes,
        hint: t.notesHint,
        optional: true,
        multiline: true,
        maxLength: EVALUATION_NOTES_MAX,
      },
    ],
  };
}
