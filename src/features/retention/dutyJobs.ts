// The scheduled-job kinds of the recurring duties and their dedupe keys.
// A dedupe key names one occurrence, so scheduling it twice is a no-op and a
// restart re-seeds nothing that already exists.
export const DUTY_JOB_KINDS = {
  retentionNudge: "retention.nudge",
  retentionReminder: "retention.reminder",
  retentionEscalate: "retention.escalate",
  measureReminder: "measure.reminder",
  evaluationRequest: "evaluation.request",
  policyEvaluation: "policy_evaluation.request",
  weeklyDigest: "digest.weekly",
} as const;

export const dutyKeys = {
  retentionNudge: (systemKey: string, period: string) => `retention:${systemKey}:${period}`,
  retentionReminder: (reviewId: string, count: number) => `retention-reminder:${reviewId}:${count}`,
  retentionEscalate: (systemKey: string, period: string) => `retention-escalate:${systemKey}:${period}`,
  /** reminder 0 on the due date, 1.. when overdue (weekly). */
  measureReminder: (measureId: string, index: number) => `measure:${measureId}:${index}`,
  measureSeries: (measureId: string) => `measure:${measureId}`,
  evaluationRequest: (incidentId: string) => `evaluation:${incidentId}`,
  /** repeat 0 on the yearly date, then weekly until recorded. */
  policyEvaluation: (year: number, repeat: number) => `policy-evaluation:${year}:${repeat}`,
  weeklyDigest: (localDate: string) => `digest:${localDate}`,
};
