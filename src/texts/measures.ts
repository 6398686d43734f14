// Texts of the measures feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const measuresTexts = defineTexts({
  nl: {},
  en: {},
});
