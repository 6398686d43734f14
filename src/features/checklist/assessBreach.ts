// The breach assessment: does this incident have to be notified to the
// Autoriteit Persoonsgegevens (Art. 33 GDPR) and communicated to the people
// concerned (Art. 34)?
//
// It follows the EDPB Guidelines 9/2022 on personal data breach notification
// (which take over WP250 rev.01, section IV.B "Assessing risk and high risk")
// and the examples in EDPB Guidelines 01/2021. None of the EDPB's factors is a
// formula, so the model stays close to how a privacy officer weighs them:
//
//   1. Overriding rules: no personal data -> not a breach; misuse already seen
//      -> high risk (the risk has materialised).
//   2. Each kind of breach (confidentiality, integrity, availability) is judged
//      on its own, because the factors differ: encryption matters for
//      disclosure, a backup matters for loss.
//   3. For confidentiality and integrity: an impact (severity) figure from the
//      nature of the data, the people, the organisation, the volume and the
//      ease of identification, times a likelihood figure from who may have the
//      data (and how many), intent and containment. Every contribution carries
//      a named reason.
//   4. For availability: explicit rules on how long and for whom the data was
//      missing.
//   5. The highest of the three is the level; then the Art. 34(3) exemptions.
// A missing answer takes its less favourable value, and the reasons say so
// where the assumption is used ("Nog niet beantwoord; uit voorzorg
// aangenomen: ..."). The ENISA score is computed alongside and shown, never
// used to decide.
//
// The engine returns reason codes with their figures (`evaluateBreach`); the
// sentences are in the text catalogue (src/texts/checklist.ts), so the
// thread, the register and `datalek assess` say the same, in either
// language. The likelihood x severity figures are kept apart (`scoring`),
// for the register's appendix: they explain the arithmetic, not the law.
import { z } from "zod";
import type { TLocale } from "../../core/text/locale.ts";
import type { TReason } from "../../texts/checklist.ts";
import { textsFor, type TTexts } from "../../texts/index.ts";
import {
  ASSESSMENT_LEVELS,
  EXEMPTIONS,
  type TAssessmentLevel,
  type TExemption,
  type TRiskLevel,
  type TSeverityBand,
} from "./assessmentLevels.ts";
import { enisaSeverity } from "./enisaSeverity.ts";
import {
  QUESTION_IDS,
  type TAnswers,
  type TAssessmentContext,
  type TAvailabilityImpact,
  type TBreachType,
  type TDataCategory,
  type TIdentifiability,
  type TQuestionId,
  type TRecipient,
} from "./questions.ts";

export { ASSESSMENT_LEVELS, EXEMPTIONS, type TAssessmentLevel, type TExemption };

const ZSeverityBand = z.enum(["low", "medium", "high", "very_high"]);

/** The assessment as `datalek assess` prints it: sentences in one language. */
export const ZAssessment = z.object({
  level: z.enum(ASSESSMENT_LEVELS),
  notify_authority: z.boolean(),
  notify_subjects: z.boolean(),
  exemptions: z.array(z.enum(EXEMPTIONS)),
  /** The headline, then the factors that decided it, assumptions where they were used. */
  reasons: z.array(z.string()),
  /** The engine's own figures (likelihood x severity per kind of breach): for the register's appendix. */
  scoring: z.array(z.string()).default([]),
  severity: z.object({
    dpc: z.number(),
    ei: z.number(),
    cb: z.number(),
    score: z.number(),
    band: ZSeverityBand,
    explanation: z.array(z.string()),
  }),
  missing: z.array(z.enum(QUESTION_IDS)),
});
export type TAssessment = z.infer<typeof ZAssessment>;

const ZReasonCode = z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() });

/** The assessment before it is put into words: what is stored, and rendered in the reader's language. */
export const ZBreachEvaluation = z.object({
  level: z.enum(ASSESSMENT_LEVELS),
  notify_authority: z.boolean(),
  notify_subjects: z.boolean(),
  exemptions: z.array(z.enum(EXEMPTIONS)),
  reasons: z.array(ZReasonCode),
  scoring: z.array(ZReasonCode),
  severity: z.object({
    dpc: z.number(),
    ei: z.number(),
    cb: z.number(),
    score: z.number(),
    band: ZSeverityBand,
    explanation: z.array(ZReasonCode),
  }),
  missing: z.array(z.enum(QUESTION_IDS)),
});

