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
//      data, intent and containment. Every contribution carries a named reason.
//   4. For availability: explicit rules on how long and for whom the data was
//      missing.
//   5. The highest of the three is the level; then the Art. 34(3) exemptions.
// A missing answer takes its less favourable value and the reasons say so.
// The ENISA score is computed alongside and shown, never used to decide.
import { z } from "zod";
import { enisaSeverity, severityBandName, type TSeverityBand } from "./enisaSeverity.ts";
import {
  QUESTION_IDS,
  type TAnswers,
  type TAssessmentContext,
  type TAvailabilityImpact,
  type TBreachType,
  type TDataCategory,
  type TIdentifiability,
  type TLocale,
  type TQuestionId,
  type TRecipient,
  type TText,
} from "./questions.ts";

import { ASSESSMENT_LEVELS, type TAssessmentLevel } from "./assessmentLevels.ts";
export { ASSESSMENT_LEVELS, type TAssessmentLevel };
/** Art. 34(3)(a), (b) and (c) GDPR. */
export const EXEMPTIONS = ["unintelligible", "subsequent_measures", "disproportionate_effort"] as const;
export type TExemption = (typeof EXEMPTIONS)[number];

export const ZAssessment = z.object({
  level: z.enum(ASSESSMENT_LEVELS),
  notify_authority: z.boolean(),
  notify_subjects: z.boolean(),
  exemptions: z.array(z.enum(EXEMPTIONS)),
  reasons: z.array(z.string()),
  severity: z.object({
    dpc: z.number(),
    ei: z.number(),
    cb: z.number(),
    score: z.number(),
    band: z.enum(["low", "medium", "high", "very_high"]),
    explanation: z.array(z.string()),
  }),
  missing: z.array(z.enum(QUESTION_IDS)),
});
export type TAssessment = z.infer<typeof ZAssessment>;

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

// ---------------------------------------------------------------------------
// Facts: the answers with every missing answer replaced by its less favourable
// value, remembering which ones were assumed.

interface TFacts {
  types: Set<TBreachType>;
  categories: Set<TDataCategory>;
  categoriesAssumed: boolean;
  people: number | undefined;
  vulnerable: boolean;
  identifiability: TIdentifiability;
  unintelligible: boolean;
  recipient: TRecipient;
  malicious: boolean;
  maliciousAnswered: boolean;
  availabilityImpact: TAvailabilityImpact;
  contained: boolean;
  containedAnswered: boolean;
  harmObserved: boolean;
}

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

/** How heavily each kind of data weighs on its own (1 simple .. 3 heavy). */
const CATEGORY_WEIGHT: Record<TDataCategory, number> = {
  identity_contact: 1,
  other: 1,
  location_behaviour: 2,
  financial: 2,
  national_id: 3,
  id_document: 3,
  payment_card: 3,
  credentials: 3,
  health: 3,
  special_other: 3,
  criminal: 3,
};

/** Why a kind of data weighs as it does (EDPB 9/2022, "nature, sensitivity and volume"). */
const CATEGORY_REASON: Record<TDataCategory, TText> = {
  health: {
    nl: "Gezondheids- of zorggegevens zijn bijzondere persoonsgegevens; volgens de EDPB moet schade dan als waarschijnlijk worden beschouwd.",
    en: "Health or care data are a special category; the EDPB says damage should then be considered likely.",
  },
  special_other: {
    nl: "Bijzondere persoonsgegevens (geloof, afkomst, seksualiteit e.d.); volgens de EDPB moet schade dan als waarschijnlijk worden beschouwd.",
    en: "Special-category data (religion, ethnicity, sexuality etc.); the EDPB says damage should then be considered likely.",
  },
  criminal: {
    nl: "Strafrechtelijke gegevens wegen zwaar: kans op stigmatisering en uitsluiting.",
    en: "Criminal-offence data weigh heavily: risk of stigma and exclusion.",
  },
  national_id: {
    nl: "Een BSN of ander identificatienummer weegt zwaar: het maakt identiteitsfraude mogelijk.",
    en: "A citizen service number (BSN) or other ID number weighs heavily: it enables identity fraud.",
  },
  id_document: {
    nl: "Een kopie van een identiteitsbewijs weegt zwaar: het maakt identiteitsfraude mogelijk.",
    en: "A copy of an identity document weighs heavily: it enables identity fraud.",
  },
  payment_card: {
    nl: "Betaalkaartgegevens wegen zwaar: directe kans op financiële schade.",
    en: "Payment card data weigh heavily: direct risk of financial loss.",
  },
  credentials: {
    nl: "Inloggegevens wegen zwaar: ze geven toegang tot accounts en nog meer gegevens.",
    en: "Login credentials weigh heavily: they give access to accounts and further data.",
  },
  financial: {
    nl: "Financiële gegevens: kans op financiële schade of fraude.",
    en: "Financial data: risk of financial loss or fraud.",
  },
  location_behaviour: {
    nl: "Locatie- of gedragsgegevens: ze kunnen iemands leven en gewoonten blootleggen.",
    en: "Location or behavioural data: they can reveal a person’s life and habits.",
  },
  identity_contact: {
    nl: "Naam- en contactgegevens zijn op zichzelf weinig gevoelig.",
    en: "Name and contact data are of low sensitivity on their own.",
  },
  other: {
    nl: "Overige gegevens zijn op zichzelf weinig gevoelig.",
    en: "Other data are of low sensitivity on their own.",
  },
};

