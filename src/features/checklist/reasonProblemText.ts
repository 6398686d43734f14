// What to say in a modal when a written reason is missing or unusable.
import type { TText } from "./questions.ts";
import { MAX_REASON_LENGTH, MIN_REASON_LENGTH, type TReasonProblem } from "./decisionRules.ts";

export const REASON_PROBLEM_TEXT: Record<TReasonProblem, TText> = {
  missing: { nl: "Schrijf de reden op.", en: "Write down the reason." },
  too_short: {
    nl: `Geef een reden van minstens ${MIN_REASON_LENGTH} tekens, zodat hij later te begrijpen is.`,
    en: `Give a reason of at least ${MIN_REASON_LENGTH} characters, so it can be understood later.`,
  },
  too_long: {
    nl: `Houd de reden korter dan ${MAX_REASON_LENGTH} tekens.`,
    en: `Keep the reason under ${MAX_REASON_LENGTH} characters.`,
  },
};
