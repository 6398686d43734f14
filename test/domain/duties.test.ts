// Last year's incidents summarised for the yearly policy evaluation, and
// the rules for closing an incident.
import { describe, expect, it } from "vitest";
import { summariseYear } from "../../src/features/evaluation/yearSummary.ts";
import { checkCloseAnswers, closeBlocker, closeQuestions, type TClosingFacts } from "../../src/features/measures/closingRules.ts";

const deadline = new Date("2026-03-04T10:00:00Z");

describe("the year summary", () => {
  it("counts by level, AP notifications, late ones, people informed and open measures", () => {
    const summary = summariseYear(
      2026,
      [
        {
          level: "high_risk",
          decision: "ap_notified",
          decidedAt: new Date("2026-03-04T09:00:00Z"),
          deadlineAt: deadline,
          peopleInformed: true,
        },
        {
          level: "risk",
          decision: "ap_notified",
          decidedAt: new Date("2026-03-05T09:00:00Z"),
          deadlineAt: deadline,
          peopleInformed: false,
        },
        { level: "no_risk", decision: "not_notifiable", decidedAt: deadline, deadlineAt: deadline, peopleInformed: false },
        { level: null, decision: null, decidedAt: null, deadlineAt: deadline, peopleInformed: false },
      ],
      3,
    );
    expect(summary).toEqual({
      year: 2026,
      total: 4,
      byLevel: { high_risk: 1, risk: 1, no_risk: 1, not_a_breach: 0, unassessed: 1 },
      notifiedToAp: 2,
      notifiedLate: 1,
      peopleInformed: 1,
      measuresOpen: 3,
    });
  });

  it("is all zeros for a quiet year", () => {
    expect(summariseYear(2025, [], 0)).toMatchObject({ total: 0, notifiedToAp: 0, notifiedLate: 0, peopleInformed: 0 });
  });
});

