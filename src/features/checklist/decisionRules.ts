// When a recorded decision goes against the assessment, and which fields the
// decision modal therefore requires.
import type { TDecision } from "../../core/incidents/decisions.ts";
import type { TAssessmentLevel } from "./assessmentLevels.ts";

export interface TAssessmentStanding {
  /** The level that counts: the DPO's override, else the engine's; null before the checklist is complete. */
  effectiveLevel: TAssessmentLevel | null;
  /** The answer to personal_data, if given. */
  personalData: string | undefined;
}

/** The level that counts: an override wins over the engine. */
export function effectiveLevel(assessment: { level: string; overrideLevel: string | null } | null): TAssessmentLevel | null {
  if (!assessment) return null;
  return (assessment.overrideLevel ?? assessment.level) as TAssessmentLevel;
}

/**
 * True when the decision contradicts the assessment:
 * - ap_notified while the level says no notification is needed (not a breach, no risk);
 * - not_notifiable while the level is risk or high risk (Art. 33(1));
 * - not_a_breach while personal data are involved, or the level says it is a breach.
 */
export function contradictsAssessment(decision: TDecision, standing: TAssessmentStanding): boolean {
  const level = standing.effectiveLevel;
  switch (decision) {
    case "ap_notified":
      return level === "not_a_breach" || level === "no_risk";
    case "not_notifiable":
      return level === "risk" || level === "high_risk";
    case "not_a_breach":
      return standing.personalData === "yes" || (level !== null && level !== "not_a_breach");
  }
}

/** A written reason is always asked for "not notifiable" and "not a breach", and for a notification that contradicts. */
export function decisionNeedsReason(decision: TDecision, standing: TAssessmentStanding): boolean {
  return decision !== "ap_notified" || contradictsAssessment(decision, standing);
}

/** Reasons shorter than this are not a reason ("ok", "nvt"). */
export const MIN_REASON_LENGTH = 10;
export const MAX_REASON_LENGTH = 3000;
export const MAX_AP_REFERENCE_LENGTH = 100;

export type TReasonProblem = "missing" | "too_short" | "too_long";

export function checkReason(reason: string | null | undefined): TReasonProblem | null {
  const text = (reason ?? "").trim();
  if (text.length === 0) return "missing";
  if (text.length < MIN_REASON_LENGTH) return "too_short";
  if (text.length > MAX_REASON_LENGTH) return "too_long";
  return null;
}
