// Cancels an incident's pending countdown and re-page jobs, e.g. in the
// transaction that records the decision. The handlers check the decision
// anyway when they run; this only keeps the schedule tidy.
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { cancelPendingJobs } from "../../core/scheduler/scheduleJobs.ts";
import { COUNTDOWN_JOB_KINDS } from "./countdownJobKinds.ts";

export async function stopIncidentCountdown(tx: TDbTransaction, incidentId: string, now: Date): Promise<number> {
  return cancelPendingJobs(tx, { incidentId, kinds: [COUNTDOWN_JOB_KINDS.reminder, COUNTDOWN_JOB_KINDS.repage] }, now);
}
