// Stops an incident's countdown, in the transaction that records the
// decision: the pending reminders and overdue notices are cancelled (their
// handlers check the decision anyway; this keeps the schedule tidy). The
// pending re-page is not cancelled but brought forward to now: when it runs
// it pages no one (the incident is decided) and, if someone took the
// incident, it takes the button off the re-pages already sent.
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { cancelPendingJobs } from "../../core/scheduler/scheduleJobs.ts";
import { COUNTDOWN_JOB_KINDS } from "./countdownJobKinds.ts";

/** Returns how many reminders were cancelled. */
export async function stopIncidentCountdown(tx: TDbTransaction, incidentId: string, now: Date): Promise<number> {
  await tx.scheduledJob.updateMany({
    where: { incidentId, kind: COUNTDOWN_JOB_KINDS.repage, status: "pending", dueAt: { gt: now } },
    data: { dueAt: now },
  });
  return cancelPendingJobs(tx, { incidentId, kinds: [COUNTDOWN_JOB_KINDS.reminder] }, now);
}
