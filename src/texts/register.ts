// The register of systems: what an administrator is told when the register
// file is broken, and the `/datalek register` answer.
import { defineTexts } from "../core/text/defineTexts.ts";

export const registerTexts = defineTexts({
  nl: {
    broken: {
      summary: "Het register van systemen kon niet worden geladen",
      heading: "⚠️ Het register van systemen kon niet worden geladen",
      intro: (p: { file: string; lastGood: string }) =>
        `Het bestand ${p.file} bevat fouten. Ik gebruik het laatste goede register (van ${p.lastGood}) tot het bestand is hersteld.`,
      problems: "Fouten:",
    },
  },
  en: {
    broken: {
      summary: "The register of systems could not be loaded",
      heading: "⚠️ The register of systems could not be loaded",
      intro: (p: { file: string; lastGood: string }) =>
        `The file ${p.file} has errors. I use the last good register (of ${p.lastGood}) until the file is fixed.`,
      problems: "Errors:",
    },
  },
});
