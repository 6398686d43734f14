// When recurring duties fall due. A cadence occurrence is the start of
// working hours on the first working day of its period: a quarterly review
// is due on the first working day of January, April, July and October at
// 09:00 local (by default). If the bot starts in the middle of a period,
// the first occurrence is the next period's (nothing is nudged right at
// installation); afterwards each occurrence schedules the next.
import { DateTime } from "luxon";
import { nextWorkingMoment, workingStartOnOrAfter, type TWorkingHours } from "./workingHours.ts";

export const CADENCES = ["monthly", "quarterly", "half_yearly", "yearly"] as const;
export type TCadence = (typeof CADENCES)[number];

const MONTHS_PER_PERIOD: Record<TCadence, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

export interface TPeriod {
  cadence: TCadence;
  /** Names the occurrence in dedupe keys: 2026-11, 2026-Q4, 2026-H2, 2026. */
  key: string;
  /** The period's first local day, yyyy-MM-dd. */
  firstDay: string;
}

function periodStarting(cadence: TCadence, year: number, monthIndex: number): TPeriod {
  const month = monthIndex + 1;
  const size = MONTHS_PER_PERIOD[cadence];
  const key =
    cadence === "monthly"
      ? `${year}-${String(month).padStart(2, "0")}`
      : cadence === "quarterly"
        ? `${year}-Q${Math.floor(monthIndex / size) + 1}`
        : cadence === "half_yearly"
          ? `${year}-H${Math.floor(monthIndex / size) + 1}`
          : `${year}`;
  return { cadence, key, firstDay: `${year}-${String(month).padStart(2, "0")}-01` };
}

export function periodContaining(cadence: TCadence, at: Date, zone: string): TPeriod {
  const local = DateTime.fromJSDate(at, { zone });
  const size = MONTHS_PER_PERIOD[cadence];
  const monthIndex = Math.floor((local.month - 1) / size) * size;
  return periodStarting(cadence, local.year, monthIndex);
}

export function followingPeriod(period: TPeriod): TPeriod {
  const [year, month] = period.firstDay.split("-").map(Number) as [number, number];
  const next = month - 1 + MONTHS_PER_PERIOD[period.cadence];
  return periodStarting(period.cadence, year + Math.floor(next / 12), next % 12);
}

export function occurrenceOf(period: TPeriod, hours: TWorkingHours): Date {
  return workingStartOnOrAfter(period.firstDay, hours);
}

/** The first occurrence at or after `after`. */
export function nextCadenceOccurrence(cadence: TCadence, after: Date, hours: TWorkingHours): { period: TPeriod; dueAt: Date } {
  let period = periodContaining(cadence, after, hours.zone);
  for (;;) {
    const dueAt = occurrenceOf(period, hours);
    if (dueAt.getTime() >= after.getTime()) return { period, dueAt };
    period = followingPeriod(period);
  }
}

/** A yearly date such as 1 February 09:00 local, moved to working hours; the first at or after `after`. */
export function nextYearlyOccurrence(
  monthDay: { month: number; day: number; minutes: number },
  after: Date,
  hours: TWorkingHours,
): { year: number; dueAt: Date } {
  const startYear = DateTime.fromJSDate(after, { zone: hours.zone }).year;
  for (let year = startYear; ; year++) {
    const nominal = DateTime.fromObject(
      { year, month: monthDay.month, day: monthDay.day, hour: Math.floor(monthDay.minutes / 60), minute: monthDay.minutes % 60 },
      { zone: hours.zone },
    );
    const dueAt = nextWorkingMoment(nominal.toJSDate(), hours);
    if (dueAt.getTime() >= after.getTime()) return { year, dueAt };
  }
}

/** A weekly moment such as Monday 09:00 local, moved to working hours; the first at or after `after`. */
export function nextWeeklyOccurrence(
  weekly: { weekday: number; minutes: number },
  after: Date,
  hours: TWorkingHours,
): { key: string; dueAt: Date } {
  let day = DateTime.fromJSDate(after, { zone: hours.zone }).startOf("day");
  while (day.weekday !== weekly.weekday) day = day.plus({ days: 1 });
  for (;;) {
    const nominal = day.set({ hour: Math.floor(weekly.minutes / 60), minute: weekly.minutes % 60 });
    const dueAt = nextWorkingMoment(nominal.toJSDate(), hours);
    if (dueAt.getTime() >= after.getTime()) return { key: day.toISODate()!, dueAt };
    day = day.plus({ weeks: 1 });
  }
}

/** "02-01" (MM-dd) to month and day; undefined when malformed. */
export function parseMonthDay(text: string): { month: number; day: number } | undefined {
  const match = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  // 29 February does not exist every year.
  return DateTime.fromObject({ year: 2025, month, day }).isValid ? { month, day } : undefined;
}