export interface TBreachEvaluation {
  level: TAssessmentLevel;
  notify_authority: boolean;
  notify_subjects: boolean;
  exemptions: TExemption[];
  reasons: TReason[];
  scoring: TReason[];
  severity: { dpc: number; ei: number; cb: number; score: number; band: TSeverityBand; explanation: TReason[] };
  missing: TQuestionId[];
}

// ---------------------------------------------------------------------------
// Tunable thresholds, each with its reason.

/**
 * Risk figure (likelihood x impact) from which a breach is "likely to result
 * in a risk" (Art. 33(1)). Chosen so that simple contact data of a few adults
 * seen by a known recipient stays below it (EDPB 01/2021 case 18), while the
 * same data published, or client data of a care organisation sent to the
 * wrong people, reaches it.
 */
export const RISK_THRESHOLD = 4;
/**
 * Risk figure from which the risk is high (Art. 34(1)). Chosen so that one
 * person's special-category data with an unknown recipient reaches it on its
 * own (EDPB 9/2022: damage to be considered likely for special categories),
 * and so that a known recipient needs more (a child, a care client, volume).
 */
export const HIGH_RISK_THRESHOLD = 9;
/**
 * From this many people on, informing each one individually counts as a
 * disproportionate effort (Art. 34(3)(c)) and a public communication replaces
 * it. A care organisation's mailing tools and client administration handle
 * thousands of letters; above a hundred thousand people, individual letters
 * take weeks and a public communication reaches them sooner and as well.
 */
export const DISPROPORTIONATE_EFFORT_THRESHOLD = 100_000;
/**
 * From two recipients on, more hands hold the data: the organisation can rely
 * less on its being deleted unread (assessment.md, "number of recipients").
 * A known recipient then weighs towards unknown ones.
 */
export const SEVERAL_RECIPIENTS = 2;
/**
 * From this many recipients on, the organisation cannot confirm with every one
 * of them that the data were deleted unread, so their deletion is no
 * "subsequent measure" that removes a high risk (Art. 34(3)(b)): a mailing
 * list is not one cooperative addressee.
 */
export const MANY_RECIPIENTS = 10;
/** Data sent to this many recipients is close to published (assessment.md). */
export const MASS_RECIPIENTS = 1_000;

// ---------------------------------------------------------------------------
// Facts: the answers with every missing answer replaced by its less favourable
// value, remembering which ones were assumed.

interface TFacts {
  types: Set<TBreachType>;
  categories: Set<TDataCategory>;
  people: number | undefined;
  vulnerable: boolean;
  identifiability: TIdentifiability;
  unintelligible: boolean;
  recipient: TRecipient;
  /** How many outside the organisation had the data; undefined when it does not bear on the case. */
  recipientsCount: number | undefined;
  malicious: boolean;
  availabilityImpact: TAvailabilityImpact;
  contained: boolean;
  harmObserved: boolean;
  /** The questions whose answers were assumed. */
  assumed: ReadonlySet<TQuestionId>;
}

/** Said where a missing answer's assumption is used. */
const ASSUMPTION: Record<TQuestionId, TReason> = {
  personal_data: { code: "assumed_personal_data" },
  breach_types: { code: "assumed_breach_types" },
  data_categories: { code: "assumed_data_categories" },
  people_affected: { code: "assumed_people_affected" },
  vulnerable_people: { code: "assumed_vulnerable_people" },
  identifiability: { code: "assumed_identifiability" },
  unintelligible: { code: "assumed_unintelligible" },
  recipient: { code: "assumed_recipient" },
  recipients_count: { code: "assumed_recipients_count" },
  malicious: { code: "assumed_malicious" },
  availability_impact: { code: "assumed_availability_impact" },
  contained: { code: "assumed_contained" },
  harm_observed: { code: "assumed_harm_observed" },
};

const SPECIAL_CATEGORIES: readonly TDataCategory[] = ["health", "special_other", "criminal"];
const HEAVY_CATEGORIES: readonly TDataCategory[] = [
  "health",
  "special_other",
  "criminal",
  "national_id",
  "id_document",
  "payment_card",
  "credentials",
];

/**
 * How heavily each kind of data weighs on its own (1 simple .. 3 heavy). A
 * rich profile weighs as financial data: together it is enough for targeted
 * fraud or phishing, more than contact details alone.
 */
