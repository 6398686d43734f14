// Expectations are written from the EDPB guidelines 9/2022 (and the worked
// examples in EDPB 01/2021), not copied from the engine: each case says why.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assessBreach,
  DISPROPORTIONATE_EFFORT_THRESHOLD,
  ZAssessment,
  type TAssessment,
  type TAssessmentLevel,
  type TExemption,
} from "../../src/features/checklist/assessBreach.ts";
import {
  AVAILABILITY_IMPACT_VALUES,
  QUESTION_IDS,
  QUESTIONS,
  BREACH_TYPES,
  DATA_CATEGORIES,
  IDENTIFIABILITY_VALUES,
  PERSONAL_DATA_VALUES,
  RECIPIENT_VALUES,
  ZAnswers,
  type TAnswers,
  type TAssessmentContext,
} from "../../src/features/checklist/questions.ts";
import { textsFor } from "../../src/texts/index.ts";

const CARE: TAssessmentContext = { sector: "care" };
const GENERAL: TAssessmentContext = { sector: "general" };

/**
 * A neutral, fully answered disclosure: simple contact data of ten adults to a
 * known recipient (one addressee), by mistake, not yet contained. Factor cases
 * change one or two answers from here.
 */
const NEUTRAL: TAnswers = {
  personal_data: "yes",
  breach_types: ["confidentiality"],
  data_categories: ["identity_contact"],
  people_affected: 10,
  vulnerable_people: "no",
  identifiability: "maximum",
  unintelligible: "no",
  recipient: "known",
  recipients_count: 1,
  malicious: "no",
  availability_impact: "none",
  contained: "no",
  harm_observed: "no",
};

interface TCase {
  name: string;
  answers: TAnswers;
  context: TAssessmentContext;
  level: TAssessmentLevel;
  /** Defaults: notify_subjects = level is high_risk; exemptions empty. */
  notifySubjects?: boolean;
  exemptions?: TExemption[];
  /** Why the guidance leads to this level. */
  why: string;
}

const with_ = (changes: TAnswers): TAnswers => ({ ...NEUTRAL, ...changes });

