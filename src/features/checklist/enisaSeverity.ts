// The ENISA severity score (ENISA, "Recommendations for a methodology of the
// assessment of severity of personal data breaches", 2013): SE = DPC x EI + CB.
// It is a supporting figure only. Regulators have fined organisations that
// skipped a notification because this score came out low, so assessBreach
// never lets it decide on its own.
import type {
  TAnswers,
  TAssessmentContext,
  TAvailabilityImpact,
  TDataCategory,
  TIdentifiability,
  TRecipient,
  TText,
} from "./questions.ts";

export type TSeverityBand = "low" | "medium" | "high" | "very_high";

export interface TEnisaSeverity {
  /** Data processing context, 1..4 after context adjustments. */
  dpc: number;
  /** Ease of identification: 0.25, 0.5, 0.75 or 1. */
  ei: number;
  /** Circumstances of the breach, added: 0 .. 2. */
  cb: number;
  score: number;
  band: TSeverityBand;
  explanation: TText[];
}

/**
 * ENISA's four data-processing-context classes. Identification numbers, ID
 * copies and credentials are not named by ENISA; they are placed with
 * financial data (3) because, like financial data, they enable identity
 * fraud and financial loss, which ENISA uses to raise simple data.
 */
const DPC_BASE: Record<TDataCategory, number> = {
  identity_contact: 1,
  other: 1,
  location_behaviour: 2,
  financial: 3,
  payment_card: 3,
  national_id: 3,
  id_document: 3,
  credentials: 3,
  health: 4,
  special_other: 4,
  criminal: 4,
};

const DPC_CLASS_NAME: Record<number, TText> = {
  1: { nl: "eenvoudige gegevens", en: "simple data" },
  2: { nl: "gedragsgegevens", en: "behavioural data" },
  3: { nl: "financiële of identificerende gegevens", en: "financial or identifying data" },
  4: { nl: "gevoelige (bijzondere) gegevens", en: "sensitive (special-category) data" },
};

const IDENTIFIABILITY_NAME: Record<TIdentifiability, TText> = {
  negligible: { nl: "nauwelijks", en: "negligible" },
  limited: { nl: "beperkt", en: "limited" },
  significant: { nl: "goed", en: "significant" },
  maximum: { nl: "direct", en: "maximum" },
};
const RECIPIENT_NAME: Record<TRecipient, TText> = {
  none: { nl: "niemand", en: "nobody" },
  trusted: { nl: "betrouwbaar", en: "trusted" },
  known: { nl: "bekend", en: "known" },
  unknown: { nl: "onbekenden", en: "unknown persons" },
  public: { nl: "openbaar", en: "public" },
};
const AVAILABILITY_NAME: Record<TAvailabilityImpact, TText> = {
  none: { nl: "geen verlies", en: "no loss" },
  restored: { nl: "snel hersteld", en: "quickly restored" },
  delayed: { nl: "tijdelijk, met vertraging", en: "temporary, with delay" },
  permanent: { nl: "blijvend", en: "permanent" },
};

const EI_BY_IDENTIFIABILITY = {
  negligible: 0.25,
  limited: 0.5,
  significant: 0.75,
  maximum: 1,
} as const;

/** From this head count on, volume raises the DPC one step (ENISA: volume). */
export const ENISA_LARGE_VOLUME = 1_000;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const formatNumber = (value: number) => String(Math.round(value * 100) / 100);
const formatNumberNl = (value: number) => formatNumber(value).replace(".", ",");

export function severityBand(score: number): TSeverityBand {
  if (score < 2) return "low";
  if (score < 3) return "medium";
  if (score < 4) return "high";
  return "very_high";
}

const BAND_NAME: Record<TSeverityBand, TText> = {
  low: { nl: "laag", en: "low" },
  medium: { nl: "gemiddeld", en: "medium" },
  high: { nl: "hoog", en: "high" },
  very_high: { nl: "zeer hoog", en: "very high" },
};
export const severityBandName = (band: TSeverityBand): TText => BAND_NAME[band];

/**
 * Compute the ENISA score from the checklist answers. A missing answer is
 * given its worse value, and the explanation says so.
 */
