// Working hours and cadences of the recurring duties (issue 5): nudges only
// in working hours (default Monday to Friday 09:00-17:00 Europe/Amsterdam),
// never at night or on a weekend; quarterly reviews on the first working
// day of each quarter; the yearly evaluation on 1 February; the digest on
// Monday 09:00.
import { describe, expect, it } from "vitest";
import {
  followingPeriod,
  nextCadenceOccurrence,
  nextWeeklyOccurrence,
  nextYearlyOccurrence,
  parseMonthDay,
  periodContaining,
} from "../../src/core/time/cadences.ts";
import {
  isWorkingMoment,
  nextWorkingMoment,
  parseWorkingDays,
  parseWorkingHoursRange,
  workingStartAfterDays,
  workingStartOnOrAfter,
  type TWorkingHours,
} from "../../src/core/time/workingHours.ts";
import { loadSettings } from "../../src/settings/loadSettings.ts";

const AMSTERDAM: TWorkingHours = { zone: "Europe/Amsterdam", days: [1, 2, 3, 4, 5], startMinutes: 9 * 60, endMinutes: 17 * 60 };
const iso = (date: Date) => date.toISOString();
const next = (at: string, hours = AMSTERDAM) => iso(nextWorkingMoment(new Date(at), hours));

describe("working hours", () => {
  it("keeps a moment inside working hours as it is", () => {
    // Monday 23 Nov 2026 10:00 CET.
    expect(next("2026-11-23T09:00:00.000Z")).toBe("2026-11-23T09:00:00.000Z");
    expect(isWorkingMoment(new Date("2026-11-23T15:59:00Z"), AMSTERDAM)).toBe(true);
  });

  it("moves an early morning to 09:00 the same day and the evening to 09:00 the next day", () => {
    expect(next("2026-11-23T06:30:00Z")).toBe("2026-11-23T08:00:00.000Z");
    // 17:00 itself is after working hours.
    expect(next("2026-11-23T16:00:00Z")).toBe("2026-11-24T08:00:00.000Z");
    // 03:00 at night.
    expect(next("2026-11-25T02:00:00Z")).toBe("2026-11-25T08:00:00.000Z");
  });

  it("moves a weekend to Monday 09:00", () => {
    // Friday 27 Nov 2026 17:30 CET, Saturday noon, Sunday 23:59.
    expect(next("2026-11-27T16:30:00Z")).toBe("2026-11-30T08:00:00.000Z");
    expect(next("2026-11-28T11:00:00Z")).toBe("2026-11-30T08:00:00.000Z");
    expect(next("2026-11-29T22:59:00Z")).toBe("2026-11-30T08:00:00.000Z");
  });

  it("keeps 09:00 local across the daylight-saving changes", () => {
    // Summer time starts Sunday 29 March 2026: Monday 09:00 CEST is 07:00 UTC.
    expect(next("2026-03-27T17:00:00Z")).toBe("2026-03-30T07:00:00.000Z");
    // Winter time starts Sunday 25 October 2026: Monday 09:00 CET is 08:00 UTC.
    expect(next("2026-10-23T15:30:00Z")).toBe("2026-10-26T08:00:00.000Z");
  });

  it("follows configured days and hours", () => {
    const short: TWorkingHours = { ...AMSTERDAM, days: parseWorkingDays("1-4")!, ...parseWorkingHoursRange("08:30-12:00")! };
    // Thursday 26 Nov 2026 12:30 CET -> Monday 30 Nov 08:30 (Friday is not a working day).
    expect(next("2026-11-26T11:30:00Z", short)).toBe("2026-11-30T07:30:00.000Z");
    expect(parseWorkingDays("1,3,5")).toEqual([1, 3, 5]);
    expect(parseWorkingDays("8")).toBeUndefined();
    expect(parseWorkingDays("5-1")).toBeUndefined();
    expect(parseWorkingHoursRange("17:00-09:00")).toBeUndefined();
    expect(parseWorkingHoursRange("9-17")).toBeUndefined();
  });

  it("snoozes to the start of the next working day, or a week later", () => {
    // Friday 27 Nov 2026 14:00 CET: tomorrow is Saturday, so Monday 09:00.
    expect(iso(workingStartAfterDays(new Date("2026-11-27T13:00:00Z"), 1, AMSTERDAM))).toBe("2026-11-30T08:00:00.000Z");
    // Tuesday 24 Nov: tomorrow is Wednesday 25 Nov 09:00; next week is Tuesday 1 Dec 09:00.
    expect(iso(workingStartAfterDays(new Date("2026-11-24T13:00:00Z"), 1, AMSTERDAM))).toBe("2026-11-25T08:00:00.000Z");
    expect(iso(workingStartAfterDays(new Date("2026-11-24T13:00:00Z"), 7, AMSTERDAM))).toBe("2026-12-01T08:00:00.000Z");
    // A due date on a Sunday is reminded on Monday.
    expect(iso(workingStartOnOrAfter("2026-12-06", AMSTERDAM))).toBe("2026-12-07T08:00:00.000Z");
  });
});