describe("the closing rules (issue 11: no legal step skipped silently)", () => {
  const base: TClosingFacts = {
    decision: "not_notifiable",
    apReference: null,
    measures: { total: 1, open: 0 },
    level: "no_risk",
    subjectsInformedAt: null,
  };
  const facts = (change: Partial<TClosingFacts>): TClosingFacts => ({ ...base, ...change });
  const REASON = "Eenmalige vergissing; instructie volstaat.";

  it("refuses closing before the decision", () => {
    expect(closeBlocker(facts({ decision: null }))).toBe("needs_decision");
    expect(closeBlocker(facts({ decision: null, measures: { total: 2, open: 2 } }))).toBe("needs_decision");
  });

  it("refuses 'notified to the AP' without the AP's reference, also a blank one", () => {
    expect(closeBlocker(facts({ decision: "ap_notified", apReference: null }))).toBe("needs_ap_reference");
    expect(closeBlocker(facts({ decision: "ap_notified", apReference: "   " }))).toBe("needs_ap_reference");
    expect(closeBlocker(facts({ decision: "ap_notified", apReference: "M-2026-1" }))).toBeNull();
    // The other decisions have no AP reference.
    expect(closeBlocker(facts({ decision: "not_a_breach", apReference: null }))).toBeNull();
  });

  it("refuses closing while a measure is open", () => {
    expect(closeBlocker(facts({ measures: { total: 3, open: 1 } }))).toBe("open_measures");
    expect(closeBlocker(facts({ decision: "ap_notified", apReference: "M-1", measures: { total: 1, open: 1 } }))).toBe(
      "open_measures",
    );
    expect(closeBlocker(facts({ measures: { total: 3, open: 0 } }))).toBeNull();
  });

  it("asks why no measures are needed only when there are none", () => {
    expect(closeQuestions(facts({ measures: { total: 0, open: 0 } })).noMeasuresReason).toBe(true);
    expect(closeQuestions(facts({ measures: { total: 2, open: 0 } })).noMeasuresReason).toBe(false);
    const none = facts({ measures: { total: 0, open: 0 } });
    expect(checkCloseAnswers(none, {})).toEqual({ ok: false, problems: { close_reason: "missing" } });
    expect(checkCloseAnswers(none, { noMeasuresReason: "  nvt " })).toEqual({
      ok: false,
      problems: { close_reason: "too_short" },
    });
    expect(checkCloseAnswers(none, { noMeasuresReason: "x".repeat(1001) })).toEqual({
      ok: false,
      problems: { close_reason: "too_long" },
    });
    expect(checkCloseAnswers(none, { noMeasuresReason: ` ${REASON} ` })).toEqual({
      ok: true,
      noMeasuresReason: REASON,
      art34Exemption: null,
    });
    // With measures the question is not asked, and an answer to it is not kept.
    expect(checkCloseAnswers(facts({}), { noMeasuresReason: REASON })).toEqual({
      ok: true,
      noMeasuresReason: null,
      art34Exemption: null,
    });
  });

  it("asks the Art. 34(3) exemption for a high-risk incident whose people concerned were not informed", () => {
    const high = facts({ level: "high_risk", decision: "ap_notified", apReference: "M-1" });
    expect(closeQuestions(high).art34Exemption).toBe(true);
    expect(checkCloseAnswers(high, {})).toEqual({ ok: false, problems: { art34_ground: "missing", art34_reason: "missing" } });
    expect(checkCloseAnswers(high, { art34Ground: "weekly", art34Reason: REASON })).toEqual({
      ok: false,
      problems: { art34_ground: "missing" },
    });
    expect(checkCloseAnswers(high, { art34Ground: "unintelligible", art34Reason: "kort" })).toEqual({
      ok: false,
      problems: { art34_reason: "too_short" },
    });
    expect(checkCloseAnswers(high, { art34Ground: "subsequent_measures", art34Reason: REASON })).toEqual({
      ok: true,
      noMeasuresReason: null,
      art34Exemption: { ground: "subsequent_measures", reason: REASON },
    });
    // Informed: nothing to ask.
    expect(closeQuestions({ ...high, subjectsInformedAt: new Date("2026-11-24T10:00:00Z") }).art34Exemption).toBe(false);
    // The DPO's override to high risk counts as the level (the caller passes the level that counts).
    expect(closeQuestions(facts({ level: "high_risk", decision: "not_notifiable" })).art34Exemption).toBe(true);
    // Lower levels and "not a breach" have no such duty.
    for (const level of [null, "not_a_breach", "no_risk", "risk"])
      expect(closeQuestions(facts({ level })).art34Exemption).toBe(false);
    expect(closeQuestions(facts({ level: "high_risk", decision: "not_a_breach" })).art34Exemption).toBe(false);
  });

  it("asks both questions when both apply, and reports both", () => {
    const both = facts({ level: "high_risk", measures: { total: 0, open: 0 } });
    expect(checkCloseAnswers(both, {})).toEqual({
      ok: false,
      problems: { close_reason: "missing", art34_ground: "missing", art34_reason: "missing" },
    });
  });

  it("never lets any combination close with a required step left out", () => {
    const decisions = [null, "ap_notified", "not_notifiable", "not_a_breach"];
    const references = [null, "", "M-2026-1"];
    const measureStates = [
      { total: 0, open: 0 },
      { total: 2, open: 0 },
      { total: 2, open: 1 },
    ];
    const levels = [null, "not_a_breach", "no_risk", "risk", "high_risk"];
    const informed = [null, new Date("2026-11-24T10:00:00Z")];
    let closable = 0;
    for (const decision of decisions)
      for (const apReference of references)
        for (const measures of measureStates)
          for (const level of levels)
            for (const subjectsInformedAt of informed) {
              const combination = { decision, apReference, measures, level, subjectsInformedAt };
              // Nothing answered in the form: closing must then be possible only where nothing is required.
              const silent = closeBlocker(combination) === null && checkCloseAnswers(combination, {}).ok;
              if (!silent) continue;
              closable += 1;
              expect(decision, JSON.stringify(combination)).not.toBeNull();
              if (decision === "ap_notified") expect(apReference, JSON.stringify(combination)).toBeTruthy();
              expect(measures.open, JSON.stringify(combination)).toBe(0);
              expect(measures.total, JSON.stringify(combination)).toBeGreaterThan(0);
              if (level === "high_risk" && decision !== "not_a_breach")
                expect(subjectsInformedAt, JSON.stringify(combination)).not.toBeNull();
            }
    // Some combinations do close without questions (measures done, no high risk or people informed).
    expect(closable).toBeGreaterThan(0);
  });
});
