// The assessed levels (shared/spec/assessment.md), a stable interface.
export const ASSESSMENT_LEVELS = ["not_a_breach", "no_risk", "risk", "high_risk"] as const;
export type TAssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];
