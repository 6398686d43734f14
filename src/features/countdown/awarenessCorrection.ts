// A DPO corrects the moment of awareness (it defaults to the discovery
// time). Validated field by field; the Slack layer knows the block ids.
import type { TText } from "../checklist/questions.ts";
import { CLOCK_SKEW_MINUTES } from "../incidents/reportInput.ts";

export const MAX_CORRECTION_REASON_LENGTH = 2000;

export interface TRawAwarenessCorrection {
  /** Unix seconds from the datetimepicker. */
  awarenessAt: number | null | undefined;
  reason: string | null | undefined;
}

export type TAwarenessCorrectionResult =
  { ok: true; awarenessAt: Date; reason: string } | { ok: false; errors: Partial<Record<"awareness_at" | "reason", TText>> };

export function validateAwarenessCorrection(
  raw: TRawAwarenessCorrection,
  now: Date,
  incident: { occurredAt: Date | null },
): TAwarenessCorrectionResult {
  const errors: Partial<Record<"awareness_at" | "reason", TText>> = {};
  let awarenessAt: Date | undefined;
  if (raw.awarenessAt === null || raw.awarenessAt === undefined || !Number.isFinite(raw.awarenessAt)) {
    errors.awareness_at = { nl: "Kies het moment van bewustwording.", en: "Choose the moment of awareness." };
  } else {
    awarenessAt = new Date(raw.awarenessAt * 1000);
    if (awarenessAt.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000) {
      errors.awareness_at = { nl: "Dit moment ligt in de toekomst.", en: "This moment lies in the future." };
    } else if (incident.occurredAt && awarenessAt.getTime() < incident.occurredAt.getTime()) {
      errors.awareness_at = {
        nl: "Bewustwording kan niet vóór het ontstaan van het lek liggen.",
        en: "Awareness cannot come before the breach occurred.",
      };
    }
  }
  const reason = (raw.reason ?? "").trim();
  if (reason.length === 0) {
    errors.reason = { nl: "Geef de reden van de correctie.", en: "Give the reason for the correction." };
  } else if (reason.length > MAX_CORRECTION_REASON_LENGTH) {
    errors.reason = {
      nl: `Maximaal ${MAX_CORRECTION_REASON_LENGTH} tekens.`,
      en: `At most ${MAX_CORRECTION_REASON_LENGTH} characters.`,
    };
  }
  if (Object.keys(errors).length > 0 || !awarenessAt) return { ok: false, errors };
  return { ok: true, awarenessAt, reason };
}
