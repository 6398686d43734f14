// Action and callback ids of the recurring duties' buttons and modals.
export const DUTY_ACTIONS = {
  retentionDone: "retention_done",
  retentionSnoozeDay: "retention_snooze_day",
  retentionSnoozeWeek: "retention_snooze_week",
  /** On the incident's channel post once taken; value: the reference. Opens the measure_add modal. */
  measureAdd: "measure_add",
  /** In the owner's reminder; value: the measure id. */
  measureDone: "measure_done",
  /** On the incident's channel post once taken; value: the reference. Opens the incident_close modal. */
  incidentClose: "incident_close",
  /** In the evaluation request; value: the reference. Opens the evaluation_submit modal. */
  evaluationStart: "evaluation_start",
  /** In the yearly evaluation request; value: the year. */
  policyEvaluationDone: "policy_evaluation_done",
} as const;

export const DUTY_VIEWS = {
  measureAdd: "measure_add",
  incidentClose: "incident_close",
  evaluationSubmit: "evaluation_submit",
} as const;

/** Block ids = action ids of the modal inputs. */
export const DUTY_INPUTS = {
  measureWhat: "measure_what",
  measureOwner: "measure_owner",
  measureDue: "measure_due",
  closeReason: "close_reason",
  evaluationMeasuresWorked: "evaluation_measures_worked",
  evaluationProcedureChange: "evaluation_procedure_change",
  evaluationNotes: "evaluation_notes",
} as const;
