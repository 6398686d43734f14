// When the 72-hour countdown speaks: reminders at 48, 24, 12, 4 and 1 hours
// before the deadline, then "overdue" at the deadline and every 24 hours
// until a decision is recorded. Counted in elapsed hours, so a
// daylight-saving change never moves a reminder by an hour of real time.
import { DateTime } from "luxon";

export const REMINDER_HOURS_BEFORE = [48, 24, 12, 4, 1] as const;
export type TReminderHours = (typeof REMINDER_HOURS_BEFORE)[number];
export const OVERDUE_REPEAT_HOURS = 24;

export type TCountdownMark = { kind: "reminder"; hoursBefore: TReminderHours } | { kind: "overdue"; index: number };

export interface TPlannedCountdownJob {
  mark: TCountdownMark;
  /** When it is to be sent. */
  dueAt: Date;
  /** When the mark itself falls (differs from dueAt for a catch-up at once). */
  markAt: Date;
}

const hours = (at: Date, delta: number) => DateTime.fromJSDate(at, { zone: "utc" }).plus({ hours: delta }).toJSDate();

export function markLabel(mark: TCountdownMark): string {
  return mark.kind === "reminder" ? `h${mark.hoursBefore}` : `overdue${mark.index}`;
}

/** The instant of overdue notice number `index` (0 at the deadline). */
export function overdueAt(deadlineAt: Date, index: number): Date {
  return hours(deadlineAt, index * OVERDUE_REPEAT_HOURS);
}

/** The first overdue notice that is not yet in the past at `now`, at or after index `from`. */
export function nextOverdueIndex(deadlineAt: Date, now: Date, from: number): number {
  const elapsed = now.getTime() - deadlineAt.getTime();
  const passed = elapsed < 0 ? 0 : Math.floor(elapsed / (OVERDUE_REPEAT_HOURS * 3_600_000)) + 1;
  return Math.max(from, passed);
}

/**
 * The countdown jobs for a deadline as seen at `now`. Marks already past
 * (a backdated report, a corrected awareness time) are not all sent: only
 * the latest of them, at once; the later marks keep their own time. Only
 * the first overdue notice is planned; each one plans the next when sent.
 */
export function planCountdown(deadlineAt: Date, now: Date): TPlannedCountdownJob[] {
  const marks: { mark: TCountdownMark; markAt: Date }[] = [
    ...REMINDER_HOURS_BEFORE.map((hoursBefore) => ({
      mark: { kind: "reminder", hoursBefore } as TCountdownMark,
      markAt: hours(deadlineAt, -hoursBefore),
    })),
  ];
  if (deadlineAt.getTime() <= now.getTime()) {
    // Already overdue: the latest overdue notice that fell due, at once.
    const index = nextOverdueIndex(deadlineAt, now, 0) - 1;
    marks.push({ mark: { kind: "overdue", index }, markAt: overdueAt(deadlineAt, index) });
  } else {
    marks.push({ mark: { kind: "overdue", index: 0 }, markAt: deadlineAt });
  }
  const past = marks.filter((entry) => entry.markAt.getTime() <= now.getTime());
  const future = marks.filter((entry) => entry.markAt.getTime() > now.getTime());
  const latestPast = past.at(-1);
  return [
    ...(latestPast ? [{ mark: latestPast.mark, markAt: latestPast.markAt, dueAt: now }] : []),
    ...future.map((entry) => ({ mark: entry.mark, markAt: entry.markAt, dueAt: entry.markAt })),
  ];
}

/** Re-page: first after `afterMinutes`, then every `repeatMinutes` until taken. */
export function repageAt(reportedAt: Date, afterMinutes: number, repeatMinutes: number, index: number): Date {
  return new Date(reportedAt.getTime() + (afterMinutes + index * repeatMinutes) * 60_000);
}

/** The next re-page index after `index` whose time is not yet past at `now` (a gap is not replayed). */
export function nextRepageIndex(reportedAt: Date, afterMinutes: number, repeatMinutes: number, index: number, now: Date): number {
  const first = repageAt(reportedAt, afterMinutes, 0, 0).getTime();
  const passed = now.getTime() < first ? 0 : Math.floor((now.getTime() - first) / (repeatMinutes * 60_000)) + 1;
  return Math.max(index + 1, passed);
}