function resolveFacts(answers: TAnswers, reasons: ReasonList): { facts: TFacts; missing: TQuestionId[] } {
  const missing = new Set<TQuestionId>();

  const answeredTypes = answers.breach_types ?? [];
  const types = new Set<TBreachType>(answeredTypes);
  if (answeredTypes.length === 0) {
    // Disclosure is the kind of breach whose consequences for people reach
    // furthest, so an unknown kind is treated as one.
    missing.add("breach_types");
    types.add("confidentiality");
    reasons.addNote({
      nl: "Soort inbreuk niet beantwoord: behandeld als inzage of verstrekking aan onbevoegden.",
      en: "Kind of breach not answered: treated as unauthorised access or disclosure.",
    });
  }
  // An answered loss of availability counts even if the kind was not ticked.
  if (answers.availability_impact === "delayed" || answers.availability_impact === "permanent") {
    types.add("availability");
  }

  const answeredCategories = answers.data_categories ?? [];
  const categoriesAssumed = answeredCategories.length === 0;
  const categories = new Set<TDataCategory>(answeredCategories);
  if (categoriesAssumed) {
    missing.add("data_categories");
    categories.add("health");
    reasons.addNote({
      nl: "Soorten gegevens niet beantwoord: behandeld als gezondheidsgegevens.",
      en: "Kinds of data not answered: treated as health data.",
    });
  }

  if (answers.people_affected === undefined) {
    missing.add("people_affected");
    reasons.addNote({
      nl: "Aantal personen niet beantwoord: behandeld als een groot aantal (meer dan 1.000).",
      en: "Number of people not answered: treated as a large number (more than 1,000).",
    });
  }

  if (answers.vulnerable_people === undefined) {
    missing.add("vulnerable_people");
    reasons.addNote({
      nl: "Kwetsbaarheid niet beantwoord: behandeld als kwetsbare personen.",
      en: "Vulnerability not answered: treated as vulnerable people.",
    });
  }

  const confidentiality = types.has("confidentiality");
  if (confidentiality && answers.identifiability === undefined) {
    missing.add("identifiability");
    reasons.addNote({
      nl: "Herkenbaarheid niet beantwoord: behandeld als direct herkenbaar.",
      en: "Identifiability not answered: treated as directly identifiable.",
    });
  }
  if (confidentiality && answers.unintelligible === undefined) {
    missing.add("unintelligible");
    reasons.addNote({
      nl: "Versleuteling niet beantwoord: behandeld als leesbare gegevens.",
      en: "Encryption not answered: treated as readable data.",
    });
  }
  if (confidentiality && answers.recipient === undefined) {
    missing.add("recipient");
    reasons.addNote({
      nl: "Ontvanger niet beantwoord: behandeld als onbekenden.",
      en: "Recipient not answered: treated as unknown persons.",
    });
  }
  if (answers.malicious === undefined) {
    missing.add("malicious");
    reasons.addNote({
      nl: "Opzet niet beantwoord: behandeld als kwade opzet.",
      en: "Intent not answered: treated as malicious.",
    });
  }
  if (types.has("availability") && answers.availability_impact === undefined) {
    missing.add("availability_impact");
    reasons.addNote({
      nl: "Gevolg van het verlies niet beantwoord: behandeld als blijvend verloren.",
      en: "Effect of the loss not answered: treated as permanently lost.",
    });
  }
  if (answers.contained === undefined) {
    missing.add("contained");
    reasons.addNote({
      nl: "Niet beantwoord of het lek gestopt is: behandeld als niet gestopt.",
      en: "Not answered whether the breach is contained: treated as not contained.",
    });
  }
  if (answers.harm_observed === undefined) {
    // "Yes" would decide the whole case on a guess; not knowing of misuse is
    // what "no" means, so it is treated as such and flagged for follow-up.
    missing.add("harm_observed");
    reasons.addNote({
      nl: "Niet beantwoord of er al misbruik is gezien: uitgegaan van nog geen bekend misbruik; controleer dit en beoordeel opnieuw.",
      en: "Not answered whether misuse has been seen: assumed none known yet; check this and reassess.",
    });
  }

  const facts: TFacts = {
    types,
    categories,
    categoriesAssumed,
    people: answers.people_affected,
    vulnerable: answers.vulnerable_people !== "no",
    identifiability: answers.identifiability ?? "maximum",
    unintelligible: answers.unintelligible === "yes",
    recipient: answers.recipient ?? "unknown",
    malicious: answers.malicious !== "no",
    maliciousAnswered: answers.malicious !== undefined,
    availabilityImpact: answers.availability_impact ?? (types.has("availability") ? "permanent" : "none"),
    contained: answers.contained === "yes",
    containedAnswered: answers.contained !== undefined,
    harmObserved: answers.harm_observed === "yes",
  };
  return { facts, missing: QUESTION_IDS.filter((id) => missing.has(id)) };
}

