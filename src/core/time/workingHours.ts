// Non-urgent nudges (retention reviews, measure reminders, evaluations,
// digests) arrive in working hours only: never at night, never on a
// weekend. Computed on the local wall clock of the organisation's zone, so
// a daylight-saving change keeps 09:00 at 09:00. (The 72-hour countdown is
// never held back by this; it counts elapsed hours.)
import { DateTime } from "luxon";

export interface TWorkingHours {
  zone: string;
  /** ISO weekdays that are working days: 1 = Monday ... 7 = Sunday. */
  days: number[];
  /** Minutes after local midnight when the working day starts and ends. */
  startMinutes: number;
  endMinutes: number;
}

export const DEFAULT_WORKING_DAYS = "1-5";
export const DEFAULT_WORKING_HOURS = "09:00-17:00";

/** "1-5" or "1,2,3,4,5" or "1-3,5"; undefined when malformed. */
export function parseWorkingDays(text: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of text.split(",").map((piece) => piece.trim())) {
    const range = /^([1-7])(?:-([1-7]))?$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    if (to < from) return undefined;
    for (let day = from; day <= to; day++) days.add(day);
  }
  return [...days].sort();
}

/** "HH:mm" to minutes after midnight; undefined when malformed. */
export function parseClockTime(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** "09:00-17:00"; undefined when malformed or empty. */
export function parseWorkingHoursRange(text: string): { startMinutes: number; endMinutes: number } | undefined {
  const [start, end, extra] = text.split("-");
  if (extra !== undefined || start === undefined || end === undefined) return undefined;
  const startMinutes = parseClockTime(start);
  const endMinutes = parseClockTime(end);
  if (startMinutes === undefined || endMinutes === undefined || endMinutes <= startMinutes) return undefined;
  return { startMinutes, endMinutes };
}

export function workingHoursOf(settings: { TIMEZONE: string; WORKING_DAYS: number[]; WORKING_HOURS: string }): TWorkingHours {
  const range = parseWorkingHoursRange(settings.WORKING_HOURS) ?? parseWorkingHoursRange(DEFAULT_WORKING_HOURS)!;
  return { zone: settings.TIMEZONE, days: settings.WORKING_DAYS, ...range };
}

function atMinutes(day: DateTime, minutes: number): DateTime {
  return day.startOf("day").set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
}

export function isWorkingMoment(at: Date, hours: TWorkingHours): boolean {
  const local = DateTime.fromJSDate(at, { zone: hours.zone });
  const minutes = local.hour * 60 + local.minute;
  return hours.days.includes(local.weekday) && minutes >= hours.startMinutes && minutes < hours.endMinutes;
}

/** The first instant at or after `at` inside working hours. */
export function nextWorkingMoment(at: Date, hours: TWorkingHours): Date {
  if (isWorkingMoment(at, hours)) return at;
  let day = DateTime.fromJSDate(at, { zone: hours.zone });
  // Later today if the working day has not started yet.
  if (hours.days.includes(day.weekday) && day < atMinutes(day, hours.startMinutes)) {
    return atMinutes(day, hours.startMinutes).toJSDate();
  }
  for (let step = 0; step < 8; step++) {
    day = day.plus({ days: 1 }).startOf("day");
    if (hours.days.includes(day.weekday)) return atMinutes(day, hours.startMinutes).toJSDate();
  }
  throw new Error("no working days configured");
}

/** The start of working hours on the first working day on or after the local date (yyyy-MM-dd). */
export function workingStartOnOrAfter(localDate: string, hours: TWorkingHours): Date {
  const day = DateTime.fromISO(localDate, { zone: hours.zone });
  return nextWorkingMoment(atMinutes(day, hours.startMinutes).toJSDate(), hours);
}

/** The start of working hours on the first working day after the local day of `at` plus `days` days. */
export function workingStartAfterDays(at: Date, days: number, hours: TWorkingHours): Date {
  const day = DateTime.fromJSDate(at, { zone: hours.zone }).plus({ days });
  return nextWorkingMoment(atMinutes(day, hours.startMinutes).toJSDate(), hours);
}
