// The classification checklist as data. The identifiers and values are a
// stable interface (shared/spec/assessment.md): the front ends render their
// buttons and selects from QUESTIONS (labels in src/texts/questions.ts), the
// database stores these values, and `datalek assess` validates its input
// with the schemas below.
import { z } from "zod";

export const QUESTION_IDS = [
  "personal_data",
  "breach_types",
  "data_categories",
  "people_affected",
  "vulnerable_people",
  "identifiability",
  "unintelligible",
  "recipient",
  "recipients_count",
  "malicious",
  "availability_impact",
  "contained",
  "harm_observed",
] as const;
export type TQuestionId = (typeof QUESTION_IDS)[number];

export const YES_NO = ["yes", "no"] as const;
export type TYesNo = (typeof YES_NO)[number];
export const PERSONAL_DATA_VALUES = ["yes", "no", "unknown"] as const;
export type TPersonalData = (typeof PERSONAL_DATA_VALUES)[number];
export const BREACH_TYPES = ["confidentiality", "integrity", "availability"] as const;
export type TBreachType = (typeof BREACH_TYPES)[number];
export const DATA_CATEGORIES = [
  "identity_contact",
  "national_id",
  "id_document",
  "financial",
  "payment_card",
  "credentials",
  "health",
  "special_other",
  "criminal",
  "location_behaviour",
  "profile",
  "other",
] as const;
export type TDataCategory = (typeof DATA_CATEGORIES)[number];
export const IDENTIFIABILITY_VALUES = ["negligible", "limited", "significant", "maximum"] as const;
export type TIdentifiability = (typeof IDENTIFIABILITY_VALUES)[number];
export const RECIPIENT_VALUES = ["none", "trusted", "known", "unknown", "public"] as const;
export type TRecipient = (typeof RECIPIENT_VALUES)[number];
export const AVAILABILITY_IMPACT_VALUES = ["none", "restored", "delayed", "permanent"] as const;
export type TAvailabilityImpact = (typeof AVAILABILITY_IMPACT_VALUES)[number];
export const SECTORS = ["care", "general"] as const;
export type TSector = (typeof SECTORS)[number];

/** Upper bound for the head count: more than the Dutch population is a typo. */
export const MAX_PEOPLE_AFFECTED = 10_000_000;

export type TQuestionKind = "one" | "several" | "number";

export interface TQuestion {
  id: TQuestionId;
  kind: TQuestionKind;
  /** The answer values in the order they are offered; empty for kind 'number'. Labels: src/texts/questions.ts. */
  values: readonly string[];
  /** Only for kind 'number'. */
  min?: number;
  max?: number;
}

export const QUESTIONS: readonly TQuestion[] = [
  { id: "personal_data", kind: "one", values: PERSONAL_DATA_VALUES },
  { id: "breach_types", kind: "several", values: BREACH_TYPES },
  { id: "data_categories", kind: "several", values: DATA_CATEGORIES },
  { id: "people_affected", kind: "number", values: [], min: 0, max: MAX_PEOPLE_AFFECTED },
  { id: "vulnerable_people", kind: "one", values: YES_NO },
  { id: "identifiability", kind: "one", values: IDENTIFIABILITY_VALUES },
  { id: "unintelligible", kind: "one", values: YES_NO },
  { id: "recipient", kind: "one", values: RECIPIENT_VALUES },
  { id: "recipients_count", kind: "number", values: [], min: 0, max: MAX_PEOPLE_AFFECTED },
  { id: "malicious", kind: "one", values: YES_NO },
  { id: "availability_impact", kind: "one", values: AVAILABILITY_IMPACT_VALUES },
  { id: "contained", kind: "one", values: YES_NO },
  { id: "harm_observed", kind: "one", values: YES_NO },
];

/** Look up one question by id (always present: QUESTIONS covers QUESTION_IDS). */
export function questionById(id: TQuestionId): TQuestion {
  const question = QUESTIONS.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`unknown question id: ${id}`);
  return question;
}

// ---------------------------------------------------------------------------
// Schemas

const listOf = <T extends readonly [string, ...string[]]>(values: T) => `one of ${values.join(", ")}`;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: () => `must be ${listOf(values)}` });

/** A multiple choice: each value at most once; an empty list means "not answered". */
const severalOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(oneOf(values), { error: () => `must be a list of values, each ${listOf(values)}` })
    .refine((chosen) => new Set(chosen).size === chosen.length, { error: "must not repeat a value" });

export const ZAnswers = z.strictObject(
  {
    personal_data: oneOf(PERSONAL_DATA_VALUES).optional(),
    breach_types: severalOf(BREACH_TYPES).optional(),
    data_categories: severalOf(DATA_CATEGORIES).optional(),
    people_affected: z
      .number({ error: () => "must be a whole number" })
      .int({ error: "must be a whole number" })
      .min(0, { error: "must not be negative" })
      .max(MAX_PEOPLE_AFFECTED, { error: `must be at most ${MAX_PEOPLE_AFFECTED}` })
      .optional(),
    vulnerable_people: oneOf(YES_NO).optional(),
    identifiability: oneOf(IDENTIFIABILITY_VALUES).optional(),
    unintelligible: oneOf(YES_NO).optional(),
    recipient: oneOf(RECIPIENT_VALUES).optional(),
    recipients_count: z
      .number({ error: () => "must be a whole number" })
      .int({ error: "must be a whole number" })
      .min(0, { error: "must not be negative" })
      .max(MAX_PEOPLE_AFFECTED, { error: `must be at most ${MAX_PEOPLE_AFFECTED}` })
      .optional(),
    malicious: oneOf(YES_NO).optional(),
    availability_impact: oneOf(AVAILABILITY_IMPACT_VALUES).optional(),
    contained: oneOf(YES_NO).optional(),
    harm_observed: oneOf(YES_NO).optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "unknown question id"
        : issue.code === "invalid_type"
          ? "must be an object of answers keyed by question id"
          : undefined,
  },
);
export type TAnswers = z.infer<typeof ZAnswers>;

export const ZAssessmentContext = z.strictObject(
  {
    sector: oneOf(SECTORS).default("care"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "unknown context key"
        : issue.code === "invalid_type"
          ? 'must be an object such as { "sector": "care" }'
          : undefined,
  },
);
export type TAssessmentContext = z.infer<typeof ZAssessmentContext>;

/** The default context for this product: a care organisation. */
export const DEFAULT_ASSESSMENT_CONTEXT: TAssessmentContext = { sector: "care" };

export const ZAssessInput = z.strictObject(
  {
    answers: ZAnswers,
    context: ZAssessmentContext.default({ sector: "care" }),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? 'unknown key (expected only "answers" and "context")'
        : issue.code === "invalid_type"
          ? 'must be a JSON object with "answers" and optionally "context"'
          : undefined,
  },
);
export type TAssessInput = z.infer<typeof ZAssessInput>;