// ---------------------------------------------------------------------------
// Reasons: bilingual while deciding, one language in the result.

class ReasonList {
  private readonly decisive: TText[] = [];
  private readonly notes: TText[] = [];

  add(reason: TText): void {
    if (!this.decisive.some((existing) => existing.nl === reason.nl)) this.decisive.push(reason);
  }

  /** Assumptions about missing answers: listed after the deciding reasons. */
  addNote(reason: TText): void {
    if (!this.notes.some((existing) => existing.nl === reason.nl)) this.notes.push(reason);
  }

  render(headline: TText, locale: TLocale): string[] {
    return [headline, ...this.decisive, ...this.notes].map((reason) => reason[locale]);
  }
}

interface TFactor {
  points: number;
  /** NO_REASON when another sentence already explains the points. */
  reason: TText;
}
const NO_REASON: TText = { nl: "", en: "" };

const sum = (factors: TFactor[]) => factors.reduce((total, factor) => total + factor.points, 0);
const nlNumber = (value: number) => String(Math.round(value * 100) / 100).replace(".", ",");
const enNumber = (value: number) => String(Math.round(value * 100) / 100);
const hasAny = (categories: Set<TDataCategory>, wanted: readonly TDataCategory[]) =>
  wanted.some((category) => categories.has(category));

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
  const weight = Math.max(...categories.map((category) => CATEGORY_WEIGHT[category]));
  // The heaviest kind of data sets the base. Every kind that weighs as much,
  // or weighs heavily itself, is named as a reason. (When the kinds were not
  // answered, the note on the missing answer is the reason.)
  factors.push({ points: weight, reason: NO_REASON });
  if (!facts.categoriesAssumed) {
    for (const category of categories) {
      if (CATEGORY_WEIGHT[category] === weight || HEAVY_CATEGORIES.includes(category)) {
        factors.push({ points: 0, reason: CATEGORY_REASON[category] });
      }
    }
  }
  // Several heavy kinds together (a client file with BSN and diagnoses) make
  // fraud and exposure easier than either alone.
  const heavyCount = categories.filter((category) => HEAVY_CATEGORIES.includes(category)).length;
  if (heavyCount >= 2 && !facts.categoriesAssumed) {
    factors.push({
      points: 0.5,
      reason: {
        nl: "De combinatie van meerdere gevoelige soorten gegevens verhoogt de ernst.",
        en: "The combination of several sensitive kinds of data increases the severity.",
      },
    });
  }
  // EDPB: children and other vulnerable individuals may be placed at greater risk.
  if (facts.vulnerable) {
    factors.push({
      points: 1,
      reason: {
        nl: "Het gaat om kinderen, cliënten of andere kwetsbare personen: dat verhoogt het risico.",
        en: "Children, clients or other vulnerable people are concerned: that raises the risk.",
      },
    });
  }
  // EDPB: the nature and role of the controller (a medical organisation)
  // affects the level of risk; for a care organisation even being in its
  // files says something about someone's health.
  if (context.sector === "care") {
    factors.push({
      points: 0.5,
      reason: {
        nl: "Een zorgorganisatie: een lek weegt zwaarder, omdat al het voorkomen in haar bestanden iets over zorg zegt.",
        en: "A care organisation: a breach weighs heavier, as even appearing in its files says something about care.",
      },
    });
  }
  // EDPB: the more individuals affected, the greater the impact.
  const people = facts.people;
  if (people === undefined || people >= 1_000) {
    const large = people !== undefined && people >= DISPROPORTIONATE_EFFORT_THRESHOLD;
    factors.push({
      points: large ? 1.5 : 1,
      reason:
        people === undefined
          ? { nl: "Onbekend aantal personen: gerekend als een groot aantal.", en: "Unknown number of people: counted as many." }
          : {
              nl: `Groot aantal betrokkenen (${people.toLocaleString("nl-NL")}): grotere impact.`,
              en: `Large number of people (${people.toLocaleString("en-GB")}): greater impact.`,
            },
    });
  } else if (people >= 100) {
    factors.push({
      points: 0.5,
      reason: {
        nl: `Aanzienlijk aantal betrokkenen (${people.toLocaleString("nl-NL")}): grotere impact.`,
        en: `Considerable number of people (${people.toLocaleString("en-GB")}): greater impact.`,
      },
    });
  } else if (people === 1 && weight >= 3) {
    // EDPB: a breach of one person's very sensitive data can still have
    // severe consequences; no discount for a small number.
    factors.push({
      points: 0,
      reason: {
        nl: "Het gaat om één persoon, maar bij zulke gevoelige gegevens kan ook dat ernstige gevolgen hebben.",
        en: "Only one person, but with data this sensitive that alone can have severe consequences.",
      },
    });
  }
  return factors;
}