export function enisaSeverity(answers: TAnswers, context: TAssessmentContext): TEnisaSeverity {
  const explanation: TText[] = [];

  // DPC: the highest category present sets the base.
  const categories = answers.data_categories ?? [];
  let base: number;
  if (categories.length === 0) {
    base = 4;
    explanation.push({
      nl: "Soorten gegevens niet beantwoord: gerekend als gevoelige gegevens (DPC 4).",
      en: "Kinds of data not answered: counted as sensitive data (DPC 4).",
    });
  } else {
    base = Math.max(...categories.map((category) => DPC_BASE[category]));
    const className = DPC_CLASS_NAME[base] ?? DPC_CLASS_NAME[1]!;
    explanation.push({
      nl: `Basis-DPC ${base}: ${className.nl}.`,
      en: `Base DPC ${base}: ${className.en}.`,
    });
  }

  // Context adjustments, each one step up (ENISA allows one to three steps).
  let adjustment = 0;
  const vulnerable = answers.vulnerable_people;
  if (vulnerable !== "no") {
    adjustment += 1;
    explanation.push(
      vulnerable === "yes"
        ? { nl: "Kwetsbare personen: DPC +1.", en: "Vulnerable people: DPC +1." }
        : {
            nl: "Kwetsbaarheid niet beantwoord: als kwetsbaar gerekend, DPC +1.",
            en: "Vulnerability not answered: counted as vulnerable, DPC +1.",
          },
    );
  }
  // In a care organisation's files even simple data about clients reveals that
  // they receive care: ENISA's "nature of the controller" adjustment.
  if (context.sector === "care" && vulnerable !== "no") {
    adjustment += 1;
    explanation.push({
      nl: "Zorgorganisatie: gegevens van cliënten verraden dat zij zorg krijgen, DPC +1.",
      en: "Care organisation: client data reveal that they receive care, DPC +1.",
    });
  }
  const people = answers.people_affected;
  if (people === undefined || people >= ENISA_LARGE_VOLUME) {
    adjustment += 1;
    explanation.push(
      people === undefined
        ? {
            nl: `Aantal personen niet beantwoord: als groot aantal gerekend, DPC +1.`,
            en: `Number of people not answered: counted as a large number, DPC +1.`,
          }
        : {
            nl: `Groot aantal personen (${people}): DPC +1.`,
            en: `Large number of people (${people}): DPC +1.`,
          },
    );
  }
  const dpc = clamp(base + adjustment, 1, 4);
  if (base + adjustment > 4) {
    explanation.push({ nl: "DPC begrensd op 4.", en: "DPC capped at 4." });
  }

  // EI: ease of identification. Strongly encrypted data with a safe key cannot
  // be tied to anyone by the recipient, so it counts as negligible.
  let ei: number;
  // Only when disclosure is the whole breach: encryption does not lessen an
  // alteration or a real loss of the data (a quick restore is no real loss).
  const types = answers.breach_types ?? [];
  const impact = answers.availability_impact;
  const disclosureOnly =
    types.includes("confidentiality") &&
    !types.includes("integrity") &&
    (!types.includes("availability") || impact === "none" || impact === "restored") &&
    impact !== "delayed" &&
    impact !== "permanent";
  if (answers.unintelligible === "yes" && disclosureOnly) {
    ei = EI_BY_IDENTIFIABILITY.negligible;
    explanation.push({
      nl: "Gegevens onleesbaar (versleuteld): EI 0,25.",
      en: "Data unintelligible (encrypted): EI 0.25.",
    });
  } else if (answers.identifiability === undefined) {
    ei = EI_BY_IDENTIFIABILITY.maximum;
    explanation.push({
      nl: "Herkenbaarheid niet beantwoord: als maximaal gerekend, EI 1.",
      en: "Identifiability not answered: counted as maximum, EI 1.",
    });
  } else {
    ei = EI_BY_IDENTIFIABILITY[answers.identifiability];
    explanation.push({
      nl: `Herkenbaarheid ${IDENTIFIABILITY_NAME[answers.identifiability].nl}: EI ${formatNumberNl(ei)}.`,
      en: `Identifiability ${IDENTIFIABILITY_NAME[answers.identifiability].en}: EI ${formatNumber(ei)}.`,
    });
  }

  // CB: circumstances of the breach.
  let cb = 0;
  const typesUnknown = types.length === 0;
  if (types.includes("confidentiality") || typesUnknown) {
    const recipient = answers.recipient;
    const addition =
      recipient === "known" ? 0.25 : recipient === "unknown" || recipient === "public" || recipient === undefined ? 0.5 : 0;
    cb += addition;
    explanation.push({
      nl: `Vertrouwelijkheid (ontvanger: ${recipient ? RECIPIENT_NAME[recipient].nl : "niet beantwoord, als onbekend gerekend"}): CB +${formatNumberNl(addition)}.`,
      en: `Confidentiality (recipient: ${recipient ? RECIPIENT_NAME[recipient].en : "not answered, counted as unknown"}): CB +${formatNumber(addition)}.`,
    });
  }
  if (types.includes("integrity")) {
    // Recoverable when the breach is contained (the original data is back).
    const addition = answers.contained === "yes" ? 0.25 : 0.5;
    cb += addition;
    explanation.push({
      nl: `Integriteit (${answers.contained === "yes" ? "herstelbaar" : "niet herstelbaar of onbekend"}): CB +${formatNumberNl(addition)}.`,
      en: `Integrity (${answers.contained === "yes" ? "recoverable" : "not recoverable or unknown"}): CB +${formatNumber(addition)}.`,
    });
  }
  if (types.includes("availability") || impact === "delayed" || impact === "permanent") {
    const addition = impact === "delayed" ? 0.25 : impact === "permanent" || impact === undefined ? 0.5 : 0;
    cb += addition;
    explanation.push({
      nl: `Beschikbaarheid (${impact ? AVAILABILITY_NAME[impact].nl : "niet beantwoord, als blijvend gerekend"}): CB +${formatNumberNl(addition)}.`,
      en: `Availability (${impact ? AVAILABILITY_NAME[impact].en : "not answered, counted as permanent"}): CB +${formatNumber(addition)}.`,
    });
  }
  if (answers.malicious !== "no") {
    cb += 0.5;
    explanation.push(
      answers.malicious === "yes"
        ? { nl: "Kwade opzet: CB +0,5.", en: "Malicious intent: CB +0.5." }
        : {
            nl: "Opzet niet beantwoord: als kwade opzet gerekend, CB +0,5.",
            en: "Intent not answered: counted as malicious, CB +0.5.",
          },
    );
  }

  const score = Math.round((dpc * ei + cb) * 100) / 100;
  const band = severityBand(score);
  explanation.push({
    nl: `ENISA-score ${formatNumberNl(dpc)} x ${formatNumberNl(ei)} + ${formatNumberNl(cb)} = ${formatNumberNl(score)}: ${BAND_NAME[band].nl}.`,
    en: `ENISA score ${formatNumber(dpc)} x ${formatNumber(ei)} + ${formatNumber(cb)} = ${formatNumber(score)}: ${BAND_NAME[band].en}.`,
  });

  return { dpc, ei, cb, score, band, explanation };
}
