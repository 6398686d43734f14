// The settings of the recurring duties (issue 5), spread into ZSettings in
// src/settings/loadSettings.ts. Every one has a default. (ADMIN_USER_IDS and
// MANAGEMENT_USER_IDS, used here too, are defined with the roles.)
import { z } from "zod";
import { parseMonthDay } from "../core/time/cadences.ts";
import {
  DEFAULT_WORKING_DAYS,
  DEFAULT_WORKING_HOURS,
  parseClockTime,
  parseWorkingDays,
  parseWorkingHoursRange,
} from "../core/time/workingHours.ts";

function withDefault<T extends z.ZodType>(fallback: string, schema: T) {
  return z.preprocess((value) => (value === undefined || value === "" ? fallback : value), schema);
}

function clockTime(fallback: string) {
  return withDefault(
    fallback,
    z.string().refine((value) => parseClockTime(value) !== undefined, "must be a time of day such as 09:00"),
  );
}

function days(fallback: number, max: number) {
  return withDefault(
    String(fallback),
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(max, `must be at most ${max}`),
  );
}

export const DUTY_SETTINGS_SHAPE = {
  /** ISO weekdays (1 = Monday) on which nudges are sent, e.g. 1-5. */
  WORKING_DAYS: withDefault(
    "",
    z.string().transform((value, context) => {
      const parsed = parseWorkingDays(value === "" ? DEFAULT_WORKING_DAYS : value);
      if (!parsed) {
        context.addIssue({ code: "custom", message: "must be weekdays 1 (Monday) to 7, e.g. 1-5 or 1,2,3,4" });
        return z.NEVER;
      }
      return parsed;
    }),
  ),
  WORKING_HOURS: withDefault(
    DEFAULT_WORKING_HOURS,
    z.string().refine((value) => parseWorkingHoursRange(value) !== undefined, "must be a range such as 09:00-17:00"),
  ),
  /** An unconfirmed retention review goes to management after this many days. */
  RETENTION_ESCALATE_AFTER_DAYS: days(14, 365),
  /** The evaluation of a closed incident is asked this many days after closing. */
  EVALUATION_AFTER_DAYS: days(14, 365),
  /** The yearly policy evaluation: date (MM-dd) and local time. */
  POLICY_EVALUATION_DATE: withDefault(
    "02-01",
    z.string().refine((value) => parseMonthDay(value) !== undefined, "must be a date MM-DD such as 02-01 (not 02-29)"),
  ),
  POLICY_EVALUATION_TIME: clockTime("09:00"),
  /** The weekly digest to management: on or off, weekday (1 = Monday) and time. */
  WEEKLY_DIGEST: withDefault("on", z.enum(["on", "off"], { error: "must be on or off" })),
  WEEKLY_DIGEST_DAY: days(1, 7),
  WEEKLY_DIGEST_TIME: clockTime("09:00"),
};