/** EDPB: "ease of identification" — the recipient's ability to tie the data to a person. */
function identifiabilityFactor(facts: TFacts): TFactor | undefined {
  switch (facts.identifiability) {
    case "negligible":
      return {
        points: -2,
        reason: {
          nl: "De personen zijn nauwelijks te herkennen uit de gegevens: dat verlaagt het risico sterk.",
          en: "The people can hardly be identified from the data: that lowers the risk strongly.",
        },
      };
    case "limited":
      return {
        points: -1,
        reason: {
          nl: "De personen zijn beperkt te herkennen uit de gegevens: dat verlaagt het risico.",
          en: "The people are only to a limited extent identifiable: that lowers the risk.",
        },
      };
    case "significant":
    case "maximum":
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// Dimensions

type TRiskLevel = "no_risk" | "risk" | "high_risk";
const RISK_RANK: Record<TRiskLevel, number> = { no_risk: 0, risk: 1, high_risk: 2 };

interface TDimensionOutcome {
  type: TBreachType;
  level: TRiskLevel;
}

const DIMENSION_NAME: Record<TBreachType, TText> = {
  confidentiality: { nl: "Vertrouwelijkheid (inzage of verstrekking)", en: "Confidentiality (access or disclosure)" },
  integrity: { nl: "Integriteit (ongewenste wijziging)", en: "Integrity (unwanted alteration)" },
  availability: { nl: "Beschikbaarheid (verlies)", en: "Availability (loss)" },
};

const LEVEL_NAME: Record<TRiskLevel, TText> = {
  no_risk: { nl: "waarschijnlijk geen risico", en: "unlikely to result in a risk" },
  risk: { nl: "risico", en: "risk" },
  high_risk: { nl: "hoog risico", en: "high risk" },
};

function levelFromFigure(figure: number): TRiskLevel {
  if (figure >= HIGH_RISK_THRESHOLD) return "high_risk";
  if (figure >= RISK_THRESHOLD) return "risk";
  return "no_risk";
}

/** Combine likelihood and impact into one figure and state it. */
function scoredOutcome(
  type: TBreachType,
  likelihood: TFactor[],
  impact: TFactor[],
  reasons: ReasonList,
  likelihoodOverride?: (points: number) => number,
): TDimensionOutcome {
  for (const factor of [...impact, ...likelihood]) if (factor.reason.nl) reasons.add(factor.reason);
  const rawLikelihood = Math.max(0, sum(likelihood));
  const likelihoodPoints = likelihoodOverride ? likelihoodOverride(rawLikelihood) : rawLikelihood;
  // Impact never drops below a floor: an identifiable person's data leaking is
  // never entirely without consequence.
  const impactPoints = Math.max(0.5, sum(impact));
  const figure = likelihoodPoints * impactPoints;
  const level = levelFromFigure(figure);
  reasons.add({
    nl: `${DIMENSION_NAME[type].nl}: kans ${nlNumber(likelihoodPoints)} x ernst ${nlNumber(impactPoints)} = ${nlNumber(figure)}, ${LEVEL_NAME[level].nl}.`,
    en: `${DIMENSION_NAME[type].en}: likelihood ${enNumber(likelihoodPoints)} x severity ${enNumber(impactPoints)} = ${enNumber(figure)}, ${LEVEL_NAME[level].en}.`,
  });
  return { type, level };
}

/** Likelihood that disclosed data is misused (EDPB: recipient, intent, containment). */
function confidentialityLikelihood(facts: TFacts): TFactor[] {
  const factors: TFactor[] = [];
  const exposed = facts.recipient === "known" || facts.recipient === "unknown" || facts.recipient === "public";
  switch (facts.recipient) {
    case "none":
      // Nobody had the data (e.g. a share that nobody opened, per the logs):
      // only a still-open hole keeps some likelihood.
      factors.push({
        points: facts.contained ? 0 : 1,
        reason: facts.contained
          ? {
              nl: "Niemand heeft de gegevens gezien en het lek is gedicht: misbruik is onwaarschijnlijk.",
              en: "Nobody has seen the data and the hole is closed: misuse is unlikely.",
            }
          : {
              nl: "Niemand heeft de gegevens gezien, maar het lek is nog niet gedicht.",
              en: "Nobody has seen the data, but the hole is not yet closed.",
            },
      });
      break;
    case "trusted":
      // WP250/EDPB: a trusted recipient bound to confidentiality who returns or
      // deletes the data may neutralise the severity; notification may then
      // not be needed.
      factors.push({
        points: facts.contained ? 0.5 : 1,
        reason: facts.contained
          ? {
              nl: "De ontvanger is betrouwbaar, heeft geheimhoudingsplicht en heeft de gegevens teruggegeven of verwijderd: misbruik is onwaarschijnlijk.",
              en: "The recipient is trusted, bound to confidentiality and has returned or deleted the data: misuse is unlikely.",
            }
          : {
              nl: "De ontvanger is betrouwbaar, maar de gegevens zijn nog niet aantoonbaar teruggegeven of verwijderd.",
              en: "The recipient is trusted, but the data have not yet demonstrably been returned or deleted.",
            },
      });
      break;
    case "known":
      factors.push({
        points: 2,
        reason: {
          nl: "De gegevens zijn bij een of meer bekende, maar niet bevoegde ontvangers terechtgekomen.",
          en: "The data reached one or more known but unauthorised recipients.",
        },
      });
      break;
    case "unknown":
      factors.push({
        points: 3,
        reason: {
          nl: "Onbekenden kunnen de gegevens hebben: wat ermee gebeurt, is niet te overzien.",
          en: "Unknown persons may have the data: what happens to them cannot be overseen.",
        },
      });
      break;
    case "public":
      factors.push({
        points: 4,
        reason: {
          nl: "De gegevens waren openbaar: iedereen kan ze hebben gekopieerd.",
          en: "The data were public: anyone may have copied them.",
        },
      });
      break;
  }
  // EDPB: malicious intent raises the likelihood that the data will be misused.
  if (facts.malicious) {
    factors.push({
      points: 1,
      reason: {
        nl: "Er was (kwade) opzet: de kans op misbruik is groter.",
        en: "There was (malicious) intent: misuse is more likely.",
      },
    });
  }
  // Retrieval or deletion before misuse lowers the likelihood (WP250 IV.B);
  // copies may already exist, so it lowers, not removes.
  if (exposed && facts.contained) {
    factors.push({
      points: -1,
      reason: {
        nl: "Het lek is gestopt en de gegevens zijn teruggehaald, verwijderd of afgeschermd: dat verlaagt de kans.",
        en: "The breach is stopped and the data retrieved, deleted or secured: that lowers the likelihood.",
      },
    });
  }
  return factors;
}

function assessConfidentiality(facts: TFacts, context: TAssessmentContext, reasons: ReasonList): TDimensionOutcome {
  // EDPB 9/2022 / Art. 34(3)(a): data that is unintelligible to anyone not
  // authorised (strong encryption, key or salt not compromised) makes a
  // confidentiality risk unlikely.
  if (facts.unintelligible) {
    reasons.add({
      nl: "De gegevens waren onleesbaar voor onbevoegden (sterke versleuteling, sleutel niet gelekt): een risico door inzage is onwaarschijnlijk.",
      en: "The data were unintelligible to unauthorised persons (strong encryption, key not compromised): a risk from disclosure is unlikely.",
    });
    return { type: "confidentiality", level: "no_risk" };
  }
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
    if (special && exposedToOutsiders && adjusted < 2) {
      adjusted = 2;
      reasons.add({
        nl: "Bijzondere gegevens zijn bij onbevoegden geweest: de kans op schade blijft daarom reëel, ook na het stoppen van het lek.",
        en: "Special-category data reached unauthorised persons: the likelihood of damage therefore stays real, even after containment.",
      });
    }
    // EDPB: data that cannot be tied to a person carries little risk; whoever
    // has it cannot use it against anyone in particular.
    if (facts.identifiability === "negligible" && adjusted > 1) {
      adjusted = 1;
    }
    return adjusted;
  });
}

