// The AP deadline is awareness + 72 elapsed hours (Art. 33(1) AVG). Across a
// daylight-saving change in Europe/Amsterdam the local clock time of the
// deadline differs from that of the discovery by one hour (product.md, step 4).
// Expected values below are worked out from the calendar:
// - 2026: summer time starts Sunday 29 March (02:00 CET -> 03:00 CEST) and
//   ends Sunday 25 October (03:00 CEST -> 02:00 CET).
// - CET is UTC+1, CEST is UTC+2.
import { describe, expect, it } from "vitest";
import { AP_NOTIFICATION_WINDOW_HOURS, computeNotificationDeadline, timeLeft } from "../../src/core/time/deadlines.ts";
import { formatLocal, localYear } from "../../src/core/time/formatLocal.ts";
import { textsFor } from "../../src/texts/index.ts";

/** The time left in words, as every reminder and post says it (texts.common.timeLeft). */
const describeTimeLeft = (deadline: Date, now: Date, locale: "nl" | "en") =>
  textsFor(locale).common.timeLeft(timeLeft(deadline, now));

const AMSTERDAM = "Europe/Amsterdam";
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("computeNotificationDeadline", () => {
  it("is 72 hours after awareness", () => {
    expect(AP_NOTIFICATION_WINDOW_HOURS).toBe(72);
    // Monday 23 Nov 2026 08:00 CET (07:00 UTC) -> Thursday 26 Nov 08:00 CET.
    const deadline = computeNotificationDeadline(new Date("2026-11-23T07:00:00Z"));
    expect(deadline.toISOString()).toBe("2026-11-26T07:00:00.000Z");
    expect(formatLocal(deadline, AMSTERDAM, "nl")).toBe("do 26 nov 2026 08:00");
  });

  it("counts elapsed hours, not calendar days, and keeps seconds", () => {
    const awareness = new Date("2026-06-15T12:34:56.789Z");
    const deadline = computeNotificationDeadline(awareness);
    expect(deadline.getTime() - awareness.getTime()).toBe(72 * HOUR);
    expect(deadline.toISOString()).toBe("2026-06-18T12:34:56.789Z");
  });

  it("does not change the date it was given", () => {
    const awareness = new Date("2026-06-15T12:00:00Z");
    computeNotificationDeadline(awareness);
    expect(awareness.toISOString()).toBe("2026-06-15T12:00:00.000Z");
  });

  it("across the October change: discovery Sat 24 Oct 10:00 CEST -> deadline Tue 27 Oct 09:00 CET", () => {
    // 10:00 CEST = 08:00 UTC; + 72 h = Tue 27 Oct 08:00 UTC = 09:00 CET.
    const discovery = new Date("2026-10-24T08:00:00Z");
    expect(formatLocal(discovery, AMSTERDAM, "en")).toBe("Sat 24 Oct 2026 10:00");
    const deadline = computeNotificationDeadline(discovery);
    expect(deadline.toISOString()).toBe("2026-10-27T08:00:00.000Z");
    expect(formatLocal(deadline, AMSTERDAM, "en")).toBe("Tue 27 Oct 2026 09:00");
    expect(formatLocal(deadline, AMSTERDAM, "nl")).toBe("di 27 okt 2026 09:00");
  });

  it("across the March change: discovery Sat 28 Mar 10:00 CET -> deadline Tue 31 Mar 11:00 CEST", () => {
    // 10:00 CET = 09:00 UTC; + 72 h = Tue 31 Mar 09:00 UTC = 11:00 CEST.
    const discovery = new Date("2026-03-28T09:00:00Z");
    expect(formatLocal(discovery, AMSTERDAM, "en")).toBe("Sat 28 Mar 2026 10:00");
    const deadline = computeNotificationDeadline(discovery);
    expect(deadline.toISOString()).toBe("2026-03-31T09:00:00.000Z");
    expect(formatLocal(deadline, AMSTERDAM, "en")).toBe("Tue 31 Mar 2026 11:00");
    expect(formatLocal(deadline, AMSTERDAM, "nl")).toBe("di 31 mrt 2026 11:00");
  });
});

describe("timeLeft", () => {
  const deadline = new Date("2026-11-26T07:00:00Z");

  it("splits the time left into hours and minutes", () => {
    expect(timeLeft(deadline, new Date(deadline.getTime() - 70 * HOUR))).toEqual({
      overdue: false,
      totalMinutes: 70 * 60,
      hours: 70,
      minutes: 0,
    });
    expect(timeLeft(deadline, new Date(deadline.getTime() - (3 * HOUR + 25 * MINUTE)))).toEqual({
      overdue: false,
      totalMinutes: 205,
      hours: 3,
      minutes: 25,
    });
  });

  it("rounds partial minutes down while time is left", () => {
    // 59 min 59 s left is 59 whole minutes.
    expect(timeLeft(deadline, new Date(deadline.getTime() - 59 * MINUTE - 59_000))).toMatchObject({
      overdue: false,
      totalMinutes: 59,
      hours: 0,
      minutes: 59,
    });
  });

  it("is overdue once the deadline has passed, counting the time since", () => {
    expect(timeLeft(deadline, new Date(deadline.getTime() + 1 * MINUTE))).toEqual({
      overdue: true,
      totalMinutes: 1,
      hours: 0,
      minutes: 1,
    });
    expect(timeLeft(deadline, new Date(deadline.getTime() + 26 * HOUR + 5 * MINUTE))).toEqual({
      overdue: true,
      totalMinutes: 26 * 60 + 5,
      hours: 26,
      minutes: 5,
    });
  });

  it("is not overdue a minute before the deadline", () => {
    expect(timeLeft(deadline, new Date(deadline.getTime() - MINUTE)).overdue).toBe(false);
  });

  it("is overdue at the deadline itself (product.md: at the deadline the incident is overdue)", () => {
    expect(timeLeft(deadline, deadline)).toEqual({ overdue: true, totalMinutes: 0, hours: 0, minutes: 0 });
  });
});