const CATEGORY_WEIGHT: Record<TDataCategory, number> = {
  identity_contact: 1,
  other: 1,
  location_behaviour: 2,
  financial: 2,
  profile: 2,
  national_id: 3,
  id_document: 3,
  payment_card: 3,
  credentials: 3,
  health: 3,
  special_other: 3,
  criminal: 3,
};

function resolveFacts(answers: TAnswers): { facts: TFacts; missing: TQuestionId[] } {
  const assumed = new Set<TQuestionId>();

  const answeredTypes = answers.breach_types ?? [];
  const types = new Set<TBreachType>(answeredTypes);
  if (answeredTypes.length === 0) {
    // Disclosure is the kind of breach whose consequences for people reach
    // furthest, so an unknown kind is treated as one.
    assumed.add("breach_types");
    types.add("confidentiality");
  }
  // An answered loss of availability counts even if the kind was not ticked.
  if (answers.availability_impact === "delayed" || answers.availability_impact === "permanent") types.add("availability");

  const categories = new Set<TDataCategory>(answers.data_categories ?? []);
  if (categories.size === 0) {
    assumed.add("data_categories");
    categories.add("health");
  }
  if (answers.people_affected === undefined) assumed.add("people_affected");
  if (answers.vulnerable_people === undefined) assumed.add("vulnerable_people");

  const confidentiality = types.has("confidentiality");
  if (confidentiality && answers.identifiability === undefined) assumed.add("identifiability");
  if (confidentiality && answers.unintelligible === undefined) assumed.add("unintelligible");
  if (confidentiality && answers.recipient === undefined) assumed.add("recipient");
  const recipient = answers.recipient ?? "unknown";
  // The number of recipients bears on trusted, known and unknown recipients
  // (public is public, nobody is nobody). Not answered: as many as make it
  // close to published, as the head count is taken as large when unknown.
  const countMatters = confidentiality && answers.recipient !== undefined && ["trusted", "known", "unknown"].includes(recipient);
  let recipientsCount: number | undefined;
  if (countMatters) {
    recipientsCount = answers.recipients_count;
    if (recipientsCount === undefined) {
      assumed.add("recipients_count");
      recipientsCount = MASS_RECIPIENTS;
    }
  }
  if (answers.malicious === undefined) assumed.add("malicious");
  if (types.has("availability") && answers.availability_impact === undefined) assumed.add("availability_impact");
  if (answers.contained === undefined) assumed.add("contained");
  // "Yes" would decide the whole case on a guess; not knowing of misuse is
  // what "no" means, so it is treated as such and flagged for follow-up.
  if (answers.harm_observed === undefined) assumed.add("harm_observed");

  const facts: TFacts = {
    types,
    categories,
    people: answers.people_affected,
    vulnerable: answers.vulnerable_people !== "no",
    identifiability: answers.identifiability ?? "maximum",
    unintelligible: answers.unintelligible === "yes",
    recipient,
    recipientsCount,
    malicious: answers.malicious !== "no",
    availabilityImpact: answers.availability_impact ?? (types.has("availability") ? "permanent" : "none"),
    contained: answers.contained === "yes",
    harmObserved: answers.harm_observed === "yes",
    assumed,
  };
  return { facts, missing: QUESTION_IDS.filter((id) => assumed.has(id)) };
}

// ---------------------------------------------------------------------------
// Reasons, in the order they were used; figures apart.

const sameReason = (a: TReason, b: TReason) => JSON.stringify(a) === JSON.stringify(b);

class ReasonList {
  readonly reasons: TReason[] = [];
  readonly scoring: TReason[] = [];

  add(reason: TReason | undefined): void {
    if (reason && !this.reasons.some((existing) => sameReason(existing, reason))) this.reasons.push(reason);
  }

  /** The assumption behind a fact, at the point the fact is used (once). */
  assumption(facts: TFacts, id: TQuestionId): void {
    if (facts.assumed.has(id)) this.add(ASSUMPTION[id]);
  }
}

interface TFactor {
  points: number;
  /** Absent when another sentence already explains the points. */
  reason?: TReason;
}

const sum = (factors: TFactor[]) => factors.reduce((total, factor) => total + factor.points, 0);
const round = (value: number) => Math.round(value * 100) / 100;
const hasAny = (categories: Set<TDataCategory>, wanted: readonly TDataCategory[]) =>
  wanted.some((category) => categories.has(category));
