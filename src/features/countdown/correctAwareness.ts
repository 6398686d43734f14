// A privacy officer corrects the moment of awareness, with a reason. The
// deadline moves (awareness + 72 elapsed hours); the pending reminders are
// cancelled and, while the countdown runs, a new countdown is scheduled for
// the new deadline (its keys carry the deadline, so they never collide with
// the old). The channel post and the pages show the new deadline, and the
// thread is told, without the reason: that is free text for the record.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { isCountdownRunning } from "../../core/incidents/decisions.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueMessages, type TOutgoingMessage } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toChannel, toPerson, toThread } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { cancelPendingJobs } from "../../core/scheduler/scheduleJobs.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { computeNotificationDeadline } from "../../core/time/deadlines.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { INCIDENT_PAGE_KIND, INCIDENT_POST_KIND } from "../paging/pagingMessages.ts";
import {
  validateAwarenessCorrection,
  type TAwarenessField,
  type TAwarenessProblem,
  type TRawAwarenessCorrection,
  awarenessCorrectionApplies,
} from "./awarenessCorrection.ts";
import { AWARENESS_CORRECT_ACTION } from "./countdownActions.ts";
import { COUNTDOWN_JOB_KINDS } from "./countdownJobKinds.ts";
import { COUNTDOWN_MESSAGE_KINDS, type TAwarenessCorrectedPayload } from "./countdownMessages.ts";
import { scheduleIncidentCountdown } from "./scheduleIncidentCountdown.ts";

export type TCorrectAwarenessDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export interface TCorrectAwarenessInput extends TRawAwarenessCorrection {
  reference: string;
  actor: TPersonId;
}

export type TCorrectAwarenessResult =
  | { outcome: "corrected"; deadlineAt: Date }
  | { outcome: "invalid"; errors: Partial<Record<TAwarenessField, TAwarenessProblem>> }
  | { outcome: "refused" | "not_found" | "closed" };

export async function correctAwareness(
  deps: TCorrectAwarenessDeps,
  input: TCorrectAwarenessInput,
): Promise<TCorrectAwarenessResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx): Promise<TCorrectAwarenessResult> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: AWARENESS_CORRECT_ACTION },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome };
    const before = guard.incident;
    if (!awarenessCorrectionApplies(before)) return { outcome: "closed" };
    const checked = validateAwarenessCorrection(input, now, before);
    if (!checked.ok) return { outcome: "invalid", errors: checked.errors };

    const deadlineAt = computeNotificationDeadline(checked.awarenessAt);
    const incident = await tx.incident.update({
      where: { id: before.id },
      data: { awarenessAt: checked.awarenessAt, deadlineAt },
    });
    const cancelled = await cancelPendingJobs(tx, { incidentId: incident.id, kinds: [COUNTDOWN_JOB_KINDS.reminder] }, now);
    const rescheduled = isCountdownRunning(incident);
    if (rescheduled) await scheduleIncidentCountdown(tx, incident, now);
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "awareness_corrected",
      details: {
        from: before.awarenessAt.toISOString(),
        to: checked.awarenessAt.toISOString(),
        deadlineFrom: before.deadlineAt.toISOString(),
        deadlineTo: deadlineAt.toISOString(),
        reason: checked.reason,
        cancelledReminders: cancelled,
      },
    });
    const about = { incidentId: incident.id };
    const notice: TAwarenessCorrectedPayload = {
      incidentId: incident.id,
      actor: input.actor,
      awarenessAt: checked.awarenessAt.toISOString(),
      deadlineAt: deadlineAt.toISOString(),
      rescheduled,
    };
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: INCIDENT_POST_KIND,
        target: toChannel("dpo"),
        key: messageKeys.incidentPost(incident.id),
        payload: about,
        incidentId: incident.id,
        notBefore: now,
      },
      ...(await pageUpdates(tx, incident.id, now)),
      {
        kind: COUNTDOWN_MESSAGE_KINDS.awarenessCorrected,
        target: toThread(messageKeys.incidentPost(incident.id)),
        payload: notice,
        incidentId: incident.id,
        notBefore: now,
      },
    ]);
    return { outcome: "corrected", deadlineAt };
  });
}

/** The pages in the privacy officers' direct messages show the deadline: the ones posted are updated. */
async function pageUpdates(tx: TDbTransaction, incidentId: string, now: Date): Promise<TOutgoingMessage[]> {
  const prefix = messageKeys.incidentPage(incidentId, "");
  const posted = await tx.postedMessage.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } });
  const people = [...new Set(posted.map((row) => row.key.slice(prefix.length)))].filter(Boolean);
  return people.map((person) => ({
    kind: INCIDENT_PAGE_KIND,
    target: toPerson(person),
    key: messageKeys.incidentPage(incidentId, person),
    payload: { incidentId, person },
    incidentId,
    notBefore: now,
  }));
}
