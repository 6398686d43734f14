// Texts of the evaluation feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const evaluationTexts = defineTexts({
  nl: {},
  en: {},
});
