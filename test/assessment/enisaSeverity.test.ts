// Scores computed by hand from ENISA 2013 as assessment.md states it:
// SE = DPC x EI + CB; DPC by the highest category, adjusted +1 for vulnerable
// people, +1 for client data of a care organisation, +1 for 1,000+ people,
// clamped to 1..4.
import { describe, expect, it } from "vitest";
import { enisaSeverity, severityBand } from "../../src/features/checklist/enisaSeverity.ts";
import type { TAnswers, TAssessmentContext } from "../../src/features/checklist/questions.ts";
import { reasonTexts } from "../../src/features/checklist/assessBreach.ts";
import { textsFor } from "../../src/texts/index.ts";

const CARE: TAssessmentContext = { sector: "care" };
const GENERAL: TAssessmentContext = { sector: "general" };

interface TScoreCase {
  name: string;
  answers: TAnswers;
  context: TAssessmentContext;
  dpc: number;
  ei: number;
  cb: number;
  score: number;
  band: "low" | "medium" | "high" | "very_high";
}

const CASES: TScoreCase[] = [
  {
    // DPC 4 (health) +1 vulnerable +1 care = 6 -> clamped 4; EI 1; CB 0.5 unknown recipients.
    name: "client health data lost to unknown persons",
    answers: {
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact", "health"],
      people_affected: 30,
      vulnerable_people: "yes",
      identifiability: "maximum",
      recipient: "unknown",
      malicious: "no",
    },
    context: CARE,
    dpc: 4,
    ei: 1,
    cb: 0.5,
    score: 4.5,
    band: "very_high",
  },
  {
    // DPC 1 (simple); EI 0.5 (limited); CB 0.25 (known recipient): 0.5 + 0.25.
    name: "contact data of adults, limited identifiability, known recipient",
    answers: {
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact"],
      people_affected: 10,
      vulnerable_people: "no",
      identifiability: "limited",
      recipient: "known",
      malicious: "no",
    },
    context: GENERAL,
    dpc: 1,
    ei: 0.5,
    cb: 0.25,
    score: 0.75,
    band: "low",
  },
  {
    // DPC 3 (financial) +1 volume = 4; EI 0.75; CB 0.5 public + 0.5 malicious: 3 + 1.
    name: "financial data of 5,000 people published by an attacker",
    answers: {
      breach_types: ["confidentiality"],
      data_categories: ["financial"],
      people_affected: 5_000,
      vulnerable_people: "no",
      identifiability: "significant",
      recipient: "public",
      malicious: "yes",
    },
    context: GENERAL,
    dpc: 4,
    ei: 0.75,
    cb: 1,
    score: 4,
    band: "very_high",
  },
  {
    // DPC 2 (behaviour) +1 vulnerable +1 care = 4; EI 1; CB integrity recoverable 0.25
    // + availability temporary 0.25; no confidentiality part.
    name: "behavioural data altered and temporarily unavailable",
    answers: {
      breach_types: ["integrity", "availability"],
      data_categories: ["location_behaviour"],
      people_affected: 50,
      vulnerable_people: "yes",
      identifiability: "maximum",
      malicious: "no",
      availability_impact: "delayed",
      contained: "yes",
    },
    context: CARE,
    dpc: 4,
    ei: 1,
    cb: 0.5,
    score: 4.5,
    band: "very_high",
  },
  {
    // DPC 4; EI 0.25 because unintelligible; CB 0.5 unknown + 0.5 malicious: 1 + 1 = 2, medium.
    name: "encrypted health data stolen",
    answers: {
      breach_types: ["confidentiality"],
      data_categories: ["health"],
      people_affected: 100,
      vulnerable_people: "no",
      identifiability: "maximum",
      unintelligible: "yes",
      recipient: "unknown",
      malicious: "yes",
    },
    context: GENERAL,
    dpc: 4,
    ei: 0.25,
    cb: 1,
    score: 2,
    band: "medium",
  },
  {
    // DPC 3 (BSN) with no adjustment; EI 1; CB 0.5 public: 3.5.
    name: "BSN list published",
    answers: {
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact", "national_id"],
      people_affected: 500,
      vulnerable_people: "no",
      identifiability: "maximum",
      recipient: "public",
      malicious: "no",
    },
    context: GENERAL,
    dpc: 3,
    ei: 1,
    cb: 0.5,
    score: 3.5,
    band: "high",
  },
  {
    // DPC 1 +1 vulnerable +1 care = 3; EI 1; CB 0.25 known: 3.25.
    name: "client contact data to a known recipient in care",
    answers: {
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact"],
      people_affected: 20,
      vulnerable_people: "yes",
      identifiability: "maximum",
      recipient: "known",
      malicious: "no",
    },
    context: CARE,
    dpc: 3,
    ei: 1,
    cb: 0.25,
    score: 3.25,
    band: "high",
  },
  {
    // DPC 1; EI 1; CB availability permanent 0.5 + integrity not recoverable 0.5: 2.
    name: "simple data altered and lost for good",
    answers: {
      breach_types: ["integrity", "availability"],
      data_categories: ["other"],
      people_affected: 5,
      vulnerable_people: "no",
      identifiability: "maximum",
      malicious: "no",
      availability_impact: "permanent",
      contained: "no",
    },
    context: GENERAL,
    dpc: 1,
    ei: 1,
    cb: 1,
    score: 2,
    band: "medium",
  },
  {
    // Nothing answered: DPC 4 (sensitive assumed, +3 clamped); EI 1 (maximum assumed);
    // CB 0.5 (confidentiality with unknown recipients assumed) + 0.5 (intent assumed).
    name: "nothing answered",
    answers: {},
    context: CARE,
    dpc: 4,
    ei: 1,
    cb: 1,
    score: 5,
    band: "very_high",
  },
];