const FACTOR_CASES: TCase[] = [
  // --- Personal data or not --------------------------------------------------
  {
    name: "no personal data",
    answers: with_({ personal_data: "no", data_categories: ["health"], recipient: "public" }),
    context: CARE,
    level: "not_a_breach",
    why: "Art. 4(12): a security incident without personal data is not a personal data breach",
  },
  {
    name: "personal data unknown counts as personal data",
    answers: with_({ personal_data: "unknown", data_categories: ["health"], recipient: "public", people_affected: 1 }),
    context: GENERAL,
    level: "high_risk",
    why: "unknown must err on the side of the people: published health data is a high risk",
  },
  // --- Recipient and nature of the data (level boundaries) ---------------------
  {
    name: "simple contact data of a few adults to a known recipient",
    answers: NEUTRAL,
    context: GENERAL,
    level: "no_risk",
    why: "EDPB 01/2021 misdirected-mail cases: limited, non-sensitive data of few people, known recipient: risk unlikely",
  },
  {
    name: "the same simple data published",
    answers: with_({ recipient: "public" }),
    context: GENERAL,
    level: "risk",
    why: "public exposure: anyone may copy the data (phishing, spam); not high for contact data of ten people",
  },
  {
    name: "simple data of many people to known recipients (mass CC mail)",
    answers: with_({ people_affected: 5_000 }),
    context: GENERAL,
    level: "risk",
    why: "EDPB: the more people, the greater the impact; WP250 mailing-list example is notifiable",
  },
  {
    name: "children’s names and addresses to a known recipient",
    answers: with_({ vulnerable_people: "yes" }),
    context: GENERAL,
    level: "risk",
    why: "EDPB: children and vulnerable individuals raise the risk; the adults’ version is no risk",
  },
  {
    name: "financial data to a known recipient who deleted it, by mistake",
    answers: with_({ data_categories: ["financial"], people_affected: 20, contained: "yes" }),
    context: GENERAL,
    level: "no_risk",
    why: "ordinary financial data, known recipient, data deleted: misuse unlikely",
  },
  {
    name: "the same financial data taken deliberately",
    answers: with_({ data_categories: ["financial"], people_affected: 20, contained: "yes", malicious: "yes" }),
    context: GENERAL,
    level: "risk",
    why: "EDPB: malicious intent raises the likelihood of misuse",
  },
  {
    name: "the same financial data, not contained",
    answers: with_({ data_categories: ["financial"], people_affected: 20, contained: "no" }),
    context: GENERAL,
    level: "risk",
    why: "the recipient still has financial data: fraud possible; containment is what made the other case no risk",
  },
  {
    name: "one adult’s health data to a known recipient",
    answers: with_({ data_categories: ["health"], people_affected: 1 }),
    context: GENERAL,
    level: "risk",
    why: "special category: damage should be considered likely; a single known recipient keeps it below high",
  },
  {
    name: "one adult’s health data with unknown recipients",
    answers: with_({ data_categories: ["health"], people_affected: 1, recipient: "unknown" }),
    context: GENERAL,
    level: "high_risk",
    why: "EDPB: one person’s very sensitive data can be a high risk on its own when it is out of control",
  },
  {
    name: "a child’s care plan to a known recipient, general sector",
    answers: with_({ data_categories: ["health"], people_affected: 1, vulnerable_people: "yes" }),
    context: GENERAL,
    level: "risk",
    why: "special category and a child: notifiable; outside care the weighing stays just below high",
  },
  {
    name: "a child’s care plan to a known recipient, care organisation",
    answers: with_({ data_categories: ["health"], people_affected: 1, vulnerable_people: "yes" }),
    context: CARE,
    level: "high_risk",
    why: "EDPB: the nature of the controller (care) adds weight; health data of a child in care: high",
  },
  {
    name: "BSN of one adult published",
    answers: with_({ data_categories: ["national_id"], people_affected: 1, recipient: "public" }),
    context: GENERAL,
    level: "high_risk",
    why: "national identification numbers weigh heavily: identity fraud by anyone",
  },
  {
    name: "credentials of staff phished",
    answers: with_({ data_categories: ["credentials"], people_affected: 20, recipient: "unknown", malicious: "yes" }),
    context: GENERAL,
    level: "high_risk",
    why: "credentials weigh heavily and an attacker has them: account takeover is likely",
  },
  // --- Ease of identification -------------------------------------------------
  {
    name: "pseudonymised client health data published, negligible identifiability",
    answers: with_({
      data_categories: ["health"],
      people_affected: 200,
      vulnerable_people: "yes",
      recipient: "public",
      identifiability: "negligible",
    }),
    context: CARE,
    level: "no_risk",
    why: "EDPB: data that cannot be tied to a person carries little risk",
  },
  {
    name: "the same client health data published, directly identifiable",
    answers: with_({ data_categories: ["health"], people_affected: 200, vulnerable_people: "yes", recipient: "public" }),
    context: CARE,
    level: "high_risk",
    why: "published identifiable health data of care clients: high risk",
  },
  // --- Unintelligibility ----------------------------------------------------------
  {
    name: "encrypted health data with unknown recipients",
    answers: with_({
      data_categories: ["health"],
      vulnerable_people: "yes",
      recipient: "unknown",
      malicious: "yes",
      unintelligible: "yes",
    }),
    context: CARE,
    level: "no_risk",
    exemptions: ["unintelligible"],
    why: "EDPB: strongly encrypted data with a safe key is unintelligible: confidentiality risk unlikely; Art. 34(3)(a)",
  },
  {
    name: "encrypted health data, only copy lost",
    answers: with_({
      breach_types: ["confidentiality", "availability"],
      data_categories: ["health"],
      vulnerable_people: "yes",
      recipient: "unknown",
      malicious: "yes",
      unintelligible: "yes",
      availability_impact: "permanent",
    }),
    context: CARE,
    level: "high_risk",
    notifySubjects: true,
    why: "encryption does not cure an availability loss without backup; (a) cannot cover that high risk",
  },
  // --- Trusted recipient and containment ---------------------------------------
  {
    name: "ordinary data to a trusted recipient who deleted it",
    answers: with_({ recipient: "trusted", contained: "yes" }),
    context: CARE,
    level: "no_risk",
    why: "WP250/EDPB: a trusted recipient under confidentiality who returned the data neutralises the risk",
  },
  {
    name: "client health data to a trusted recipient who deleted it",
    answers: with_({
      data_categories: ["health"],
      people_affected: 1,
      vulnerable_people: "yes",
      recipient: "trusted",
      contained: "yes",
    }),
    context: CARE,
    level: "no_risk",
    why: "even for health data: a colleague bound to professional secrecy who deleted it makes misuse unlikely",
  },
  {
    name: "client health data to a trusted recipient, deletion not yet confirmed",
    answers: with_({
      data_categories: ["health"],
      people_affected: 1,
      vulnerable_people: "yes",
      recipient: "trusted",
      contained: "no",
    }),
    context: CARE,
    level: "risk",
    why: "the trusted recipient lowers the risk, but not below a risk while the data are still with them; not high",
  },
  {
    name: "nobody saw the data and the hole is closed",
    answers: with_({ data_categories: ["health"], vulnerable_people: "yes", recipient: "none", contained: "yes" }),
    context: CARE,
    level: "no_risk",
    why: "a confidentiality breach with no recipient, contained: risk unlikely",
  },
  // --- Availability ----------------------------------------------------------------
  {
    name: "quickly restored from backup without consequences",
    answers: with_({
      breach_types: ["availability"],
      data_categories: ["health"],
      vulnerable_people: "yes",
      malicious: "yes",
      availability_impact: "restored",
      recipient: "none",
    }),
    context: CARE,
    level: "no_risk",
    why: "EDPB 01/2021 case 1: ransomware with backup, restored at once, no exfiltration: no risk",
  },
  {
    name: "staff data unavailable with a delay that affected them",
    answers: with_({ breach_types: ["availability"], availability_impact: "delayed", people_affected: 40 }),
    context: GENERAL,
    level: "risk",
    why: "a loss of availability that affects people is a risk",
  },
  {
    name: "client records unavailable, care to vulnerable clients disrupted",
    answers: with_({
      breach_types: ["availability"],
      availability_impact: "delayed",
      vulnerable_people: "yes",
      people_affected: 80,
    }),
    context: CARE,
    level: "high_risk",
    why: "EDPB 01/2021 case 3 / WP250 hospital example: disrupted care to vulnerable people is a high risk",
  },
  {
    name: "simple data of adults permanently lost",
    answers: with_({ breach_types: ["availability"], availability_impact: "permanent" }),
    context: GENERAL,
    level: "risk",
    why: "EDPB 01/2021 case 2 (no backup) is notifiable; simple data of adults keeps it below high",
  },
  {
    name: "health data permanently lost",
    answers: with_({ breach_types: ["availability"], availability_impact: "permanent", data_categories: ["health"] }),
    context: GENERAL,
    level: "high_risk",
    why: "permanence matters: lost health records can harm care and cannot be rebuilt",
  },
  // --- Integrity -----------------------------------------------------------------
  {
    name: "client medication data altered, not yet corrected",
    answers: with_({
      breach_types: ["integrity"],
      data_categories: ["health"],
      vulnerable_people: "yes",
      people_affected: 15,
    }),
    context: CARE,
    level: "high_risk",
    why: "altered health data in care can endanger care (physical harm)",
  },
  {
    name: "client medication data altered, corrected",
    answers: with_({
      breach_types: ["integrity"],
      data_categories: ["health"],
      vulnerable_people: "yes",
      people_affected: 15,
      contained: "yes",
    }),
    context: CARE,
    level: "risk",
    why: "corrected, but someone may have acted on it meanwhile; lower than uncorrected, still notifiable",
  },
  // --- Harm observed (override) ------------------------------------------------------
  {
    name: "misuse already seen, otherwise harmless facts",
    answers: with_({ contained: "yes", harm_observed: "yes" }),
    context: GENERAL,
    level: "high_risk",
    why: "misuse observed: the risk has materialised",
  },
  {
    name: "misuse seen of encrypted data",
    answers: with_({ unintelligible: "yes", harm_observed: "yes", recipient: "unknown" }),
    context: GENERAL,
    level: "high_risk",
    notifySubjects: true,
    why: "misuse shows the data were not unintelligible after all; (a) cannot apply",
  },
];

