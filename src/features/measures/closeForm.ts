// The close form: what closing will do, and only the questions that apply
// (see closingRules.ts): why no measures are needed when there are none;
// the Art. 34(3) exemption and its reason for a high-risk incident whose
// people concerned were not recorded as informed. It carries the reference.
import type { TBlock } from "../../core/messages/message.ts";
import type { TField, TForm } from "../../core/messages/form.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TLocale } from "../../core/text/locale.ts";
import type { TTexts } from "../../texts/index.ts";
import { ART34_GROUNDS, CLOSE_REASON_MAX, closeQuestions } from "./closingRules.ts";
import type { TClosingRecord } from "./loadClosingFacts.ts";
import { CLOSE_FIELDS, CLOSE_FORM_ID } from "./measuresActions.ts";

export function closeForm(
  reference: string,
  facts: TClosingRecord,
  view: { texts: TTexts; locale: TLocale; zone: string; evaluationAfterDays: number },
): TForm {
  const t = view.texts.measures.closeForm;
  const asked = closeQuestions(facts);
  const intro: TBlock[] = [
    { kind: "text", text: t.intro({ reference, measures: facts.measures.total, days: view.evaluationAfterDays }) },
  ];
  if (facts.level === "high_risk" && facts.subjectsInformedAt)
    intro.push({
      kind: "note",
      text: t.subjectsInformed({ when: formatLocal(facts.subjectsInformedAt, view.zone, view.locale) }),
    });
  if (asked.art34Exemption) intro.push({ kind: "text", text: t.art34Intro() });
  const fields: TField[] = [];
  if (asked.noMeasuresReason)
    fields.push({
      kind: "text",
      id: CLOSE_FIELDS.noMeasuresReason,
      label: t.noMeasuresReason,
      hint: t.noMeasuresReasonHint,
      multiline: true,
      maxLength: CLOSE_REASON_MAX,
    });
  if (asked.art34Exemption)
    fields.push(
      {
        kind: "choice",
        style: "radio",
        id: CLOSE_FIELDS.art34Ground,
        label: t.art34Ground,
        options: ART34_GROUNDS.map((ground) => ({ value: ground, label: view.texts.measures.art34Grounds[ground] })),
        // The assessment's finding is named, not chosen: the privacy officer decides.
        ...(facts.suggestedGround
          ? { hint: t.art34Suggested({ ground: view.texts.measures.art34Grounds[facts.suggestedGround] }) }
          : {}),
      },
      {
        kind: "text",
        id: CLOSE_FIELDS.art34Reason,
        label: t.art34Reason,
        hint: t.art34ReasonHint,
        multiline: true,
        maxLength: CLOSE_REASON_MAX,
      },
    );
  return { id: CLOSE_FORM_ID, title: t.title, submit: t.submit, close: t.close, context: reference, intro, fields };
}
