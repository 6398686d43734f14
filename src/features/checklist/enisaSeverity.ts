// The ENISA severity score (ENISA, "Recommendations for a methodology of the
// assessment of severity of personal data breaches", 2013): SE = DPC x EI + CB.
// It is a supporting figure only. Regulators have fined organisations that
// skipped a notification because this score came out low, so assessBreach
// never lets it decide on its own. Each step is explained with a reason code
// (texts in src/texts/checklist.ts).
import type { TReason } from "../../texts/checklist.ts";
import type { TSeverityBand } from "./assessmentLevels.ts";
import type { TAnswers, TAssessmentContext, TDataCategory } from "./questions.ts";

export type { TSeverityBand };

export interface TEnisaSeverity {
  /** Data processing context, 1..4 after context adjustments. */
  dpc: number;
  /** Ease of identification: 0.25, 0.5, 0.75 or 1. */
  ei: number;
  /** Circumstances of the breach, added: 0 .. 2. */
  cb: number;
  score: number;
  band: TSeverityBand;
  explanation: TReason[];
}

/**
 * ENISA's four data-processing-context classes. Identification numbers, ID
 * copies and credentials are not named by ENISA; they are placed with
 * financial data (3) because, like financial data, they enable identity
 * fraud and financial loss, which ENISA uses to raise simple data. A rich
 * profile (CV, work history, family situation) is placed with behavioural
 * data (2): ENISA's class for data that let someone profile a person.
 */
const DPC_BASE: Record<TDataCategory, 1 | 2 | 3 | 4> = {
  identity_contact: 1,
  other: 1,
  location_behaviour: 2,
  profile: 2,
  financial: 3,
  payment_card: 3,
  national_id: 3,
  id_document: 3,
  credentials: 3,
  health: 4,
  special_other: 4,
  criminal: 4,
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

export function severityBand(score: number): TSeverityBand {
  if (score < 2) return "low";
  if (score < 3) return "medium";
  if (score < 4) return "high";
  return "very_high";
}

/**
 * Compute the ENISA score from the checklist answers. A missing answer is
 * given its worse value, and the explanation says so.
 */
export function enisaSeverity(answers: TAnswers, context: TAssessmentContext): TEnisaSeverity {
  const explanation: TReason[] = [];

  // DPC: the highest category present sets the base.
  const categories = answers.data_categories ?? [];
  let base: 1 | 2 | 3 | 4;
  if (categories.length === 0) {
    base = 4;
    explanation.push({ code: "enisa_dpc_assumed" });
  } else {
    base = categories.map((category) => DPC_BASE[category]).reduce((high, dpc) => (dpc > high ? dpc : high), 1);
    explanation.push({ code: "enisa_dpc_base", params: { dpc: base } });
  }

  // Context adjustments, each one step up (ENISA allows one to three steps).
  let adjustment = 0;
  const vulnerable = answers.vulnerable_people;
  if (vulnerable !== "no") {
    adjustment += 1;
    explanation.push({ code: vulnerable === "yes" ? "enisa_vulnerable" : "enisa_vulnerable_assumed" });
  }
  // In a care organisation's files even simple data about clients reveals that
  // they receive care: ENISA's "nature of the controller" adjustment.
  if (context.sector === "care" && vulnerable !== "no") {
    adjustment += 1;
    explanation.push({ code: "enisa_care" });
  }
  const people = answers.people_affected;
  if (people === undefined || people >= ENISA_LARGE_VOLUME) {
    adjustment += 1;
    explanation.push(
      people === undefined ? { code: "enisa_volume_assumed" } : { code: "enisa_volume", params: { count: people } },
    );
  }
  const dpc = clamp(base + adjustment, 1, 4);
  if (base + adjustment > 4) explanation.push({ code: "enisa_dpc_capped" });

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
    explanation.push({ code: "enisa_ei_unintelligible" });
  } else if (answers.identifiability === undefined) {
    ei = EI_BY_IDENTIFIABILITY.maximum;
    explanation.push({ code: "enisa_ei_assumed" });
  } else {
    ei = EI_BY_IDENTIFIABILITY[answers.identifiability];
    explanation.push({ code: "enisa_ei", params: { identifiability: answers.identifiability, ei } });
  }

  // CB: circumstances of the breach.
  let cb = 0;
  const typesUnknown = types.length === 0;
  if (types.includes("confidentiality") || typesUnknown) {
    const recipient = answers.recipient;
    const addition =
      recipient === "known" ? 0.25 : recipient === "unknown" || recipient === "public" || recipient === undefined ? 0.5 : 0;
    cb += addition;
    explanation.push({ code: "enisa_cb_confidentiality", params: { recipient: recipient ?? null, addition } });
  }
  if (types.includes("integrity")) {
    // Recoverable when the breach is contained (the original data is back).
    const recoverable = answers.contained === "yes";
    const addition = recoverable ? 0.25 : 0.5;
    cb += addition;
    explanation.push({ code: "enisa_cb_integrity", params: { recoverable, addition } });
  }
  if (types.includes("availability") || impact === "delayed" || impact === "permanent") {
    const addition = impact === "delayed" ? 0.25 : impact === "permanent" || impact === undefined ? 0.5 : 0;
    cb += addition;
    explanation.push({ code: "enisa_cb_availability", params: { impact: impact ?? null, addition } });
  }
  if (answers.malicious !== "no") {
    cb += 0.5;
    explanation.push({ code: answers.malicious === "yes" ? "enisa_cb_malicious" : "enisa_cb_malicious_assumed" });
  }

  const score = Math.round((dpc * ei + cb) * 100) / 100;
  const band = severityBand(score);
  explanation.push({ code: "enisa_score", params: { dpc, ei, cb, score, band } });

  return { dpc, ei, cb, score, band, explanation };
}
