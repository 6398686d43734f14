// A DPO corrects the moment of awareness with a reason. The deadline moves
// (awareness + 72 elapsed hours), the old countdown is cancelled and a new
// one scheduled for the new deadline (its keys carry the deadline, so they
// never collide with the old ones), and the channel post is re-rendered.
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import type { TText } from "../../assessment/questions.ts";
import { validateAwarenessCorrection, type TRawAwarenessCorrection } from "../../domain/countdown/awarenessCorrection.ts";
import { isCountdownRunning } from "../../domain/incidents/decisions.ts";
import { computeNotificationDeadline } from "../../domain/time/deadlines.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { cancelPendingJobs } from "../scheduler/scheduleJob.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { COUNTDOWN_JOB_KINDS } from "./countdownJobKinds.ts";
import { scheduleIncidentCountdown } from "./scheduleIncidentCountdown.ts";

export interface TCorrectAwarenessInput extends TRawAwarenessCorrection {
  reference: string;
  userId: string;
}

export type TCorrectAwarenessResult =
  | { outcome: "corrected"; incident: Incident }
  | { outcome: "invalid"; errors: Record<string, TText> }
  | { outcome: "refused" | "not_found" };

export async function correctAwareness(context: TBotContext, input: TCorrectAwarenessInput): Promise<TCorrectAwarenessResult> {
  const now = context.clock.now();
  if (!isDpo(context, input.userId)) return { outcome: "refused" };
  const result = await context.database.prisma.$transaction(async (tx): Promise<TCorrectAwarenessResult> => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM incident WHERE reference = ${input.reference} FOR UPDATE`;
    if (locked.length === 0) return { outcome: "not_found" };
    const before = await tx.incident.findUniqueOrThrow({ where: { reference: input.reference } });
    const checked = validateAwarenessCorrection(input, now, before);
    if (!checked.ok) return { outcome: "invalid", errors: checked.errors };
    const deadlineAt = computeNotificationDeadline(checked.awarenessAt);
    const incident = await tx.incident.update({
      where: { id: before.id },
      data: { awarenessAt: checked.awarenessAt, deadlineAt },
    });
    const cancelled = await cancelPendingJobs(tx, { incidentId: incident.id, kinds: [COUNTDOWN_JOB_KINDS.reminder] }, now);
    if (isCountdownRunning(incident)) await scheduleIncidentCountdown(tx, incident, now);
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
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
    await enqueueOutboxMessages(tx, [
      { kind: OUTBOX_KINDS.channelPostUpdate, payload: { incidentId: incident.id }, incidentId: incident.id, notBefore: now },
      {
        kind: OUTBOX_KINDS.countdownThreadNotice,
        payload: {
          incidentId: incident.id,
          notice: "awareness_corrected",
          params: { userId: input.userId, from: before.deadlineAt.toISOString() },
        },
        incidentId: incident.id,
        notBefore: now,
      },
    ]);
    return { outcome: "corrected", incident };
  });
  if (result.outcome === "corrected") context.wakeOutbox();
  return result;
}