/** The assumption when the answer was assumed, else the reason for the answer given. */
const stated = (facts: TFacts, id: TQuestionId, reason: TReason): TReason => (facts.assumed.has(id) ? ASSUMPTION[id] : reason);

// ---------------------------------------------------------------------------
// Impact (severity of the consequences for the people)

/**
 * EDPB 9/2022 risk factors "nature, sensitivity and volume", "special
 * characteristics of the individual", "special characteristics of the
 * controller" and "number of affected individuals".
 */
function impactFactors(facts: TFacts, context: TAssessmentContext): TFactor[] {
  const factors: TFactor[] = [];
  const categories = [...facts.categories];
  const categoriesAssumed = facts.assumed.has("data_categories");
  const weight = Math.max(...categories.map((category) => CATEGORY_WEIGHT[category]));
  // The heaviest kind of data sets the base. Every kind that weighs as much,
  // or weighs heavily itself, is named as a reason.
  factors.push({ points: weight, ...(categoriesAssumed ? { reason: ASSUMPTION.data_categories } : {}) });
  if (!categoriesAssumed) {
    for (const category of categories) {
      if (CATEGORY_WEIGHT[category] === weight || HEAVY_CATEGORIES.includes(category)) {
        factors.push({ points: 0, reason: { code: "category", params: { category } } });
      }
    }
  }
  // Several heavy kinds together (a client file with BSN and diagnoses) make
  // fraud and exposure easier than either alone.
  const heavyCount = categories.filter((category) => HEAVY_CATEGORIES.includes(category)).length;
  if (heavyCount >= 2 && !categoriesAssumed) factors.push({ points: 0.5, reason: { code: "heavy_combination" } });
  // EDPB: children and other vulnerable individuals may be placed at greater risk.
  if (facts.vulnerable) factors.push({ points: 1, reason: stated(facts, "vulnerable_people", { code: "vulnerable" }) });
  // EDPB: the nature and role of the controller (a medical organisation)
  // affects the level of risk; for a care organisation even being in its
  // files says something about someone's health.
  if (context.sector === "care") factors.push({ points: 0.5, reason: { code: "care_organisation" } });
  // EDPB: the more individuals affected, the greater the impact.
  const people = facts.people;
  if (people === undefined) {
    factors.push({ points: 1, reason: ASSUMPTION.people_affected });
  } else if (people >= 1_000) {
    const large = people >= DISPROPORTIONATE_EFFORT_THRESHOLD;
    factors.push({ points: large ? 1.5 : 1, reason: { code: "people_large", params: { count: people } } });
  } else if (people >= 100) {
    factors.push({ points: 0.5, reason: { code: "people_considerable", params: { count: people } } });
  } else if (people === 1 && weight >= 3) {
    // EDPB: a breach of one person's very sensitive data can still have
    // severe consequences; no discount for a small number.
    factors.push({ points: 0, reason: { code: "one_person_sensitive" } });
  }
  return factors;
}

/** EDPB: "ease of identification" — the recipient's ability to tie the data to a person. */
function identifiabilityFactor(facts: TFacts): TFactor | undefined {
  switch (facts.identifiability) {
    case "negligible":
      return { points: -2, reason: { code: "identifiability_negligible" } };
    case "limited":
      return { points: -1, reason: { code: "identifiability_limited" } };
    case "significant":
    case "maximum":
      return facts.assumed.has("identifiability") ? { points: 0, reason: ASSUMPTION.identifiability } : undefined;
  }
}

// ---------------------------------------------------------------------------
// Dimensions

const RISK_RANK: Record<TRiskLevel, number> = { no_risk: 0, risk: 1, high_risk: 2 };

interface TDimensionOutcome {
  type: TBreachType;
  level: TRiskLevel;
}

function levelFromFigure(figure: number): TRiskLevel {
  if (figure >= HIGH_RISK_THRESHOLD) return "high_risk";
  if (figure >= RISK_THRESHOLD) return "risk";
  return "no_risk";
}

