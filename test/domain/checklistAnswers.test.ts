// The checklist's pure rules: parsing answers from Slack, prefill from the
// report, completeness, and when a decision contradicts the assessment; and
// the thread's messages and the forms built from them, in both languages.
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
import type { ChecklistAnswer, Incident, IncidentAssessment } from "../../src/core/storage/generated/client.ts";
import type { TLocale } from "../../src/core/text/locale.ts";
import { evaluateBreach } from "../../src/features/checklist/assessBreach.ts";
import { assessmentMessage } from "../../src/features/checklist/assessmentMessage.ts";
import { assessmentRecord } from "../../src/features/checklist/assessmentRecord.ts";
import { checklistGroupMessage } from "../../src/features/checklist/checklistGroupMessage.ts";
import { decisionForm, overrideForm } from "../../src/features/checklist/decisionForms.ts";
import type { TMessageContext } from "../../src/features/messageContext.ts";
import { textsFor } from "../../src/texts/index.ts";

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
    // The number of recipients arrives the same way (issue 11).
    expect(parseAnswer("recipients_count", "25")).toMatchObject({ ok: true, value: 25 });
    for (const bad of ["-1", "veel", ""]) expect(parseAnswer("recipients_count", bad).ok, bad).toBe(false);
    expect(questionIdFromActionId("checklist_recipients_count_save")).toBe("recipients_count");
    expect(questionIdFromActionId("checklist_recipient_known")).toBe("recipient");
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
    // The number of recipients is asked only when someone outside may have the data.
    const { recipients_count: _count, ...withoutCount } = COMPLETE;
    expect(isChecklistComplete(withoutCount)).toBe(false);
    expect(isChecklistComplete({ ...withoutCount, recipient: "none" })).toBe(true);
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

describe("the thread and the forms in both languages", () => {
  const NOW = new Date("2026-11-23T09:00:00Z");
  const incident = {
    id: "00000000-0000-4000-8000-000000000001",
    reference: "DL-2026-0001",
    deadlineAt: new Date(NOW.getTime() + 70 * 3_600_000),
    decision: null,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    apReference: null,
  } as unknown as Incident;
  const answers = Object.entries({ ...COMPLETE, people_affected: 20_000 }).map(
    ([questionId, value]) =>
      ({
        incidentId: incident.id,
        questionId,
        value,
        answeredBy: "slack:U0DPO0001",
        answeredAt: NOW,
        prefilled: questionId === "contained",
      }) as ChecklistAnswer,
  );
  // Kept in Dutch, as the organisation's language; shown in the reader's.
  const row = {
    incidentId: incident.id,
    level: "risk",
    result: assessmentRecord(evaluateBreach(COMPLETE, { sector: "care" }), "nl"),
    assessedAt: NOW,
    confirmedBy: "slack:U0DPO0001",
    confirmedAt: NOW,
    overrideLevel: null,
    overrideReason: null,
  } as unknown as IncidentAssessment;
  const context = (locale: TLocale) =>
    ({
      locale,
      texts: textsFor(locale),
      now: NOW,
      organisation: { sector: "care", zone: "Europe/Amsterdam" },
    }) as unknown as TMessageContext;
  const words = (value: unknown): string => JSON.stringify(value);
  const RAW = /"(high_risk|no_risk|risk|ap_notified|not_notifiable|subsequent_measures|health|known|confidentiality)"/;

  it("renders the checklist, the assessment and the forms in Dutch and English, with labels", () => {
    const standing = { assessedLevel: "risk" as const, effectiveLevel: "risk" as const, personalData: "yes" };
    for (const build of [
      (locale: TLocale) => checklistGroupMessage(incident, "checklist_1", answers, context(locale)),
      (locale: TLocale) => checklistGroupMessage(incident, "checklist_2", answers, context(locale)),
      (locale: TLocale) => assessmentMessage(incident, row, answers, context(locale)),
      (locale: TLocale) => decisionForm("not_notifiable", incident, standing, textsFor(locale)),
      (locale: TLocale) => overrideForm(incident, standing, textsFor(locale)),
    ]) {
      const nl = words(build("nl"));
      const en = words(build("en"));
      expect(en).not.toBe(nl);
      // Values are codes (button values, option values); what is shown is not.
      const shown = (text: string) => text.replace(/"(value|action|id)":"[^"]*"/g, "").replace(/"selected":\[[^\]]*\]/g, "");
      expect(shown(nl)).not.toMatch(RAW);
      expect(shown(en)).not.toMatch(RAW);
    }
    const assessment = {
      nl: words(assessmentMessage(incident, row, answers, context("nl"))),
      en: words(assessmentMessage(incident, row, answers, context("en"))),
    };
    expect(assessment.nl).toContain("Datalek met risico");
    expect(assessment.en).toContain("Data breach with risk");
    // The stored reasons follow the reader's language.
    expect(assessment.en).toContain("Health or care data are a special category");
    expect(assessment.en).not.toContain("Gezondheids- of zorggegevens");
    // Dutch number format in the answers; the decision buttons say what the post says.
    expect(words(checklistGroupMessage(incident, "checklist_1", answers, context("nl")))).toContain("20.000");
    expect(words(checklistGroupMessage(incident, "checklist_1", answers, context("en")))).toContain("20,000");
    expect(assessment.nl).toContain(`"label":"${textsFor("nl").vocabulary.decisions.not_notifiable}"`);
    // The optional note of a decision that needs no reason says nothing of being optional.
    const apForm = decisionForm("ap_notified", incident, standing, textsFor("nl"));
    const note = apForm.fields.find((field) => field.id === "reason")!;
    expect(note).toMatchObject({ optional: true, label: "Toelichting" });
    expect(words(apForm)).not.toMatch(/optioneel/i);
  });
});