const EXEMPTION_CASES: TCase[] = [
  {
    name: "(b) known recipient deleted the child’s care plan",
    answers: with_({
      data_categories: ["health"],
      people_affected: 1,
      vulnerable_people: "yes",
      contained: "yes",
    }),
    context: CARE,
    level: "high_risk",
    notifySubjects: false,
    exemptions: ["subsequent_measures"],
    why: "the high risk existed; the recipient’s deletion is a subsequent measure (Art. 34(3)(b)); AP still notified",
  },
  {
    name: "(b) not for unknown recipients: USB stick found back",
    answers: with_({
      data_categories: ["health"],
      people_affected: 25,
      vulnerable_people: "yes",
      recipient: "unknown",
      contained: "yes",
    }),
    context: CARE,
    level: "high_risk",
    notifySubjects: true,
    why: "nobody can say who copied the data in the meantime: the high risk remains",
  },
  {
    name: "(b) not after deliberate misuse: colleague snooped in a client file",
    answers: with_({
      data_categories: ["health"],
      people_affected: 1,
      vulnerable_people: "yes",
      malicious: "yes",
      contained: "yes",
    }),
    context: CARE,
    level: "high_risk",
    notifySubjects: true,
    why: "someone who looked on purpose cannot unsee it; a promise to delete does not remove the risk",
  },
  {
    name: "(c) BSNs of 150,000 people published",
    answers: with_({
      data_categories: ["identity_contact", "national_id"],
      people_affected: 150_000,
      recipient: "public",
    }),
    context: GENERAL,
    level: "high_risk",
    notifySubjects: false,
    exemptions: ["disproportionate_effort"],
    why: "high risk; individual letters to more than 100,000 people are a disproportionate effort: public communication",
  },
  {
    name: "(c) not at exactly the threshold",
    answers: with_({
      data_categories: ["identity_contact", "national_id"],
      people_affected: DISPROPORTIONATE_EFFORT_THRESHOLD,
      recipient: "public",
    }),
    context: GENERAL,
    level: "high_risk",
    notifySubjects: true,
    why: 'the threshold is "more than"; at it, people are written to individually',
  },
];

