// Texts of the export feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const exportTexts = defineTexts({
  nl: {},
  en: {},
});