/** Combine likelihood and impact into one figure, kept with the scoring. */
function scoredOutcome(
  type: TBreachType,
  likelihood: TFactor[],
  impact: TFactor[],
  reasons: ReasonList,
  adjustLikelihood?: (points: number) => number,
): TDimensionOutcome {
  for (const factor of [...impact, ...likelihood]) reasons.add(factor.reason);
  const rawLikelihood = Math.max(0, sum(likelihood));
  const likelihoodPoints = adjustLikelihood ? adjustLikelihood(rawLikelihood) : rawLikelihood;
  // Impact never drops below a floor: an identifiable person's data leaking is
  // never entirely without consequence.
  const impactPoints = Math.max(0.5, sum(impact));
  const figure = likelihoodPoints * impactPoints;
  const level = levelFromFigure(figure);
  reasons.scoring.push({
    code: "scoring_figure",
    params: { type, likelihood: round(likelihoodPoints), severity: round(impactPoints), figure: round(figure), level },
  });
  return { type, level };
}

/** A containment not answered is assumed not to have happened; said where it counts. */
function containment(facts: TFacts): TFactor[] {
  return facts.assumed.has("contained") ? [{ points: 0, reason: ASSUMPTION.contained }] : [];
}

/**
 * How likely the recipients are to misuse the data (EDPB: "number of
 * recipients"): one known, cooperative addressee is not a mailing list; the
 * more people hold the data, the likelier misuse; thousands is close to
 * published.
 */
function recipientFactors(facts: TFacts): TFactor[] {
  const count = facts.recipientsCount ?? 1;
  const countAssumed = facts.assumed.has("recipients_count");
  const countReason = (reason: TReason): TReason => (countAssumed ? ASSUMPTION.recipients_count : reason);
  switch (facts.recipient) {
    case "none":
      // Nobody had the data (e.g. a share that nobody opened, per the logs):
      // only a still-open hole keeps some likelihood.
      return facts.contained
        ? [{ points: 0, reason: { code: "recipient_none_contained" } }]
        : [...containment(facts), { points: 1, reason: { code: "recipient_none_open" } }];
    case "trusted": {
      // WP250/EDPB: a trusted recipient bound to confidentiality who returns or
      // deletes the data may neutralise the severity; notification may then
      // not be needed. More of them make that less certain.
      const factors: TFactor[] = facts.contained
        ? [{ points: 0.5, reason: { code: "recipient_trusted_contained" } }]
        : [...containment(facts), { points: 1, reason: { code: "recipient_trusted_open" } }];
      if (count >= SEVERAL_RECIPIENTS)
        factors.push({ points: 0.5, reason: countReason({ code: "recipients_several_trusted", params: { count } }) });
      return factors;
    }
    case "known":
      if (count >= MASS_RECIPIENTS)
        return [
          { points: 0, reason: { code: "recipient_known" } },
          { points: 3.5, reason: countReason({ code: "recipients_mass", params: { count } }) },
        ];
      if (count >= SEVERAL_RECIPIENTS)
        return [
          { points: 0, reason: { code: "recipient_known" } },
          { points: 2.5, reason: { code: "recipients_several", params: { count } } },
        ];
      return [{ points: 2, reason: { code: "recipient_known_one" } }];
    case "unknown":
      if (facts.assumed.has("recipient")) return [{ points: 3, reason: ASSUMPTION.recipient }];
      return count >= MASS_RECIPIENTS
        ? [
            { points: 0, reason: { code: "recipient_unknown" } },
            { points: 3.5, reason: countReason({ code: "recipients_mass", params: { count } }) },
          ]
        : [{ points: 3, reason: { code: "recipient_unknown" } }];
    case "public":
      return [{ points: 4, reason: { code: "recipient_public" } }];
  }
}

/** Likelihood that disclosed data is misused (EDPB: recipient, intent, containment). */
function confidentialityLikelihood(facts: TFacts): TFactor[] {
  const factors = recipientFactors(facts);
  const exposed = facts.recipient === "known" || facts.recipient === "unknown" || facts.recipient === "public";
  // EDPB: malicious intent raises the likelihood that the data will be misused.
  if (facts.malicious) factors.push({ points: 1, reason: stated(facts, "malicious", { code: "malicious" }) });
  // Retrieval or deletion before misuse lowers the likelihood (WP250 IV.B);
  // copies may already exist, so it lowers, not removes.
  if (exposed && facts.contained) factors.push({ points: -1, reason: { code: "contained_lowers" } });
  else if (exposed) factors.push(...containment(facts));
  return factors;
}