/** Realistic incidents in a Dutch care organisation (synthetic). */
const CARE_CASES: TCase[] = [
  {
    name: "USB stick with unencrypted client files lost on the train",
    answers: {
      personal_data: "yes",
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact", "health", "national_id"],
      people_affected: 35,
      vulnerable_people: "yes",
      identifiability: "maximum",
      unintelligible: "no",
      recipient: "unknown",
      malicious: "no",
      availability_impact: "none",
      contained: "no",
      harm_observed: "no",
    },
    context: CARE,
    level: "high_risk",
    why: "health data and BSNs of vulnerable clients out of control: identity fraud and stigma likely",
  },
  {
    name: "e-mail with a care plan sent to the wrong parent, not yet deleted",
    answers: {
      personal_data: "yes",
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact", "health"],
      people_affected: 1,
      vulnerable_people: "yes",
      identifiability: "maximum",
      unintelligible: "no",
      recipient: "known",
      recipients_count: 1,
      malicious: "no",
      contained: "no",
      harm_observed: "no",
    },
    context: CARE,
    level: "high_risk",
    why: "a child’s health and family situation with another parent who may know the family: high risk",
  },
  {
    name: "ransomware encrypted the NAS, no backup, exfiltration possible",
    answers: {
      personal_data: "yes",
      breach_types: ["confidentiality", "availability"],
      data_categories: ["identity_contact", "health"],
      people_affected: 120,
      vulnerable_people: "yes",
      identifiability: "maximum",
      unintelligible: "no",
      recipient: "unknown",
      malicious: "yes",
      availability_impact: "permanent",
      contained: "no",
      harm_observed: "no",
    },
    context: CARE,
    level: "high_risk",
    why: "EDPB 01/2021 case 4: ransomware without backup and possible exfiltration is a high risk",
  },
  {
    name: "Siilo message about a client to the wrong colleague, who deleted it",
    answers: {
      personal_data: "yes",
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact", "health"],
      people_affected: 1,
      vulnerable_people: "yes",
      identifiability: "maximum",
      unintelligible: "no",
      recipient: "trusted",
      recipients_count: 1,
      malicious: "no",
      contained: "yes",
      harm_observed: "no",
    },
    context: CARE,
    level: "no_risk",
    why: "trusted recipient bound to professional secrecy, message deleted: document only",
  },
  {
    name: "encrypted laptop stolen from a car, files synced to the cloud",
    answers: {
      personal_data: "yes",
      breach_types: ["confidentiality", "availability"],
      data_categories: ["identity_contact", "health"],
      people_affected: 60,
      vulnerable_people: "yes",
      identifiability: "maximum",
      unintelligible: "yes",
      recipient: "unknown",
      malicious: "yes",
      availability_impact: "restored",
      contained: "no",
      harm_observed: "no",
    },
    context: CARE,
    level: "no_risk",
    exemptions: ["unintelligible"],
    why: "strong encryption with a safe key and a copy elsewhere: no risk to confidentiality or availability",
  },
  {
    name: "list with client BSNs published on the website for two days",
    answers: {
      personal_data: "yes",
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact", "national_id"],
      people_affected: 400,
      vulnerable_people: "yes",
      identifiability: "maximum",
      unintelligible: "no",
      recipient: "public",
      malicious: "no",
      contained: "yes",
      harm_observed: "no",
    },
    context: CARE,
    level: "high_risk",
    notifySubjects: true,
    why: "BSNs of vulnerable clients public: taking it offline cannot recall copies; (b) does not apply",
  },
  {
    name: "roster with client initials only, seen by a colleague of another team",
    answers: {
      personal_data: "yes",
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact"],
      people_affected: 12,
      vulnerable_people: "yes",
      identifiability: "limited",
      unintelligible: "no",
      recipient: "known",
      recipients_count: 1,
      malicious: "no",
      contained: "yes",
      harm_observed: "no",
    },
    context: CARE,
    level: "no_risk",
    why: "initials only, a colleague, contained: hardly identifiable and no realistic misuse",
  },
  {
    name: "newsletter to 200 clients with all addresses in CC",
    answers: {
      personal_data: "yes",
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact"],
      people_affected: 200,
      vulnerable_people: "yes",
      identifiability: "maximum",
      unintelligible: "no",
      recipient: "known",
      recipients_count: 200,
      malicious: "no",
      contained: "no",
      harm_observed: "no",
    },
    context: CARE,
    level: "risk",
    why: "reveals to each other who is a client of a care organisation: notifiable; contact data only: not high",
  },
  {
    name: "client portal down for a day, care visits missed",
    answers: {
      personal_data: "yes",
      breach_types: ["availability"],
      data_categories: ["identity_contact", "health"],
      people_affected: 300,
      vulnerable_people: "yes",
      malicious: "no",
      availability_impact: "delayed",
      contained: "yes",
      harm_observed: "no",
    },
    context: CARE,
    level: "high_risk",
    why: "care to vulnerable clients disrupted (EDPB 01/2021 case 3)",
  },
];

function check(testCase: TCase): TAssessment {
  const result = assessBreach(ZAnswers.parse(testCase.answers), testCase.context);
  expect(result.level, testCase.why).toBe(testCase.level);
  expect(result.notify_authority).toBe(testCase.level === "risk" || testCase.level === "high_risk");
  const expectedSubjects = testCase.notifySubjects ?? testCase.level === "high_risk";
  expect(result.notify_subjects).toBe(expectedSubjects);
  expect(result.exemptions).toEqual(testCase.exemptions ?? []);
  return result;
}

describe("assessBreach: factors and level boundaries", () => {
  it.each(FACTOR_CASES)("$name", (testCase) => {
    check(testCase);
  });
});

describe("assessBreach: Art. 34(3) exemptions", () => {
  it.each(EXEMPTION_CASES)("$name", (testCase) => {
    check(testCase);
  });

  it("says a public communication replaces individual messages under (c)", () => {
    const result = check(EXEMPTION_CASES.find((testCase) => testCase.name.startsWith("(c) BSNs"))!);
    expect(result.reasons.join(" ")).toMatch(/openbare mededeling/);
  });
});

