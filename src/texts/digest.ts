// Texts of the digest feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const digestTexts = defineTexts({
  nl: {},
  en: {},
});
