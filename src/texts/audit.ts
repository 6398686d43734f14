// Texts of the audit feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const auditTexts = defineTexts({
  nl: {},
  en: {},
});