describe("assessBreach: realistic care incidents", () => {
  it.each(CARE_CASES)("$name", (testCase) => {
    check(testCase);
  });
});

describe("assessBreach: reasons, missing answers, ENISA", () => {
  it("treats missing answers unfavourably and names them", () => {
    const result = assessBreach({}, CARE);
    // Unknown data, people, recipient and intent, in a care organisation: the
    // people concerned must not pay for an incomplete checklist.
    expect(result.level).toBe("high_risk");
    expect(result.missing).toEqual([
      "personal_data",
      "breach_types",
      "data_categories",
      "people_affected",
      "vulnerable_people",
      "identifiability",
      "unintelligible",
      "recipient",
      "malicious",
      "contained",
      "harm_observed",
    ]);
    expect(result.reasons.some((reason) => reason.includes("niet beantwoord"))).toBe(true);
  });

  it("assumes a permanent loss when the effect of an availability breach is not answered", () => {
    const answers: TAnswers = { ...NEUTRAL, breach_types: ["availability"], data_categories: ["health"] };
    delete answers.availability_impact;
    const result = assessBreach(answers, GENERAL);
    // Permanent loss of health data is a high risk; the answer is flagged.
    expect(result.level).toBe("high_risk");
    expect(result.missing).toEqual(["availability_impact"]);
  });

  it("lists only the questions that matter as missing", () => {
    const answers: TAnswers = { ...NEUTRAL, breach_types: ["availability"], availability_impact: "restored" };
    delete answers.recipient;
    delete answers.unintelligible;
    delete answers.identifiability;
    // Recipient, encryption and identifiability do not bear on a pure loss.
    expect(assessBreach(answers, GENERAL).missing).toEqual([]);
  });

  it("says that a low ENISA score does not lower a notifiable decision", () => {
    const result = assessBreach(with_({ breach_types: ["availability"], availability_impact: "delayed" }), GENERAL);
    expect(result.level).toBe("risk");
    // DPC 1 x EI 1 + CB 0.25 (temporary unavailability) = 1.25: low.
    expect(result.severity.band).toBe("low");
    expect(result.reasons.join(" ")).toMatch(/ENISA.*verlaagt dit oordeel niet/);
  });

  it("explains a high ENISA score when the decision is no risk", () => {
    const siilo = CARE_CASES.find((testCase) => testCase.name.startsWith("Siilo"))!;
    const result = assessBreach(siilo.answers, CARE);
    // Health data scores high on ENISA whatever happened; the trusted recipient
    // decides, and the register must show why the score was set aside.
    expect(result.level).toBe("no_risk");
    expect(result.severity.band).toBe("very_high");
    expect(result.reasons.join(" ")).toMatch(/ENISA-score .* valt hoger uit/);
  });

  it("writes Dutch by default and English on request, headline first", () => {
    const answers = CARE_CASES[0]!.answers;
    const dutch = assessBreach(answers, CARE);
    const english = assessBreach(answers, CARE, "en");
    expect(dutch.reasons[0]).toMatch(/^Hoog risico: melden bij de Autoriteit Persoonsgegevens/);
    expect(english.reasons[0]).toMatch(/^High risk: notify/);
    expect(dutch.reasons.length).toBe(english.reasons.length);
    expect(english.severity.explanation.join(" ")).toMatch(/ENISA score/);
    expect(dutch.severity.explanation.join(" ")).toMatch(/ENISA-score/);
  });

  it("names the deciding factors in the reasons", () => {
    const reasons = assessBreach(CARE_CASES[0]!.answers, CARE).reasons.join(" ");
    expect(reasons).toMatch(/bijzondere persoonsgegevens/);
    expect(reasons).toMatch(/BSN/);
    expect(reasons).toMatch(/kwetsbare personen/);
    expect(reasons).toMatch(/Onbekenden/);
  });

  it("returns the shape ZAssessment describes", () => {
    for (const testCase of [...FACTOR_CASES, ...EXEMPTION_CASES, ...CARE_CASES]) {
      expect(() => ZAssessment.parse(assessBreach(testCase.answers, testCase.context))).not.toThrow();
    }
  });
});

// ---------------------------------------------------------------------------
// Properties over arbitrary answers: consistency, and that a worse fact never
// lowers the level (the factors are weighed, never traded against each other
// in the wrong direction).

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const subset = <T extends string>(values: readonly T[]) =>
  fc.subarray([...values]).map((chosen) => (chosen.length === 0 ? undefined : chosen));

const arbitraryAnswers: fc.Arbitrary<TAnswers> = fc
  .record({
    personal_data: optional(fc.constantFrom(...PERSONAL_DATA_VALUES)),
    breach_types: subset(BREACH_TYPES),
    data_categories: subset(DATA_CATEGORIES),
    people_affected: optional(fc.integer({ min: 0, max: 300_000 })),
    vulnerable_people: optional(fc.constantFrom("yes", "no" as const)),
    identifiability: optional(fc.constantFrom(...IDENTIFIABILITY_VALUES)),
    unintelligible: optional(fc.constantFrom("yes", "no" as const)),
    recipient: optional(fc.constantFrom(...RECIPIENT_VALUES)),
    recipients_count: optional(fc.integer({ min: 0, max: 5_000 })),
    malicious: optional(fc.constantFrom("yes", "no" as const)),
    availability_impact: optional(fc.constantFrom(...AVAILABILITY_IMPACT_VALUES)),
    contained: optional(fc.constantFrom("yes", "no" as const)),
    harm_observed: optional(fc.constantFrom("yes", "no" as const)),
  })
  .map((record) => {
    const answers: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) answers[key] = value;
    return answers as TAnswers;
  });