function assessIntegrity(facts: TFacts, context: TAssessmentContext, reasons: ReasonList): TDimensionOutcome {
  // An unwanted change matters as long as someone may act on the wrong data;
  // for health data in care that can endanger the care itself (wrong
  // medication, wrong instructions): EDPB "physical harm".
  const likelihood: TFactor[] = [
    facts.contained
      ? {
          points: 1,
          reason: {
            nl: "De ongewenste wijziging is hersteld; wel kan er intussen op de verkeerde gegevens zijn gehandeld.",
            en: "The unwanted alteration has been undone, though the wrong data may have been acted on meanwhile.",
          },
        }
      : {
          points: 2,
          reason: {
            nl: "De ongewenste wijziging is nog niet hersteld: er kan op verkeerde gegevens worden gehandeld.",
            en: "The unwanted alteration has not been undone: people may act on wrong data.",
          },
        },
  ];
  if (facts.malicious) {
    likelihood.push({
      points: 1,
      reason: {
        nl: "De wijziging was opzettelijk: de kans op schade is groter.",
        en: "The alteration was deliberate: damage is more likely.",
      },
    });
  }
  if (facts.categories.has("health") && context.sector === "care") {
    reasons.add({
      nl: "Gewijzigde gezondheidsgegevens in de zorg kunnen de zorg zelf in gevaar brengen.",
      en: "Altered health data in a care setting can endanger the care itself.",
    });
  }
  return scoredOutcome("integrity", likelihood, impactFactors(facts, context), reasons);
}

