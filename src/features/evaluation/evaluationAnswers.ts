// The answers of the evaluation after closing (stored as these codes).
export const MEASURES_WORKED = ["yes", "partly", "no", "none_taken"] as const;
export type TMeasuresWorked = (typeof MEASURES_WORKED)[number];

export const PROCEDURE_CHANGE = ["no", "yes"] as const;
export type TProcedureChange = (typeof PROCEDURE_CHANGE)[number];
