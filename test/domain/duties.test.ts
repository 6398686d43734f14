// Last year's incidents summarised for the yearly policy evaluation.
import { describe, expect, it } from "vitest";
import { summariseYear } from "../../src/features/evaluation/yearSummary.ts";

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