function assessAvailability(facts: TFacts, context: TAssessmentContext, reasons: ReasonList): TDimensionOutcome {
  const healthData = hasAny(facts.categories, SPECIAL_CATEGORIES);
  if (facts.unintelligible && (facts.availabilityImpact === "delayed" || facts.availabilityImpact === "permanent")) {
    // EDPB 01/2021 (cases on stolen encrypted devices): encryption protects
    // confidentiality, it does not bring back data without a backup.
    reasons.add({
      nl: "Versleuteling beschermt tegen inzage, maar brengt verloren gegevens niet terug.",
      en: "Encryption protects against disclosure, but does not bring back lost data.",
    });
  }
  switch (facts.availabilityImpact) {
    case "none":
      return { type: "availability", level: "no_risk" };
    case "restored":
      // EDPB 01/2021 case 1: restored quickly from a backup without
      // consequences for the people is unlikely to result in a risk.
      reasons.add({
        nl: "De gegevens waren snel weer beschikbaar (bijv. uit een back-up) zonder gevolgen voor mensen of zorg: geen risico door het verlies.",
        en: "The data were quickly available again (e.g. from a backup) without consequences for people or care: no risk from the loss.",
      });
      return { type: "availability", level: "no_risk" };
    case "delayed":
      // EDPB 01/2021 case 3 and WP250 (hospital records unavailable): when
      // care to vulnerable people is disrupted the risk is high; a delay that
      // affects people is a risk in any case.
      if (facts.vulnerable && (context.sector === "care" || healthData)) {
        reasons.add({
          nl: "Door het verlies raakte de zorg aan kwetsbare personen verstoord: hoog risico.",
          en: "The loss disrupted care to vulnerable people: high risk.",
        });
        return { type: "availability", level: "high_risk" };
      }
      reasons.add({
        nl: "De gegevens waren tijdelijk niet beschikbaar en dat raakte mensen of de zorg: risico.",
        en: "The data were temporarily unavailable and that affected people or care: risk.",
      });
      return { type: "availability", level: "risk" };
    case "permanent":
      // EDPB: permanence of the consequences matters; EDPB 01/2021 case 2
      // (ransomware without backup) is notifiable; permanent loss of health
      // data or of vulnerable people's data is a high risk.
      if (healthData || facts.vulnerable) {
        reasons.add({
          nl: "Gezondheidsgegevens of gegevens van kwetsbare personen zijn blijvend verloren (geen back-up): hoog risico.",
          en: "Health data or data of vulnerable people are permanently lost (no backup): high risk.",
        });
        return { type: "availability", level: "high_risk" };
      }
      reasons.add({
        nl: "De gegevens zijn blijvend verloren (geen back-up): risico.",
        en: "The data are permanently lost (no backup): risk.",
      });
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
    reasons.add({
      nl: "Uitzondering art. 34 lid 3 onder a AVG: de gegevens waren onleesbaar voor onbevoegden.",
      en: "Exemption Art. 34(3)(a) GDPR: the data were unintelligible to unauthorised persons.",
    });
  }

  // (b) Subsequent measures: only where a high risk exists, and only for a
  // disclosure to recipients whose deletion can be relied on (nobody, a trusted
  // or a known recipient, no intent); with unknown or public recipients or
  // a thief copies may exist, and misuse already seen cannot be undone.
  if (
    level === "high_risk" &&
    highRisk.length > 0 &&
    highRisk.every((outcome) => outcome.type === "confidentiality") &&
    facts.containedAnswered &&
    facts.contained &&
    facts.maliciousAnswered &&
    !facts.malicious &&
    !facts.harmObserved &&
    (facts.recipient === "none" || facts.recipient === "trusted" || facts.recipient === "known")
  ) {
    exemptions.push("subsequent_measures");
    reasons.add({
      nl: "Uitzondering art. 34 lid 3 onder b AVG: het lek is gestopt en de ontvanger heeft de gegevens teruggegeven of verwijderd, zodat het hoge risico zich waarschijnlijk niet meer voordoet. Leg de bevestiging van de ontvanger vast.",
      en: "Exemption Art. 34(3)(b) GDPR: the breach is stopped and the recipient returned or deleted the data, so the high risk is no longer likely to materialise. Record the recipient’s confirmation.",
    });
  }

  // (c) Disproportionate effort: a public communication replaces the
  // individual messages (see DISPROPORTIONATE_EFFORT_THRESHOLD).
  if (level === "high_risk" && facts.people !== undefined && facts.people > DISPROPORTIONATE_EFFORT_THRESHOLD) {
    exemptions.push("disproportionate_effort");
    reasons.add({
      nl: `Uitzondering art. 34 lid 3 onder c AVG: meer dan ${DISPROPORTIONATE_EFFORT_THRESHOLD.toLocaleString("nl-NL")} personen afzonderlijk informeren vergt een onevenredige inspanning; een openbare mededeling (website, media) komt daarvoor in de plaats en is verplicht.`,
      en: `Exemption Art. 34(3)(c) GDPR: informing more than ${DISPROPORTIONATE_EFFORT_THRESHOLD.toLocaleString("en-GB")} people individually takes disproportionate effort; a public communication (website, media) replaces it and is required.`,
    });
  }
  return exemptions;
}

