// Stops an incident's countdown, in the transaction that records the
// decision: the pending reminders, overdue notices and re-pages are
// cancelled (their handlers check the decision anyway; this keeps the
// schedule tidy). The re-pages already sent lost their button when the
// incident was taken (takeIncident).
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { cancelPendingJobs } from "../../core/scheduler/scheduleJobs.ts";
import { COUNTDOWN_JOB_KINDS } from "./countdownJobKinds.ts";

/** Returns how many reminders were cancelled. */
export async function stopIncidentCountdown(tx: TDbTransaction, incidentId: string, now: Date): Promise<number> {
  await stopRepages(tx, incidentId, now);
  return cancelPendingJobs(tx, { incidentId, kinds: [COUNTDOWN_JOB_KINDS.reminder] }, now);
}

/** Ends the re-page series: someone took the incident, or it was decided. */
export async function stopRepages(tx: TDbTransaction, incidentId: string, now: Date): Promise<number> {
  return cancelPendingJobs(tx, { incidentId, kinds: [COUNTDOWN_JOB_KINDS.repage] }, now);
}