function assessConfidentiality(facts: TFacts, context: TAssessmentContext, reasons: ReasonList): TDimensionOutcome {
  // EDPB 9/2022 / Art. 34(3)(a): data that is unintelligible to anyone not
  // authorised (strong encryption, key or salt not compromised) makes a
  // confidentiality risk unlikely.
  if (facts.unintelligible) {
    reasons.add({ code: "unintelligible" });
    return { type: "confidentiality", level: "no_risk" };
  }
  reasons.assumption(facts, "unintelligible");
  const impact = impactFactors(facts, context);
  const identifiability = identifiabilityFactor(facts);
  if (identifiability) impact.push(identifiability);
  const likelihood = confidentialityLikelihood(facts);

  const exposedToOutsiders = facts.recipient === "known" || facts.recipient === "unknown" || facts.recipient === "public";
  const special = hasAny(facts.categories, SPECIAL_CATEGORIES);
  return scoredOutcome("confidentiality", likelihood, impact, reasons, (points) => {
    let adjusted = points;
    // EDPB 9/2022: for special categories damage "should be considered likely
    // to occur" once they reach people who should not have them.
    const floored = special && exposedToOutsiders && adjusted < 2;
    if (floored) adjusted = 2;
    // EDPB: data that cannot be tied to a person carries little risk; whoever
    // has it cannot use it against anyone in particular.
    const capped = facts.identifiability === "negligible" && adjusted > 1;
    if (capped) adjusted = 1;
    // Only said when it decided something: under the cap it did not.
    if (floored && !capped) reasons.add({ code: "special_exposed" });
    return adjusted;
  });
}

function assessIntegrity(facts: TFacts, context: TAssessmentContext, reasons: ReasonList): TDimensionOutcome {
  // An unwanted change matters as long as someone may act on the wrong data;
  // for health data in care that can endanger the care itself (wrong
  // medication, wrong instructions): EDPB "physical harm".
  const likelihood: TFactor[] = facts.contained
    ? [{ points: 1, reason: { code: "integrity_restored" } }]
    : [...containment(facts), { points: 2, reason: { code: "integrity_open" } }];
  if (facts.malicious) likelihood.push({ points: 1, reason: stated(facts, "malicious", { code: "integrity_deliberate" }) });
  const outcome = scoredOutcome("integrity", likelihood, impactFactors(facts, context), reasons);
  if (facts.categories.has("health") && context.sector === "care") reasons.add({ code: "integrity_care" });
  return outcome;
}

function assessAvailability(facts: TFacts, context: TAssessmentContext, reasons: ReasonList): TDimensionOutcome {
  const healthData = hasAny(facts.categories, SPECIAL_CATEGORIES);
  if (facts.unintelligible && (facts.availabilityImpact === "delayed" || facts.availabilityImpact === "permanent")) {
    // EDPB 01/2021 (cases on stolen encrypted devices): encryption protects
    // confidentiality, it does not bring back data without a backup.
    reasons.add({ code: "availability_encryption" });
  }
  switch (facts.availabilityImpact) {
    case "none":
      return { type: "availability", level: "no_risk" };
    case "restored":
      // EDPB 01/2021 case 1: restored quickly from a backup without
      // consequences for the people is unlikely to result in a risk.
      reasons.add({ code: "availability_restored" });
      return { type: "availability", level: "no_risk" };
    case "delayed":
      // EDPB 01/2021 case 3 and WP250 (hospital records unavailable): when
      // care to vulnerable people is disrupted the risk is high; a delay that
      // affects people is a risk in any case.
      if (facts.vulnerable && (context.sector === "care" || healthData)) {
        reasons.assumption(facts, "vulnerable_people");
        if (context.sector !== "care") reasons.assumption(facts, "data_categories");
        const assumedAny =
          facts.assumed.has("vulnerable_people") || (context.sector !== "care" && facts.assumed.has("data_categories"));
        reasons.add({ code: assumedAny ? "availability_delayed_if_vulnerable" : "availability_delayed_vulnerable" });
        return { type: "availability", level: "high_risk" };
      }
      reasons.add({ code: "availability_delayed" });
      return { type: "availability", level: "risk" };
    case "permanent":
      // EDPB: permanence of the consequences matters; EDPB 01/2021 case 2
      // (ransomware without backup) is notifiable; permanent loss of health
      // data or of vulnerable people's data is a high risk.
      reasons.assumption(facts, "availability_impact");
      if (healthData || facts.vulnerable) {
        if (healthData) reasons.assumption(facts, "data_categories");
        else reasons.assumption(facts, "vulnerable_people");
        reasons.add({ code: "availability_permanent_sensitive" });
        return { type: "availability", level: "high_risk" };
      }
      reasons.add({ code: "availability_permanent" });
      return { type: "availability", level: "risk" };
  }
}