// ---------------------------------------------------------------------------
// Headlines

function headline(level: TAssessmentLevel, notifySubjects: boolean): TText {
  switch (level) {
    case "not_a_breach":
      return {
        nl: "Geen datalek: er zijn geen persoonsgegevens bij betrokken. Registreer het als beveiligingsincident.",
        en: "Not a personal-data breach: no personal data are involved. Register it as a security incident.",
      };
    case "no_risk":
      return {
        nl: "Niet melden: het datalek leidt waarschijnlijk niet tot een risico voor de betrokkenen. Wel vastleggen in het register (art. 33 lid 5 AVG).",
        en: "Do not notify: the breach is unlikely to result in a risk to the people concerned. Record it in the register (Art. 33(5) GDPR).",
      };
    case "risk":
      return {
        nl: "Melden bij de Autoriteit Persoonsgegevens binnen 72 uur: het datalek leidt waarschijnlijk tot een risico voor de betrokkenen (art. 33 AVG).",
        en: "Notify the Dutch DPA (Autoriteit Persoonsgegevens) within 72 hours: the breach is likely to result in a risk to the people concerned (Art. 33 GDPR).",
      };
    case "high_risk":
      return notifySubjects
        ? {
            nl: "Hoog risico: melden bij de Autoriteit Persoonsgegevens binnen 72 uur en de betrokkenen zonder onnodige vertraging informeren (art. 33 en 34 AVG).",
            en: "High risk: notify the Dutch DPA within 72 hours and inform the people concerned without undue delay (Art. 33 and 34 GDPR).",
          }
        : {
            nl: "Hoog risico: melden bij de Autoriteit Persoonsgegevens binnen 72 uur; de betrokkenen hoeven niet afzonderlijk te worden geïnformeerd vanwege een uitzondering (art. 34 lid 3 AVG).",
            en: "High risk: notify the Dutch DPA within 72 hours; the people concerned need not be informed individually because of an exemption (Art. 34(3) GDPR).",
          };
  }
}

/**
 * The ENISA score supports, never decides: regulators have fined controllers
 * who skipped a notification because the score came out low. When score and
 * decision differ, the reason says why the decision stands.
 */
