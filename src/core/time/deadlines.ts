// Legal deadlines are counted in elapsed hours (Art. 33(1) AVG: "within 72
// hours"), so a daylight-saving change moves the local clock time of the
// deadline by an hour, and that is correct.
import { DateTime } from "luxon";

export const AP_NOTIFICATION_WINDOW_HOURS = 72;

export function computeNotificationDeadline(awarenessAt: Date): Date {
  return DateTime.fromJSDate(awarenessAt, { zone: "utc" }).plus({ hours: AP_NOTIFICATION_WINDOW_HOURS }).toJSDate();
}

export interface TTimeLeft {
  overdue: boolean;
  /** Whole minutes between now and the deadline, always >= 0. */
  totalMinutes: number;
  hours: number;
  minutes: number;
}

export function timeLeft(deadline: Date, now: Date): TTimeLeft {
  const diffMs = deadline.getTime() - now.getTime();
  const totalMinutes = Math.floor(Math.abs(diffMs) / 60_000);
  return {
    // At the deadline itself the incident is overdue (product.md).
    overdue: diffMs <= 0,
    totalMinutes,
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
  };
}