describe("cadences", () => {
  const after = new Date("2026-11-23T09:00:00Z");

  it("puts a quarterly review on the first working day of the next quarter at 09:00", () => {
    const quarterly = nextCadenceOccurrence("quarterly", after, AMSTERDAM);
    expect(quarterly.period.key).toBe("2027-Q1");
    // Friday 1 January 2027 09:00 CET (holidays are not taken into account).
    expect(iso(quarterly.dueAt)).toBe("2027-01-01T08:00:00.000Z");
    // 1 April 2028 is a Saturday: Monday 3 April 09:00 CEST.
    const q2 = nextCadenceOccurrence("quarterly", new Date("2028-03-15T12:00:00Z"), AMSTERDAM);
    expect([q2.period.key, iso(q2.dueAt)]).toEqual(["2028-Q2", "2028-04-03T07:00:00.000Z"]);
  });

  it("takes the current period when its occurrence is still ahead", () => {
    // Saturday 1 January 2028: the Q1 review is on Monday 3 January.
    const early = nextCadenceOccurrence("quarterly", new Date("2028-01-01T10:00:00Z"), AMSTERDAM);
    expect([early.period.key, iso(early.dueAt)]).toEqual(["2028-Q1", "2028-01-03T08:00:00.000Z"]);
  });

  it("knows monthly, half-yearly and yearly cadences", () => {
    const monthly = nextCadenceOccurrence("monthly", after, AMSTERDAM);
    expect([monthly.period.key, iso(monthly.dueAt)]).toEqual(["2026-12", "2026-12-01T08:00:00.000Z"]);
    const half = nextCadenceOccurrence("half_yearly", new Date("2027-02-10T10:00:00Z"), AMSTERDAM);
    // 1 July 2027 is a Thursday, summer time.
    expect([half.period.key, iso(half.dueAt)]).toEqual(["2027-H2", "2027-07-01T07:00:00.000Z"]);
    const yearly = nextCadenceOccurrence("yearly", after, AMSTERDAM);
    expect([yearly.period.key, iso(yearly.dueAt)]).toEqual(["2027", "2027-01-01T08:00:00.000Z"]);
  });

  it("chains periods across the year boundary", () => {
    let period = periodContaining("quarterly", new Date("2026-11-23T09:00:00Z"), "Europe/Amsterdam");
    const keys = [period.key];
    for (let index = 0; index < 4; index++) keys.push((period = followingPeriod(period)).key);
    expect(keys).toEqual(["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]);
    expect(followingPeriod(periodContaining("monthly", new Date("2026-12-15T12:00:00Z"), "Europe/Amsterdam")).key).toBe(
      "2027-01",
    );
    // 31 December 23:30 UTC is already January in Amsterdam.
    expect(periodContaining("quarterly", new Date("2026-12-31T23:30:00Z"), "Europe/Amsterdam").key).toBe("2027-Q1");
  });

  it("puts the yearly evaluation on 1 February 09:00, across the year boundary, moved off weekends", () => {
    const date = { ...parseMonthDay("02-01")!, minutes: 9 * 60 };
    // From November 2026 the next one is in 2027 (Monday 1 February).
    const fromNovember = nextYearlyOccurrence(date, new Date("2026-11-23T09:00:00Z"), AMSTERDAM);
    expect([fromNovember.year, iso(fromNovember.dueAt)]).toEqual([2027, "2027-02-01T08:00:00.000Z"]);
    // 1 February 2026 is a Sunday: Monday 2 February.
    const sunday = nextYearlyOccurrence(date, new Date("2026-01-15T09:00:00Z"), AMSTERDAM);
    expect([sunday.year, iso(sunday.dueAt)]).toEqual([2026, "2026-02-02T08:00:00.000Z"]);
    // Just after this year's, the next is next year's.
    const after2027 = nextYearlyOccurrence(date, new Date("2027-02-01T08:00:00.001Z"), AMSTERDAM);
    expect([after2027.year, iso(after2027.dueAt)]).toEqual([2028, "2028-02-01T08:00:00.000Z"]);
    expect(parseMonthDay("02-29")).toBeUndefined();
    expect(parseMonthDay("13-01")).toBeUndefined();
  });

  it("puts the weekly digest on Monday 09:00", () => {
    const weekly = { weekday: 1, minutes: 9 * 60 };
    const fromMondayMorning = nextWeeklyOccurrence(weekly, new Date("2026-11-23T07:00:00Z"), AMSTERDAM);
    expect([fromMondayMorning.key, iso(fromMondayMorning.dueAt)]).toEqual(["2026-11-23", "2026-11-23T08:00:00.000Z"]);
    const fromMondayNoon = nextWeeklyOccurrence(weekly, new Date("2026-11-23T11:00:00Z"), AMSTERDAM);
    expect([fromMondayNoon.key, iso(fromMondayNoon.dueAt)]).toEqual(["2026-11-30", "2026-11-30T08:00:00.000Z"]);
    // A Saturday digest is sent on Monday.
    const saturday = nextWeeklyOccurrence({ weekday: 6, minutes: 10 * 60 }, new Date("2026-11-23T11:00:00Z"), AMSTERDAM);
    expect([saturday.key, iso(saturday.dueAt)]).toEqual(["2026-11-28", "2026-11-30T08:00:00.000Z"]);
  });
});

describe("duty settings", () => {
  const base = {
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: "secret",
    DPO_USER_IDS: "U0DPO0001",
    DPO_CHANNEL_ID: "C0DPOCHAN",
    MANAGEMENT_CHANNEL_ID: "C0MANAGEM",
  };

  it("has defaults", () => {
    const loaded = loadSettings(base);
    if (!loaded.ok) throw new Error(loaded.problems.join("; "));
    expect(loaded.settings).toMatchObject({
      WORKING_DAYS: [1, 2, 3, 4, 5],
      WORKING_HOURS: "09:00-17:00",
      RETENTION_ESCALATE_AFTER_DAYS: 14,
      EVALUATION_AFTER_DAYS: 14,
      POLICY_EVALUATION_DATE: "02-01",
      POLICY_EVALUATION_TIME: "09:00",
      WEEKLY_DIGEST: "on",
      WEEKLY_DIGEST_DAY: 1,
      WEEKLY_DIGEST_TIME: "09:00",
    });
  });

  it("names each malformed duty setting", () => {
    const loaded = loadSettings({
      ...base,
      WORKING_DAYS: "ma-vr",
      WORKING_HOURS: "17-9",
      POLICY_EVALUATION_DATE: "02-30",
      WEEKLY_DIGEST: "maybe",
      WEEKLY_DIGEST_DAY: "8",
    });
    expect(loaded.ok).toBe(false);
    const names = loaded.ok ? [] : loaded.problems.map((problem) => problem.split(" ")[0]);
    expect(names.sort()).toEqual([
      "POLICY_EVALUATION_DATE",
      "WEEKLY_DIGEST",
      "WEEKLY_DIGEST_DAY",
      "WORKING_DAYS",
      "WORKING_HOURS",
    ]);
  });
});