describe("enisaSeverity", () => {
  it.each(CASES)("$name", (testCase) => {
    const result = enisaSeverity(testCase.answers, testCase.context);
    expect({ dpc: result.dpc, ei: result.ei, cb: result.cb, score: result.score, band: result.band }).toEqual({
      dpc: testCase.dpc,
      ei: testCase.ei,
      cb: testCase.cb,
      score: testCase.score,
      band: testCase.band,
    });
  });

  it("explains each step in Dutch and English and flags assumptions", () => {
    const result = enisaSeverity({}, CARE);
    // The sentences are in the text catalogue; the engine gives codes.
    const dutch = reasonTexts(result.explanation, textsFor("nl")).join(" ");
    const english = reasonTexts(result.explanation, textsFor("en")).join(" ");
    expect(dutch).toMatch(/niet beantwoord/);
    expect(english).toMatch(/not answered/);
    expect(dutch).toMatch(/ENISA-score 4 x 1 \+ 1 = 5: zeer hoog/);
  });

  it("does not let encryption lower the score of a loss", () => {
    const result = enisaSeverity(
      {
        breach_types: ["confidentiality", "availability"],
        data_categories: ["health"],
        people_affected: 10,
        vulnerable_people: "no",
        identifiability: "maximum",
        unintelligible: "yes",
        recipient: "unknown",
        malicious: "yes",
        availability_impact: "permanent",
      },
      GENERAL,
    );
    // DPC 4 x EI 1 + 0.5 + 0.5 + 0.5 = 5.5.
    expect(result.ei).toBe(1);
    expect(result.score).toBe(5.5);
  });

  it("counts encryption when the only loss was restored at once", () => {
    const result = enisaSeverity(
      {
        breach_types: ["confidentiality", "availability"],
        data_categories: ["health"],
        people_affected: 10,
        vulnerable_people: "no",
        identifiability: "maximum",
        unintelligible: "yes",
        recipient: "unknown",
        malicious: "yes",
        availability_impact: "restored",
      },
      GENERAL,
    );
    // DPC 4 x EI 0.25 + 0.5 (unknown) + 0 (restored) + 0.5 (malicious) = 2.
    expect(result.ei).toBe(0.25);
    expect(result.score).toBe(2);
  });

  it.each([
    [0, "low"],
    [1.99, "low"],
    [2, "medium"],
    [2.99, "medium"],
    [3, "high"],
    [3.99, "high"],
    [4, "very_high"],
    [6, "very_high"],
  ] as const)("band of %s is %s", (score, band) => {
    expect(severityBand(score)).toBe(band);
  });
});