describe("the time left in words", () => {
  const deadline = new Date("2026-11-26T07:00:00Z");
  const before = (milliseconds: number) => new Date(deadline.getTime() - milliseconds);
  const after = (milliseconds: number) => new Date(deadline.getTime() + milliseconds);

  it("states the time left in Dutch and in English, without empty parts (issue 11)", () => {
    expect(describeTimeLeft(deadline, before(70 * HOUR), "nl")).toBe("nog 70 uur");
    expect(describeTimeLeft(deadline, before(70 * HOUR), "en")).toBe("70 hours left");
    expect(describeTimeLeft(deadline, before(4 * HOUR + 15 * MINUTE), "nl")).toBe("nog 4 uur en 15 minuten");
    expect(describeTimeLeft(deadline, before(4 * HOUR + 15 * MINUTE), "en")).toBe("4 hours 15 minutes left");
    // Never "nog 0 uur 29 min".
    expect(describeTimeLeft(deadline, before(29 * MINUTE), "nl")).toBe("nog 29 minuten");
    expect(describeTimeLeft(deadline, before(29 * MINUTE), "en")).toBe("29 minutes left");
    expect(describeTimeLeft(deadline, before(HOUR + MINUTE), "nl")).toBe("nog 1 uur en 1 minuut");
    expect(describeTimeLeft(deadline, before(HOUR + MINUTE), "en")).toBe("1 hour 1 minute left");
  });

  it("states how late an overdue incident is", () => {
    expect(describeTimeLeft(deadline, after(HOUR + 30 * MINUTE), "nl")).toBe("1 uur en 30 minuten te laat");
    expect(describeTimeLeft(deadline, after(HOUR + 30 * MINUTE), "en")).toBe("1 hour 30 minutes overdue");
    // Never "1 uur 0 min te laat".
    expect(describeTimeLeft(deadline, after(HOUR), "nl")).toBe("1 uur te laat");
    expect(describeTimeLeft(deadline, after(25 * HOUR), "nl")).toBe("25 uur te laat");
    expect(describeTimeLeft(deadline, after(25 * HOUR), "en")).toBe("25 hours overdue");
    expect(describeTimeLeft(deadline, deadline, "nl")).toBe("nu verlopen");
  });

  it("counts the hours across a daylight-saving change as elapsed hours", () => {
    // Sat 24 Oct 10:00 CEST to Tue 27 Oct 09:00 CET is 72 real hours, though the wall clock shows 71.
    const discovery = new Date("2026-10-24T08:00:00Z");
    expect(describeTimeLeft(computeNotificationDeadline(discovery), discovery, "nl")).toBe("nog 72 uur");
  });
});

describe("formatLocal", () => {
  it("shows an instant in the organisation's zone, Dutch and English", () => {
    // 23 Nov 2026 09:00 UTC is 10:00 CET (a Monday).
    const at = new Date("2026-11-23T09:00:00Z");
    expect(formatLocal(at, AMSTERDAM, "nl")).toBe("ma 23 nov 2026 10:00");
    expect(formatLocal(at, AMSTERDAM, "en")).toBe("Mon 23 Nov 2026 10:00");
  });

  it("uses summer time in summer", () => {
    // 1 Jul 2026 12:00 UTC is 14:00 CEST (a Wednesday).
    const at = new Date("2026-07-01T12:00:00Z");
    expect(formatLocal(at, AMSTERDAM, "nl")).toBe("wo 1 jul 2026 14:00");
    expect(formatLocal(at, AMSTERDAM, "en")).toBe("Wed 1 Jul 2026 14:00");
  });

  it("uses the zone it is given", () => {
    const at = new Date("2026-11-23T09:00:00Z");
    expect(formatLocal(at, "UTC", "en")).toBe("Mon 23 Nov 2026 09:00");
    expect(formatLocal(at, "America/New_York", "en")).toBe("Mon 23 Nov 2026 04:00");
  });

  it("uses a 24-hour clock", () => {
    // 21:05 UTC is 22:05 CET on Friday 4 December 2026.
    expect(formatLocal(new Date("2026-12-04T21:05:00Z"), AMSTERDAM, "en")).toBe("Fri 4 Dec 2026 22:05");
  });
});

describe("localYear", () => {
  it("is already the next year in Amsterdam at 23:30 UTC on 31 December", () => {
    // 23:30 UTC = 00:30 CET on 1 January 2027.
    expect(localYear(new Date("2026-12-31T23:30:00Z"), AMSTERDAM)).toBe(2027);
    expect(localYear(new Date("2026-12-31T23:30:00Z"), "UTC")).toBe(2026);
  });

  it("is still the old year at 22:59 UTC on 31 December", () => {
    // 22:59 UTC = 23:59 CET on 31 December 2026.
    expect(localYear(new Date("2026-12-31T22:59:00Z"), AMSTERDAM)).toBe(2026);
    expect(localYear(new Date("2026-12-31T23:00:00Z"), AMSTERDAM)).toBe(2027);
  });
});
