import { describe, expect, it } from "vitest";
import { validateAwarenessCorrection } from "../../src/features/countdown/awarenessCorrection.ts";
import {
  markLabel,
  nextOverdueIndex,
  nextRepageIndex,
  planCountdown,
  repageAt,
} from "../../src/features/countdown/countdownPlan.ts";

const HOUR = 3_600_000;
const DEADLINE = new Date("2026-11-26T07:00:00Z");
const hoursBefore = (hours: number) => new Date(DEADLINE.getTime() - hours * HOUR);

describe("planCountdown", () => {
  it("plans 48, 24, 12, 4 and 1 hours before, and overdue at the deadline", () => {
    const plan = planCountdown(DEADLINE, hoursBefore(70));
    expect(plan.map((job) => [markLabel(job.mark), job.dueAt.toISOString()])).toEqual([
      ["h48", hoursBefore(48).toISOString()],
      ["h24", hoursBefore(24).toISOString()],
      ["h12", hoursBefore(12).toISOString()],
      ["h4", hoursBefore(4).toISOString()],
      ["h1", hoursBefore(1).toISOString()],
      ["overdue0", DEADLINE.toISOString()],
    ]);
  });

  it("sends only the latest passed mark, at once, for a backdated report", () => {
    const now = hoursBefore(12); // discovered 60 hours ago
    const plan = planCountdown(DEADLINE, now);
    expect(plan.map((job) => [markLabel(job.mark), job.dueAt.toISOString()])).toEqual([
      ["h12", now.toISOString()],
      ["h4", hoursBefore(4).toISOString()],
      ["h1", hoursBefore(1).toISOString()],
      ["overdue0", DEADLINE.toISOString()],
    ]);
  });

  it("plans the latest overdue notice at once when the deadline has long passed", () => {
    const now = new Date(DEADLINE.getTime() + 30 * HOUR);
    expect(planCountdown(DEADLINE, now).map((job) => [markLabel(job.mark), job.dueAt.toISOString()])).toEqual([
      ["overdue1", now.toISOString()],
    ]);
  });

  it("counts elapsed hours across the spring daylight-saving change", () => {
    const deadline = new Date("2026-03-30T09:00:00Z");
    const plan = planCountdown(deadline, new Date("2026-03-27T10:00:00Z"));
    expect(plan[1]!.dueAt.toISOString()).toBe("2026-03-29T09:00:00.000Z");
  });

  it("finds the next overdue notice and re-page still ahead after a gap", () => {
    expect(nextOverdueIndex(DEADLINE, new Date(DEADLINE.getTime() + 5 * HOUR), 1)).toBe(1);
    expect(nextOverdueIndex(DEADLINE, new Date(DEADLINE.getTime() + 50 * HOUR), 1)).toBe(3);
    const reported = new Date("2026-11-23T09:00:00Z");
    expect(repageAt(reported, 30, 120, 0).toISOString()).toBe("2026-11-23T09:30:00.000Z");
    expect(repageAt(reported, 30, 120, 2).toISOString()).toBe("2026-11-23T13:30:00.000Z");
    expect(nextRepageIndex(reported, 30, 120, 0, new Date("2026-11-23T09:30:00Z"))).toBe(1);
    expect(nextRepageIndex(reported, 30, 120, 0, new Date("2026-11-23T15:00:00Z"))).toBe(3);
  });
});

describe("validateAwarenessCorrection", () => {
  const now = new Date("2026-11-23T09:00:00Z");
  const at = (date: Date) => date;
  it("accepts a past moment with a reason, and 5 minutes of skew", () => {
    expect(
      validateAwarenessCorrection({ awarenessAt: at(new Date(now.getTime() - HOUR)), reason: " r " }, now, { occurredAt: null }),
    ).toEqual({
      ok: true,
      awarenessAt: new Date(now.getTime() - HOUR),
      reason: "r",
    });
    expect(
      validateAwarenessCorrection({ awarenessAt: at(new Date(now.getTime() + 4 * 60_000)), reason: "r" }, now, {
        occurredAt: null,
      }).ok,
    ).toBe(true);
  });
  it("refuses the future, a moment before the occurrence, and a missing reason, field by field", () => {
    const future = validateAwarenessCorrection({ awarenessAt: at(new Date(now.getTime() + 6 * 60_000)), reason: "" }, now, {
      occurredAt: null,
    });
    expect(future.ok ? [] : Object.keys(future.errors).sort()).toEqual(["awareness_at", "reason"]);
    const early = validateAwarenessCorrection({ awarenessAt: at(new Date(now.getTime() - 3 * HOUR)), reason: "r" }, now, {
      occurredAt: new Date(now.getTime() - 2 * HOUR),
    });
    expect(early.ok ? [] : Object.keys(early.errors)).toEqual(["awareness_at"]);
    const missing = validateAwarenessCorrection({ awarenessAt: null, reason: "r" }, now, { occurredAt: null });
    expect(missing.ok ? [] : Object.keys(missing.errors)).toEqual(["awareness_at"]);
  });
});
