// Texts of the retention feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const retentionTexts = defineTexts({
  nl: {},
  en: {},
});