const arbitraryContext = fc.constantFrom(CARE, GENERAL);

const rank = (level: TAssessmentLevel) => ({ not_a_breach: 0, no_risk: 0, risk: 1, high_risk: 2 })[level];

describe("assessBreach: properties", () => {
  it("is consistent: notification follows the level and the exemptions", () => {
    fc.assert(
      fc.property(arbitraryAnswers, arbitraryContext, (answers, context) => {
        const result = ZAssessment.parse(assessBreach(answers, context));
        expect(result.notify_authority).toBe(result.level === "risk" || result.level === "high_risk");
        expect(result.notify_subjects).toBe(result.level === "high_risk" && result.exemptions.length === 0);
        if (result.level !== "high_risk") {
          expect(result.exemptions.filter((exemption) => exemption !== "unintelligible")).toEqual([]);
        }
        expect(result.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  const worse: [string, (answers: TAnswers) => TAnswers, (answers: TAnswers) => TAnswers][] = [
    ["malicious", (a) => ({ ...a, malicious: "no" }), (a) => ({ ...a, malicious: "yes" })],
    ["not contained", (a) => ({ ...a, contained: "yes" }), (a) => ({ ...a, contained: "no" })],
    ["harm observed", (a) => ({ ...a, harm_observed: "no" }), (a) => ({ ...a, harm_observed: "yes" })],
    ["vulnerable", (a) => ({ ...a, vulnerable_people: "no" }), (a) => ({ ...a, vulnerable_people: "yes" })],
    ["readable", (a) => ({ ...a, unintelligible: "yes" }), (a) => ({ ...a, unintelligible: "no" })],
  ];
  it.each(worse)("a worse answer never lowers the level: %s", (_name, better, worsened) => {
    fc.assert(
      fc.property(arbitraryAnswers, arbitraryContext, (answers, context) => {
        const low = assessBreach(better(answers), context).level;
        const high = assessBreach(worsened(answers), context).level;
        expect(rank(high)).toBeGreaterThanOrEqual(rank(low));
      }),
      { numRuns: 300 },
    );
  });

  it("a wider circle of recipients, an easier identification or more people never lowers the level", () => {
    fc.assert(
      fc.property(
        arbitraryAnswers,
        arbitraryContext,
        fc.integer({ min: 0, max: RECIPIENT_VALUES.length - 2 }),
        fc.integer({ min: 0, max: IDENTIFIABILITY_VALUES.length - 2 }),
        fc.integer({ min: 0, max: 200_000 }),
        (answers, context, recipientIndex, identifiabilityIndex, extraPeople) => {
          const recipients = [RECIPIENT_VALUES[recipientIndex]!, RECIPIENT_VALUES[recipientIndex + 1]!];
          const ids = [IDENTIFIABILITY_VALUES[identifiabilityIndex]!, IDENTIFIABILITY_VALUES[identifiabilityIndex + 1]!];
          const levelOf = (changes: TAnswers) => rank(assessBreach({ ...answers, ...changes }, context).level);
          expect(levelOf({ recipient: recipients[1] })).toBeGreaterThanOrEqual(levelOf({ recipient: recipients[0] }));
          expect(levelOf({ identifiability: ids[1] })).toBeGreaterThanOrEqual(levelOf({ identifiability: ids[0] }));
          const people = answers.people_affected ?? 0;
          expect(levelOf({ people_affected: Math.min(10_000_000, people + extraPeople) })).toBeGreaterThanOrEqual(
            levelOf({ people_affected: people }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("an extra kind of data or an extra kind of breach never lowers the level", () => {
    fc.assert(
      fc.property(
        arbitraryAnswers,
        arbitraryContext,
        fc.constantFrom(...DATA_CATEGORIES),
        fc.constantFrom(...BREACH_TYPES),
        (answers, context, category, type) => {
          if (!answers.data_categories || !answers.breach_types) return;
          const levelOf = (changes: TAnswers) => rank(assessBreach({ ...answers, ...changes }, context).level);
          const base = levelOf({});
          const categories = [...new Set([...answers.data_categories, category])];
          const types = [...new Set([...answers.breach_types, type])];
          expect(levelOf({ data_categories: categories })).toBeGreaterThanOrEqual(base);
          expect(levelOf({ breach_types: types })).toBeGreaterThanOrEqual(base);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// Issue 11: the number of recipients and rich profiles weigh as assessment.md
// says; assumptions are stated where they are used; the reasons agree with the
// outcome; the arithmetic stays out of the reasons.

const levelOf = (answers: TAnswers, context: TAssessmentContext) => assessBreach(answers, context).level;
const dutch = (locale: "nl" | "en", code: string) =>
  (textsFor(locale).checklist.reasons as Record<string, (params?: unknown) => string>)[code]!();

describe("assessBreach: a rich profile weighs above contact data", () => {
  it("turns a misdirected mail with CVs into a notifiable breach where contact data is not", () => {
    // assessment.md: a CV, an employment or education history, a family
    // situation give enough for targeted fraud or phishing.
    expect(levelOf(NEUTRAL, GENERAL)).toBe("no_risk");
    expect(levelOf(with_({ data_categories: ["profile"] }), GENERAL)).toBe("risk");
    expect(levelOf(with_({ data_categories: ["identity_contact", "profile"] }), GENERAL)).toBe("risk");
    // Deleted by the one known recipient: misuse unlikely, as for financial data.
    expect(levelOf(with_({ data_categories: ["profile"], contained: "yes" }), GENERAL)).toBe("no_risk");
    expect(assessBreach(with_({ data_categories: ["profile"] }), GENERAL).reasons.join(" ")).toMatch(/persoonsprofiel/);
  });

  it("raises the ENISA data processing context above simple data", () => {
    expect(assessBreach(NEUTRAL, GENERAL).severity.dpc).toBe(1);
    expect(assessBreach(with_({ data_categories: ["profile"] }), GENERAL).severity.dpc).toBe(2);
  });
});

describe("assessBreach: the number of recipients", () => {
  const financialDeleted = with_({ data_categories: ["financial"], people_affected: 20, contained: "yes" });
  const childsCarePlan = with_({ data_categories: ["health"], people_affected: 1, vulnerable_people: "yes" });

  it("lets a mailing list of thousands weigh close to publication", () => {
    // One known addressee who deleted it: no risk (the factor case above).
    expect(levelOf(financialDeleted, GENERAL)).toBe("no_risk");
    // The same data to 5,000 known addresses: deletion by all cannot be relied on.
    expect(levelOf({ ...financialDeleted, recipients_count: 5_000 }, GENERAL)).toBe("risk");
    // One adult's health data: one known recipient is a risk, thousands a high risk.
    const health = with_({ data_categories: ["health"], people_affected: 1 });
    expect(levelOf(health, GENERAL)).toBe("risk");
    expect(levelOf({ ...health, recipients_count: 3_000 }, GENERAL)).toBe("high_risk");
    expect(levelOf({ ...health, recipient: "public" }, GENERAL)).toBe("high_risk");
  });

  it("lets several known recipients weigh towards unknown ones", () => {
    expect(levelOf(childsCarePlan, GENERAL)).toBe("risk");
    expect(levelOf({ ...childsCarePlan, recipients_count: 5 }, GENERAL)).toBe("high_risk");
    expect(levelOf({ ...childsCarePlan, recipient: "unknown" }, GENERAL)).toBe("high_risk");
    const reasons = assessBreach({ ...childsCarePlan, recipients_count: 5 }, GENERAL).reasons.join(" ");
    expect(reasons).toMatch(/Het gaat om 5 ontvangers/);
  });

  it("does not rely on a mailing list's deletion for the Art. 34(3)(b) exemption", () => {
    const deleted = { ...childsCarePlan, contained: "yes" as const };
    expect(assessBreach(deleted, CARE).exemptions).toEqual(["subsequent_measures"]);
    const mailingList = assessBreach({ ...deleted, recipients_count: 25 }, CARE);
    expect(mailingList.level).toBe("high_risk");
    expect(mailingList.exemptions).toEqual([]);
    expect(mailingList.notify_subjects).toBe(true);
  });

  it("assumes many recipients when the count is not answered, and says so", () => {
    const { recipients_count: _count, ...answers } = financialDeleted;
    const result = assessBreach(answers, GENERAL);
    expect(result.level).toBe("risk");
    expect(result.missing).toEqual(["recipients_count"]);
    expect(result.reasons).toContain(dutch("nl", "assumed_recipients_count"));
    // Asked only when someone outside may have the data.
    expect(assessBreach({ ...answers, recipient: "none" }, GENERAL).missing).toEqual([]);
  });

  it("never lowers the level for more recipients", () => {
    fc.assert(
      fc.property(
        arbitraryAnswers,
        arbitraryContext,
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (answers, context, a, b) => {
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          expect(rank(levelOf({ ...answers, recipients_count: more }, context))).toBeGreaterThanOrEqual(
            rank(levelOf({ ...answers, recipients_count: fewer }, context)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("assessBreach: reasons a privacy officer can sign", () => {
  it("states an assumption where it is used, not as a fact", () => {
    const { malicious: _malicious, ...answers } = with_({ recipient: "unknown" });
    const reasons = assessBreach(answers, GENERAL).reasons;
    const assumed = dutch("nl", "assumed_malicious");
    expect(assumed).toMatch(/^Nog niet beantwoord; uit voorzorg aangenomen: er was \(kwade\) opzet/);
    // Right after the recipient, where intent is weighed; not as a fact, not as a note at the end.
    expect(reasons.indexOf(assumed)).toBe(reasons.indexOf(dutch("nl", "recipient_unknown")) + 1);
    expect(reasons).not.toContain(dutch("nl", "malicious"));
  });

  it("never states an unanswered fact as known", () => {
    fc.assert(
      fc.property(arbitraryAnswers, arbitraryContext, (answers, context) => {
        const reasons = assessBreach(answers, context).reasons;
        if (answers.malicious === undefined) expect(reasons).not.toContain(dutch("nl", "malicious"));
        if (answers.vulnerable_people === undefined) {
          expect(reasons).not.toContain(dutch("nl", "vulnerable"));
          expect(reasons).not.toContain(dutch("nl", "availability_delayed_vulnerable"));
        }
        if (answers.recipient === undefined) expect(reasons).not.toContain(dutch("nl", "recipient_unknown"));
      }),
      { numRuns: 500 },
    );
  });

  it("does not say the risk stays real and then that it will no longer materialise", () => {
    // The demo's case: a care client's health data to one known recipient
    // who deleted it, by mistake. The AP is notified (the breach was a risk
    // when it happened); the people need not be told (Art. 34(3)(b)).
    const answers = with_({ data_categories: ["health", "identity_contact"], vulnerable_people: "yes", contained: "yes" });
    const result = assessBreach(answers, CARE);
    expect(result.exemptions).toEqual(["subsequent_measures"]);
    const text = result.reasons.join(" ");
    expect(text).toMatch(/art\. 34 lid 3 onder b/);
    expect(text).not.toMatch(/blijft daarom reëel|blijft .*reëel, ook na/);
    fc.assert(
      fc.property(arbitraryAnswers, arbitraryContext, (anyAnswers, context) => {
        const assessed = assessBreach(anyAnswers, context);
        const all = assessed.reasons.join(" ");
        if (assessed.exemptions.includes("subsequent_measures")) expect(all).not.toMatch(/blijft .*reëel/);
        // The headline and the exemptions agree on informing the people.
        if (assessed.level === "high_risk")
          expect(assessed.reasons[0]).toBe(
            dutch("nl", assessed.notify_subjects ? "headline_high_risk" : "headline_high_risk_exempt"),
          );
        // No "no risk" finding that cites the special-category rule meant for notification.
        if (assessed.level === "no_risk") expect(assessed.reasons).not.toContain(dutch("nl", "special_exposed"));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the arithmetic out of the reasons, for the appendix", () => {
    for (const locale of ["nl", "en"] as const) {
      const result = assessBreach(CARE_CASES[0]!.answers, CARE, locale);
      const reasons = result.reasons.join(" ");
      expect(reasons).not.toMatch(/DPC|EI \d|kans [\d,]+ x ernst|likelihood [\d.]+ x severity/);
      expect(result.scoring.join(" ")).toMatch(locale === "nl" ? /kans [\d,]+ x ernst/ : /likelihood [\d.]+ x severity/);
      expect(result.severity.explanation.join(" ")).toMatch(/DPC/);
    }
  });

  it("says why a care organisation weighs heavier in words that read well", () => {
    const care = assessBreach(NEUTRAL, CARE).reasons.join(" ");
    expect(care).toMatch(/alleen al dat iemand in haar bestanden staat, zegt iets over diens gezondheid of zorg/);
    expect(care).not.toMatch(/al het voorkomen/);
    expect(assessBreach(NEUTRAL, GENERAL).reasons.join(" ")).not.toMatch(/zorgorganisatie/);
  });

  it("writes numbers as the reader does", () => {
    const many = with_({ people_affected: 5_000, recipients_count: 2_500 });
    expect(assessBreach(many, GENERAL).reasons.join(" ")).toMatch(/\(5\.000\).*2\.500 ontvangers/);
    expect(assessBreach(many, GENERAL, "en").reasons.join(" ")).toMatch(/\(5,000\).*2,500 recipients/);
  });
});

describe("QUESTIONS", () => {
  it("covers every question id once, in order", () => {
    expect(QUESTIONS.map((question) => question.id)).toEqual([...QUESTION_IDS]);
  });

  it("has Dutch and English texts and labels that fit a Slack button", () => {
    // The words moved to the text catalogue (src/texts/questions.ts).
    for (const locale of ["nl", "en"] as const) {
      const texts = textsFor(locale).questions;
      for (const question of QUESTIONS) {
        expect(texts.questions[question.id].length).toBeGreaterThan(0);
        const labels = (texts.values as Record<string, Record<string, string>>)[question.id];
        for (const value of question.values) {
          expect(labels?.[value]?.length ?? 0, `${locale} ${question.id}=${value}`).toBeGreaterThan(0);
          expect(labels![value]!.length).toBeLessThanOrEqual(75);
        }
      }
    }
  });

  it("offers exactly the values the schema accepts", () => {
    for (const question of QUESTIONS) {
      for (const value of question.values) {
        const answer = question.kind === "several" ? [value] : value;
        expect(ZAnswers.safeParse({ [question.id]: answer }).success, `${question.id}=${value}`).toBe(true);
      }
      if (question.kind !== "number") {
        const wrong = question.kind === "several" ? ["not-a-value"] : "not-a-value";
        expect(ZAnswers.safeParse({ [question.id]: wrong }).success).toBe(false);
      }
    }
    expect(ZAnswers.safeParse({ people_affected: 0 }).success).toBe(true);
    expect(ZAnswers.safeParse({ people_affected: 10_000_000 }).success).toBe(true);
    expect(ZAnswers.safeParse({ people_affected: 10_000_001 }).success).toBe(false);
  });
});