function enisaReason(level: TAssessmentLevel, score: number, band: TSeverityBand): TText {
  const nl = `ENISA-score ${nlNumber(score)} (${severityBandName(band).nl})`;
  const en = `ENISA score ${enNumber(score)} (${severityBandName(band).en})`;
  const lower = (level === "risk" && band === "low") || (level === "high_risk" && (band === "low" || band === "medium"));
  if (lower) {
    return {
      nl: `De ${nl} valt lager uit, maar is alleen ondersteunend: de factoren hierboven wegen zwaarder en de score verlaagt dit oordeel niet.`,
      en: `The ${en} comes out lower, but it is only supporting: the factors above weigh heavier and the score does not lower this decision.`,
    };
  }
  const higher = level === "no_risk" && (band === "high" || band === "very_high");
  if (higher) {
    return {
      nl: `De ${nl} valt hoger uit, want die rekent vooral met de gevoeligheid van de gegevens; de omstandigheden hierboven maken een risico toch onwaarschijnlijk. Leg dat vast.`,
      en: `The ${en} comes out higher, as it mainly counts the sensitivity of the data; the circumstances above still make a risk unlikely. Record this.`,
    };
  }
  return { nl: `Ondersteunend: ${nl}.`, en: `Supporting figure: ${en}.` };
}

// ---------------------------------------------------------------------------

/**
 * Assess a breach from the checklist answers. Deterministic and pure: the same
 * answers always give the same assessment.
 */
export function assessBreach(answers: TAnswers, context: TAssessmentContext, locale: TLocale = "nl"): TAssessment {
  const enisa = enisaSeverity(answers, context);
  const severity = {
    dpc: enisa.dpc,
    ei: enisa.ei,
    cb: enisa.cb,
    score: enisa.score,
    band: enisa.band,
    explanation: enisa.explanation.map((line) => line[locale]),
  };

  // Art. 4(12) GDPR: a breach of security is a personal data breach only when
  // personal data are involved. "Unknown" is treated as personal data.
  if (answers.personal_data === "no") {
    return {
      level: "not_a_breach",
      notify_authority: false,
      notify_subjects: false,
      exemptions: [],
      reasons: [headline("not_a_breach", false)[locale]],
      severity,
      missing: [],
    };
  }

  const reasons = new ReasonList();
  if (answers.personal_data !== "yes") {
    reasons.addNote(
      answers.personal_data === "unknown"
        ? {
            nl: "Nog niet zeker of het om persoonsgegevens gaat: behandeld als persoonsgegevens.",
            en: "Not yet certain whether personal data are involved: treated as personal data.",
          }
        : {
            nl: "Niet beantwoord of het om persoonsgegevens gaat: behandeld als persoonsgegevens.",
            en: "Not answered whether personal data are involved: treated as personal data.",
          },
    );
  }
  const { facts, missing } = resolveFacts(answers, reasons);
  const allMissing: TQuestionId[] = answers.personal_data === undefined ? ["personal_data", ...missing] : missing;

  let level: TAssessmentLevel;
  const outcomes: TDimensionOutcome[] = [];
  if (facts.harmObserved) {
    // EDPB 9/2022: misuse already observed means the risk has materialised;
    // nothing can make it unlikely any more.
    reasons.add({
      nl: "Er is al misbruik of schade gezien: het risico heeft zich verwezenlijkt. Dat is een hoog risico.",
      en: "Misuse or harm has already been seen: the risk has materialised. That is a high risk.",
    });
    level = "high_risk";
    for (const type of facts.types) outcomes.push({ type, level: "high_risk" });
    // Name what makes the misuse serious, for the register and the message.
    for (const category of facts.categories) {
      if (HEAVY_CATEGORIES.includes(category) && !facts.categoriesAssumed) reasons.add(CATEGORY_REASON[category]);
    }
  } else {
    if (facts.types.has("confidentiality")) outcomes.push(assessConfidentiality(facts, context, reasons));
    if (facts.types.has("integrity")) outcomes.push(assessIntegrity(facts, context, reasons));
    if (facts.types.has("availability")) outcomes.push(assessAvailability(facts, context, reasons));
    // The breach as a whole is as serious as its most serious part.
    const highest = outcomes.reduce<TRiskLevel>(
      (worst, outcome) => (RISK_RANK[outcome.level] > RISK_RANK[worst] ? outcome.level : worst),
      "no_risk",
    );
    level = highest;
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
    reasons: reasons.render(headline(level, notifySubjects), locale),
    severity,
    missing: allMissing,
  };
}
