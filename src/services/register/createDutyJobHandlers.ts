// The scheduled-job handlers of the recurring duties, spread into
// createJobHandlers() (src/services/scheduler/jobHandlers.ts).
import { DUTY_JOB_KINDS } from "../../domain/duties/dutyJobs.ts";
import { handleWeeklyDigest } from "../digest/weeklyDigest.ts";
import { handleEvaluationRequest } from "../evaluation/incidentEvaluation.ts";
import { handlePolicyEvaluationRequest } from "../evaluation/policyEvaluation.ts";
import { handleMeasureReminder } from "../measures/handleMeasureReminder.ts";
import { handleRetentionEscalate, handleRetentionNudge, handleRetentionReminder } from "../retention/handleRetentionJobs.ts";
import type { TJobHandlers } from "../scheduler/runDueJobs.ts";

export function createDutyJobHandlers(): TJobHandlers {
  return {
    [DUTY_JOB_KINDS.retentionNudge]: handleRetentionNudge,
    [DUTY_JOB_KINDS.retentionReminder]: handleRetentionReminder,
    [DUTY_JOB_KINDS.retentionEscalate]: handleRetentionEscalate,
    [DUTY_JOB_KINDS.measureReminder]: handleMeasureReminder,
    [DUTY_JOB_KINDS.evaluationRequest]: handleEvaluationRequest,
    [DUTY_JOB_KINDS.policyEvaluation]: handlePolicyEvaluationRequest,
    [DUTY_JOB_KINDS.weeklyDigest]: handleWeeklyDigest,
  };
}
