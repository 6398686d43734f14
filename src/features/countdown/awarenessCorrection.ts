// A DPO corrects the moment of awareness (it defaults to the discovery
// time). Validated field by field, keyed by the form's field ids; each
// problem is a code (the words are in src/texts/countdown.ts).
import { CLOCK_SKEW_MINUTES } from "../report/reportInput.ts";

export const MAX_CORRECTION_REASON_LENGTH = 2000;

export interface TRawAwarenessCorrection {
  awarenessAt: Date | null | undefined;
  reason: string | null | undefined;
}

export type TAwarenessProblem =
  | { code: "required" }
  | { code: "in_future" }
  | { code: "before_occurrence" }
  | { code: "reason_required" }
  | { code: "too_long"; max: number };

export type TAwarenessField = "awareness_at" | "reason";

export type TAwarenessCorrectionResult =
  { ok: true; awarenessAt: Date; reason: string } | { ok: false; errors: Partial<Record<TAwarenessField, TAwarenessProblem>> };

export function validateAwarenessCorrection(
  raw: TRawAwarenessCorrection,
  now: Date,
  incident: { occurredAt: Date | null },
): TAwarenessCorrectionResult {
  const errors: Partial<Record<TAwarenessField, TAwarenessProblem>> = {};
  const awarenessAt = raw.awarenessAt && !Number.isNaN(raw.awarenessAt.getTime()) ? raw.awarenessAt : undefined;
  if (!awarenessAt) errors.awareness_at = { code: "required" };
  else if (awarenessAt.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000) errors.awareness_at = { code: "in_future" };
  else if (incident.occurredAt && awarenessAt.getTime() < incident.occurredAt.getTime())
    errors.awareness_at = { code: "before_occurrence" };
  const reason = (raw.reason ?? "").replace(/\u0000/g, "").trim();
  if (reason.length === 0) errors.reason = { code: "reason_required" };
  else if (reason.length > MAX_CORRECTION_REASON_LENGTH) errors.reason = { code: "too_long", max: MAX_CORRECTION_REASON_LENGTH };
  if (Object.keys(errors).length > 0 || !awarenessAt) return { ok: false, errors };
  return { ok: true, awarenessAt, reason };
}

/** Correcting the moment of awareness applies until the incident is closed (after the decision it still dates a late notification). */
export function awarenessCorrectionApplies(incident: { closedAt: Date | null }): boolean {
  return incident.closedAt === null;
}
