// Texts of the notifications feature (see src/texts/index.ts).
import { defineTexts } from "../core/text/defineTexts.ts";

export const notificationsTexts = defineTexts({
  nl: {},
  en: {},
});
