// What to say in a form when a written reason is missing or unusable.
import type { TTexts } from "../../texts/index.ts";
import { MAX_REASON_LENGTH, MIN_REASON_LENGTH, type TReasonProblem } from "./decisionRules.ts";

export function reasonProblemText(problem: TReasonProblem, texts: TTexts): string {
  const t = texts.checklist.errors;
  switch (problem) {
    case "missing":
      return t.reasonMissing;
    case "too_short":
      return t.reasonTooShort({ min: MIN_REASON_LENGTH });
    case "too_long":
      return t.reasonTooLong({ max: MAX_REASON_LENGTH });
  }
}
