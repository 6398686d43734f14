// A countdown job falls due: a reminder before the deadline, or an overdue
// notice at it and every 24 hours after. It checks the record when it runs:
// a decided incident or a moved deadline makes it a no-op.
//
// Where it goes (issue 11: one reminder where the person acts on it):
// before anyone took the incident, to the thread and every privacy officer's
// direct message, since any of them may act; once taken, to the direct
// message of the privacy officer who took it, and the thread keeps a short
// record without a mention (a mention would notify the owner a second
// time). The overdue notices also go to management.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { isCountdownRunning } from "../../core/incidents/decisions.ts";
import { enqueueMessages, type TOutgoingMessage } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toChannel, toPerson, toThread } from "../../core/outbox/target.ts";
import { BOT_ACTOR } from "../../core/people/person.ts";
import type { TJobOutcome, TJobRun } from "../../core/scheduler/runDueJobs.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { COUNTDOWN_MESSAGE_KINDS, type TReminderPayload } from "./countdownMessages.ts";
import { COUNTDOWN_JOB_KINDS, countdownDedupeKey, countdownSeries, ZCountdownJobPayload } from "./countdownJobKinds.ts";
import { nextOverdueIndex, overdueAt } from "./countdownPlan.ts";

export type TCountdownJobDeps = Pick<TFeatureDeps, "roles" | "messaging">;

export async function runCountdownReminder(deps: TCountdownJobDeps, tx: TDbTransaction, run: TJobRun): Promise<TJobOutcome> {
  const { job, now, late } = run;
  const parsed = ZCountdownJobPayload.safeParse(job.payload);
  if (!parsed.success) return { status: "skipped", reason: "payload_invalid" };
  const payload = parsed.data;
  const incident = job.incidentId ? await tx.incident.findUnique({ where: { id: job.incidentId } }) : null;
  if (!incident) return { status: "skipped", reason: "incident_not_found" };
  if (!isCountdownRunning(incident)) return { status: "skipped", reason: "decided" };
  // A corrected awareness time made a new series; this one is stale.
  if (incident.deadlineAt.toISOString() !== payload.deadlineAt) return { status: "skipped", reason: "deadline_moved" };

  const { mark } = payload;
  const base = { incidentId: incident.id, deadlineAt: payload.deadlineAt, mark, late };
  const readers = incident.ownerId ? [incident.ownerId] : deps.roles.dpos;
  const message = (target: TOutgoingMessage["target"], payload: TReminderPayload): TOutgoingMessage => ({
    kind: COUNTDOWN_MESSAGE_KINDS.reminder,
    target,
    payload,
    incidentId: incident.id,
    notBefore: now,
  });
  const messages: TOutgoingMessage[] = [
    message(toThread(messageKeys.incidentPost(incident.id)), { ...base, audience: "thread" }),
    ...readers.map((person) => message(toPerson(person), { ...base, audience: "dpo", person })),
  ];
  if (mark.kind === "overdue") {
    messages.push(message(toChannel("management"), { ...base, audience: "management" }));
    // Every 24 hours until decided; a gap is not replayed: the next one is the first still ahead.
    const index = nextOverdueIndex(incident.deadlineAt, now, mark.index + 1);
    const next = { kind: "overdue" as const, index };
    await scheduleJobs(tx, [
      {
        kind: COUNTDOWN_JOB_KINDS.reminder,
        dedupeKey: countdownDedupeKey(incident.id, incident.deadlineAt, next),
        dueAt: overdueAt(incident.deadlineAt, index),
        incidentId: incident.id,
        series: countdownSeries(incident.id, incident.deadlineAt),
        payload: { deadlineAt: payload.deadlineAt, mark: next },
      },
    ]);
  }
  await enqueueMessages(tx, deps.messaging, messages);
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: BOT_ACTOR,
    kind: mark.kind === "overdue" ? "countdown_overdue" : "countdown_reminder",
    details: { mark, late, deadlineAt: payload.deadlineAt, dueAt: job.dueAt.toISOString(), readers: readers.length },
  });
  return { status: "done", outcome: { mark, readers: readers.length } };
}