// ---------------------------------------------------------------------------
// Exemptions from informing the people concerned (Art. 34(3))

function findExemptions(
  facts: TFacts,
  level: TAssessmentLevel,
  outcomes: TDimensionOutcome[],
  reasons: ReasonList,
): TExemption[] {
  const exemptions: TExemption[] = [];
  const highRisk = outcomes.filter((outcome) => outcome.level === "high_risk");

  // (a) Unintelligible data. Named whenever it is what neutralised the
  // disclosure, so the register shows the ground; it cannot cover a high risk
  // that comes from a loss or an alteration.
  if (
    facts.unintelligible &&
    facts.types.has("confidentiality") &&
    !facts.harmObserved &&
    highRisk.every((outcome) => outcome.type === "confidentiality")
  ) {
    exemptions.push("unintelligible");
    reasons.add({ code: "exemption_unintelligible" });
  }

  // (b) Subsequent measures: only where a high risk exists, and only for a
  // disclosure to recipients whose deletion can be relied on (nobody, or a
  // trusted or known recipient, few enough to confirm each deletion, no
  // intent); with unknown or public recipients, a mailing list or a thief,
  // copies may exist, and misuse already seen cannot be undone. The AP is
  // still notified: the breach was a risk when it happened.
  const fewKnownRecipients =
    (facts.recipient === "trusted" || facts.recipient === "known") &&
    !facts.assumed.has("recipients_count") &&
    (facts.recipientsCount ?? 1) < MANY_RECIPIENTS;
  if (
    level === "high_risk" &&
    highRisk.length > 0 &&
    highRisk.every((outcome) => outcome.type === "confidentiality") &&
    !facts.assumed.has("contained") &&
    facts.contained &&
    !facts.assumed.has("malicious") &&
    !facts.malicious &&
    !facts.harmObserved &&
    (facts.recipient === "none" || fewKnownRecipients)
  ) {
    exemptions.push("subsequent_measures");
    reasons.add({ code: "exemption_subsequent_measures" });
  }

  // (c) Disproportionate effort: a public communication replaces the
  // individual messages (see DISPROPORTIONATE_EFFORT_THRESHOLD).
  if (level === "high_risk" && facts.people !== undefined && facts.people > DISPROPORTIONATE_EFFORT_THRESHOLD) {
    exemptions.push("disproportionate_effort");
    reasons.add({ code: "exemption_disproportionate_effort", params: { threshold: DISPROPORTIONATE_EFFORT_THRESHOLD } });
  }
  return exemptions;
}

// ---------------------------------------------------------------------------
// Headline and the ENISA figure

function headline(level: TAssessmentLevel, notifySubjects: boolean): TReason {
  switch (level) {
    case "not_a_breach":
      return { code: "headline_not_a_breach" };
    case "no_risk":
      return { code: "headline_no_risk" };
    case "risk":
      return { code: "headline_risk" };
    case "high_risk":
      return { code: notifySubjects ? "headline_high_risk" : "headline_high_risk_exempt" };
  }
}

/**
 * The ENISA score supports, never decides: regulators have fined controllers
 * who skipped a notification because the score came out low. When score and
 * decision differ, the reason says why the decision stands.
 */
function enisaReason(level: TAssessmentLevel, score: number, band: TSeverityBand): TReason {
  const params = { score, band };
  const lower = (level === "risk" && band === "low") || (level === "high_risk" && (band === "low" || band === "medium"));
  if (lower) return { code: "enisa_lower", params };
  const higher = level === "no_risk" && (band === "high" || band === "very_high");
  if (higher) return { code: "enisa_higher", params };
  return { code: "enisa_supporting", params };
}

// ---------------------------------------------------------------------------

/**
 * Assess a breach from the checklist answers, as reason codes. Deterministic
 * and pure: the same answers always give the same evaluation.
 */
