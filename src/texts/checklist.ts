// Texts of the checklist feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const checklistTexts = defineTexts({
  nl: {},
  en: {},
});
