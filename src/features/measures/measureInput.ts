// A new corrective measure as the form hands it back, checked field by
// field: what (required, at most MEASURE_WHAT_MAX characters), the owner (a
// person chosen in the form) and the due date (a local date, not past).
import { DateTime } from "luxon";
import type { TFormValues } from "../../core/messages/form.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { MEASURE_FIELDS } from "./measuresActions.ts";

export const MEASURE_WHAT_MAX = 500;

export type TMeasureProblem = "whatMissing" | "whatTooLong" | "ownerMissing" | "dueMissing" | "duePast";
export type TMeasureField = (typeof MEASURE_FIELDS)[keyof typeof MEASURE_FIELDS];

export interface TNewMeasure {
  what: string;
  owner: TPersonId;
  /** yyyy-MM-dd, a local date. */
  dueDate: string;
}

export type TMeasureCheck =
  { ok: true; measure: TNewMeasure } | { ok: false; problems: Partial<Record<TMeasureField, TMeasureProblem>> };

const text = (value: TFormValues[string] | undefined) => (typeof value === "string" ? value : "");

export function validateMeasure(values: TFormValues, now: Date, zone: string): TMeasureCheck {
  const problems: Partial<Record<TMeasureField, TMeasureProblem>> = {};
  const what = text(values[MEASURE_FIELDS.what]).trim();
  if (what.length === 0) problems[MEASURE_FIELDS.what] = "whatMissing";
  else if (what.length > MEASURE_WHAT_MAX) problems[MEASURE_FIELDS.what] = "whatTooLong";
  // The front end hands back a person id; the core only checks one was chosen.
  const owner = text(values[MEASURE_FIELDS.owner]).trim();
  if (owner.length === 0 || owner.length > 200) problems[MEASURE_FIELDS.owner] = "ownerMissing";
  const dueDate = text(values[MEASURE_FIELDS.due]).trim();
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || !DateTime.fromISO(dueDate, { zone }).isValid)
    problems[MEASURE_FIELDS.due] = "dueMissing";
  else if (dueDate < today) problems[MEASURE_FIELDS.due] = "duePast";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, measure: { what, owner, dueDate } };
}