export function evaluateBreach(answers: TAnswers, context: TAssessmentContext): TBreachEvaluation {
  const enisa = enisaSeverity(answers, context);
  const severity = {
    dpc: enisa.dpc,
    ei: enisa.ei,
    cb: enisa.cb,
    score: enisa.score,
    band: enisa.band,
    explanation: enisa.explanation,
  };

  // Art. 4(12) GDPR: a breach of security is a personal data breach only when
  // personal data are involved. "Unknown" is treated as personal data.
  if (answers.personal_data === "no") {
    return {
      level: "not_a_breach",
      notify_authority: false,
      notify_subjects: false,
      exemptions: [],
      reasons: [headline("not_a_breach", false)],
      scoring: [],
      severity,
      missing: [],
    };
  }

  const reasons = new ReasonList();
  if (answers.personal_data === "unknown") reasons.add({ code: "personal_data_uncertain" });
  else if (answers.personal_data === undefined) reasons.add(ASSUMPTION.personal_data);
  const { facts, missing } = resolveFacts(answers);
  const allMissing: TQuestionId[] = answers.personal_data === undefined ? ["personal_data", ...missing] : missing;
  reasons.assumption(facts, "breach_types");

  let level: TAssessmentLevel;
  const outcomes: TDimensionOutcome[] = [];
  if (facts.harmObserved) {
    // EDPB 9/2022: misuse already observed means the risk has materialised;
    // nothing can make it unlikely any more.
    reasons.add({ code: "harm_observed" });
    level = "high_risk";
    for (const type of facts.types) outcomes.push({ type, level: "high_risk" });
    // Name what makes the misuse serious, for the register and the message.
    if (!facts.assumed.has("data_categories"))
      for (const category of facts.categories)
        if (HEAVY_CATEGORIES.includes(category)) reasons.add({ code: "category", params: { category } });
  } else {
    reasons.assumption(facts, "harm_observed");
    if (facts.types.has("confidentiality")) outcomes.push(assessConfidentiality(facts, context, reasons));
    if (facts.types.has("integrity")) outcomes.push(assessIntegrity(facts, context, reasons));
    if (facts.types.has("availability")) outcomes.push(assessAvailability(facts, context, reasons));
    // The breach as a whole is as serious as its most serious part.
    level = outcomes.reduce<TRiskLevel>(
      (worst, outcome) => (RISK_RANK[outcome.level] > RISK_RANK[worst] ? outcome.level : worst),
      "no_risk",
    );
  }

  const exemptions = findExemptions(facts, level, outcomes, reasons);
  const notifyAuthority = level === "risk" || level === "high_risk";
  const notifySubjects = level === "high_risk" && exemptions.length === 0;
  reasons.add(enisaReason(level, enisa.score, enisa.band));

  return {
    level,
    notify_authority: notifyAuthority,
    notify_subjects: notifySubjects,
    exemptions,
    reasons: [headline(level, notifySubjects), ...reasons.reasons],
    scoring: reasons.scoring,
    severity,
    missing: allMissing,
  };
}

/** One reason in words; a code this release does not know (an older stored row) gives nothing. */
export function reasonText(reason: { code: string; params?: unknown }, texts: TTexts): string | undefined {
  const template = (texts.checklist.reasons as Record<string, ((params?: unknown) => string) | undefined>)[reason.code];
  return template?.(reason.params);
}

export function reasonTexts(reasons: readonly { code: string; params?: unknown }[], texts: TTexts): string[] {
  return reasons.flatMap((reason) => reasonText(reason, texts) ?? []);
}

/** The evaluation in one language: the shape `datalek assess` prints. */
export function renderEvaluation(
  evaluation: z.infer<typeof ZBreachEvaluation> | TBreachEvaluation,
  locale: TLocale,
): TAssessment {
  const texts = textsFor(locale);
  return {
    level: evaluation.level,
    notify_authority: evaluation.notify_authority,
    notify_subjects: evaluation.notify_subjects,
    exemptions: evaluation.exemptions,
    reasons: reasonTexts(evaluation.reasons, texts),
    scoring: reasonTexts(evaluation.scoring, texts),
    severity: { ...evaluation.severity, explanation: reasonTexts(evaluation.severity.explanation, texts) },
    missing: evaluation.missing,
  };
}

/**
 * Assess a breach from the checklist answers, in words. Deterministic and
 * pure: the same answers always give the same assessment.
 */
export function assessBreach(answers: TAnswers, context: TAssessmentContext, locale: TLocale = "nl"): TAssessment {
  return renderEvaluation(evaluateBreach(answers, context), locale);
}
