// Texts of the countdown feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const countdownTexts = defineTexts({
  nl: {},
  en: {},
});
