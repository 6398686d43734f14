// The evaluation's action, form and field ids (a stable interface), and the
// keys of its messages.
/** In the evaluation request; value: the incident's reference. Opens the evaluation form. */
export const EVALUATION_START_ACTION = "evaluation_start";
/** In the yearly evaluation request; value: the year. */
export const POLICY_EVALUATION_DONE_ACTION = "policy_evaluation_done";

export const EVALUATION_FORM_ID = "evaluation_submit";
export const EVALUATION_FIELDS = {
  measuresWorked: "evaluation_measures_worked",
  procedureChange: "evaluation_procedure_change",
  notes: "evaluation_notes",
} as const;

/** Who a copy of the yearly request went to: the management channel, or a privacy officer. */
export const MANAGEMENT_COPY = "management";

export const evaluationMessageKeys = {
  /** The request to evaluate a closed incident, in one privacy officer's direct messages. */
  incidentRequest: (incidentId: string) => `incident:${incidentId}:evaluation`,
  /** One copy of one year's request (repeat 0 on the date, then weekly). */
  policyRequest: (year: number, repeat: number, recipient: string) => `policy-evaluation:${year}:${repeat}:${recipient}`,
  /** Every copy of one year's request. */
  policyYear: (year: number) => `policy-evaluation:${year}:`,
  /** True for the key of a copy that went to the management channel. */
  isManagementCopy: (key: string) => key.endsWith(`:${MANAGEMENT_COPY}`),
};
