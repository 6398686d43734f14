// The checklist's pure rules: parsing answers from Slack, prefill from the
// report, completeness, and when a decision contradicts the assessment.
import { describe, expect, it } from "vitest";
import { QUESTION_IDS, type TAnswers } from "../../src/features/checklist/questions.ts";
import {
  answersFromRows,
  CHECKLIST_GROUPS,
  isChecklistComplete,
  parseAnswer,
  prefillFromReport,
  questionIdFromActionId,
  sameAnswer,
} from "../../src/features/checklist/checklistAnswers.ts";
import {
  checkReason,
  contradictsAssessment,
  decisionNeedsReason,
  effectiveLevel,
} from "../../src/features/checklist/decisionRules.ts";

const COMPLETE: TAnswers = {
  personal_data: "yes",
  breach_types: ["confidentiality"],
  data_categories: ["health"],
  people_affected: 1,
  vulnerable_people: "no",
  identifiability: "maximum",
  unintelligible: "no",
  recipient: "known",
  recipients_count: 1,
  malicious: "no",
  availability_impact: "none",
  contained: "yes",
  harm_observed: "no",
};

describe("checklist answers", () => {
  it("asks every question exactly once across the groups, within Slack's 50 blocks", () => {
    const asked = CHECKLIST_GROUPS.flatMap((group) => group.questionIds);
    expect([...asked].sort()).toEqual([...QUESTION_IDS].sort());
    // Per question at most a text, two element blocks and a context line, plus an intro.
    for (const group of CHECKLIST_GROUPS) expect(1 + group.questionIds.length * 4).toBeLessThanOrEqual(50);
  });

  it("finds the question of an action id, with or without a suffix", () => {
    expect(questionIdFromActionId("checklist_breach_types")).toBe("breach_types");
    expect(questionIdFromActionId("checklist_personal_data_unknown")).toBe("personal_data");
    expect(questionIdFromActionId("checklist_people_affected_save")).toBe("people_affected");
    expect(questionIdFromActionId("checklist_data_categories_confirm")).toBe("data_categories");
    expect(questionIdFromActionId("checklist_nonsense")).toBeUndefined();
    expect(questionIdFromActionId("incident_take")).toBeUndefined();
  });

  it("accepts only the values of assessment.md", () => {
    expect(parseAnswer("personal_data", "yes")).toEqual({ ok: true, questionId: "personal_data", value: "yes" });
    expect(parseAnswer("personal_data", "maybe").ok).toBe(false);
    expect(parseAnswer("breach_types", ["integrity", "availability"])).toMatchObject({
      ok: true,
      value: ["integrity", "availability"],
    });
    expect(parseAnswer("breach_types", ["integrity", "stolen"]).ok).toBe(false);
    expect(parseAnswer("data_categories", [])).toMatchObject({ ok: true, value: null });
    expect(parseAnswer("recipient", "public")).toMatchObject({ ok: true, value: "public" });
  });

  it("reads the head count as a whole number of 0 or more", () => {
    expect(parseAnswer("people_affected", "12")).toMatchObject({ ok: true, value: 12 });
    expect(parseAnswer("people_affected", " 0 ")).toMatchObject({ ok: true, value: 0 });
    expect(parseAnswer("people_affected", 40)).toMatchObject({ ok: true, value: 40 });
    for (const bad of ["-1", "2.5", "twaalf", "", "10000001"]) expect(parseAnswer("people_affected", bad).ok, bad).toBe(false);
  });

  it("prefills system-independent answers from the report; 'unknown' stopped answers nothing", () => {
    expect(
      prefillFromReport({ dataKinds: ["health", "financial"], peopleAffected: 3, stopped: "yes", recipient: "unknown" }),
    ).toEqual({
      data_categories: ["health", "financial"],
      people_affected: 3,
      contained: "yes",
      recipient: "unknown",
    });
    expect(prefillFromReport({ dataKinds: ["health"], peopleAffected: 1, stopped: "no", recipient: "known" }).contained).toBe(
      "no",
    );
    expect(
      prefillFromReport({ dataKinds: ["health"], peopleAffected: 1, stopped: "unknown", recipient: "known" }),
    ).not.toHaveProperty("contained");
    expect(
      prefillFromReport({ dataKinds: ["health"], peopleAffected: 1, stopped: "yes", recipient: "aliens" }),
    ).not.toHaveProperty("recipient");
  });

  it("is complete when every question has an answer, or at once when no personal data are involved", () => {
    expect(isChecklistComplete(COMPLETE)).toBe(true);
    const { harm_observed: _dropped, ...missingOne } = COMPLETE;
    expect(isChecklistComplete(missingOne)).toBe(false);
    expect(isChecklistComplete({ personal_data: "no" })).toBe(true);
    expect(isChecklistComplete({ personal_data: "unknown" })).toBe(false);
  });

  it("turns stored rows into the engine's answers, skipping what no longer validates", () => {
    const answers = answersFromRows([
      { questionId: "personal_data", value: "yes" },
      { questionId: "people_affected", value: 4 },
      { questionId: "recipient", value: "martians" },
      { questionId: "retired_question", value: "yes" },
    ]);
    expect(answers).toEqual({ personal_data: "yes", people_affected: 4 });
  });

  it("compares several-choice answers as sets", () => {
    expect(sameAnswer(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameAnswer(["a"], ["a", "b"])).toBe(false);
    expect(sameAnswer("yes", "yes")).toBe(true);
    expect(sameAnswer(3, 4)).toBe(false);
  });
});

describe("decision rules", () => {
  it("lets an override win over the engine", () => {
    expect(effectiveLevel(null)).toBeNull();
    expect(effectiveLevel({ level: "risk", overrideLevel: null })).toBe("risk");
    expect(effectiveLevel({ level: "risk", overrideLevel: "no_risk" })).toBe("no_risk");
  });

  it("calls a decision contradicting when it goes against the level or the personal-data answer", () => {
    const at = (effective: "not_a_breach" | "no_risk" | "risk" | "high_risk" | null, personalData?: string) => ({
      effectiveLevel: effective,
      personalData,
    });
    expect(contradictsAssessment("not_notifiable", at("risk"))).toBe(true);
    expect(contradictsAssessment("not_notifiable", at("high_risk"))).toBe(true);
    expect(contradictsAssessment("not_notifiable", at("no_risk"))).toBe(false);
    expect(contradictsAssessment("ap_notified", at("no_risk"))).toBe(true);
    expect(contradictsAssessment("ap_notified", at("not_a_breach"))).toBe(true);
    expect(contradictsAssessment("ap_notified", at("risk"))).toBe(false);
    expect(contradictsAssessment("ap_notified", at(null))).toBe(false);
    expect(contradictsAssessment("not_a_breach", at(null, "yes"))).toBe(true);
    expect(contradictsAssessment("not_a_breach", at("not_a_breach", "no"))).toBe(false);
    expect(contradictsAssessment("not_a_breach", at("no_risk", "unknown"))).toBe(true);
  });

  it("always asks a reason for 'not notifiable' and 'not a breach', and for a contradicting notification", () => {
    expect(decisionNeedsReason("not_notifiable", { effectiveLevel: "no_risk", personalData: "yes" })).toBe(true);
    expect(decisionNeedsReason("not_a_breach", { effectiveLevel: "not_a_breach", personalData: "no" })).toBe(true);
    expect(decisionNeedsReason("ap_notified", { effectiveLevel: "risk", personalData: "yes" })).toBe(false);
    expect(decisionNeedsReason("ap_notified", { effectiveLevel: "no_risk", personalData: "yes" })).toBe(true);
  });

  it("refuses an empty or token reason", () => {
    expect(checkReason(undefined)).toBe("missing");
    expect(checkReason("   ")).toBe("missing");
    expect(checkReason("nvt")).toBe("too_short");
    expect(checkReason("x".repeat(3001))).toBe("too_long");
    expect(checkReason("Ontvanger heeft alles verwijderd.")).toBeNull();
  });
});
