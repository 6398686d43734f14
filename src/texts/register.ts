// The register of systems: what an administrator is told when the register
// file is broken, the review cadences, and the `/datalek register` answer.
import { defineLabels, defineTexts } from "../core/text/defineTexts.ts";
import { code, strong, type TRichText } from "../core/text/richText.ts";
import type { TCadence } from "../core/time/cadences.ts";

/** How often a system's retention is reviewed, as a sentence continues: "controle per kwartaal". */
export const cadenceLabels = defineLabels<TCadence>({
  nl: { monthly: "maandelijks", quarterly: "per kwartaal", half_yearly: "per halfjaar", yearly: "jaarlijks" },
  en: { monthly: "monthly", quarterly: "quarterly", half_yearly: "half-yearly", yearly: "yearly" },
});

export const registerTexts = defineTexts({
  nl: {
    broken: {
      summary: "Het register van systemen kon niet worden geladen",
      heading: "⚠️ Het register van systemen kon niet worden geladen",
      intro: (p: { file: string; lastGood: string }) =>
        `Het bestand ${p.file} bevat fouten. Ik gebruik het laatste goede register (van ${p.lastGood}) tot het bestand is hersteld.`,
      problems: "Fouten:",
    },
    cadences: cadenceLabels.nl,
    command: {
      usage: { call: "/datalek register [systeem]", description: "het register van systemen en hun bewaartermijnen" },
      heading: (p: { count: string }) => `Register van systemen (${p.count})`,
      intro: (): TRichText => ["Alle kolommen van één systeem: ", code("/datalek register <naam>"), "."],
      notFound: (p: { text: string }) => `Het register kent geen systeem "${p.text}". Dit zijn de systemen:`,
      line: (p: { retention: string; cadence: string }): TRichText =>
        `Bewaartermijn: ${p.retention} · controle ${p.cadence} · eigenaar `,
      title: (p: { name: string; key: string }): TRichText => [strong(p.name), " (", code(p.key), ")"],
      columns: {
        description: "Wat is het",
        dataKinds: "Soorten gegevens",
        dataFlow: "Gegevensverkeer",
        securityMeasures: "Beveiligingsmaatregelen",
        peopleConcerned: "Betrokkenen",
        retention: "Bewaartermijn",
        retentionAction: "Bij controle verwijderen",
        review: "Controle",
        owner: "Eigenaar",
      },
      unknownOwner: "onbekend",
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
    cadences: cadenceLabels.en,
    command: {
      usage: { call: "/datalek register [system]", description: "the register of systems and their retention terms" },
      heading: (p: { count: string }) => `Register of systems (${p.count})`,
      intro: (): TRichText => ["Every column of one system: ", code("/datalek register <name>"), "."],
      notFound: (p: { text: string }) => `The register has no system "${p.text}". These are the systems:`,
      line: (p: { retention: string; cadence: string }): TRichText =>
        `Retention: ${p.retention} · reviewed ${p.cadence} · owner `,
      title: (p: { name: string; key: string }): TRichText => [strong(p.name), " (", code(p.key), ")"],
      columns: {
        description: "What it is",
        dataKinds: "Kinds of data",
        dataFlow: "Data flow",
        securityMeasures: "Security measures",
        peopleConcerned: "People concerned",
        retention: "Retention term",
        retentionAction: "Remove at review",
        review: "Review",
        owner: "Owner",
      },
      unknownOwner: "unknown",
    },
  },
});
