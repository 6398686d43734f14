// The assessed levels and the Art. 34(3) exemptions (shared/spec/assessment.md),
// a stable interface. Kept apart from the engine so that the text catalogue
// can label them without importing the engine.
export const ASSESSMENT_LEVELS = ["not_a_breach", "no_risk", "risk", "high_risk"] as const;
export type TAssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];

/** Art. 34(3)(a), (b) and (c) GDPR. */
export const EXEMPTIONS = ["unintelligible", "subsequent_measures", "disproportionate_effort"] as const;
export type TExemption = (typeof EXEMPTIONS)[number];

/** The levels of one kind of breach (a personal-data breach is at least "no risk"). */
export type TRiskLevel = Exclude<TAssessmentLevel, "not_a_breach">;

export type TSeverityBand = "low" | "medium" | "high" | "very_high";
