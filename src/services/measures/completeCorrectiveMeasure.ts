// The measure's owner (or a privacy officer) confirms a measure is done:
// recorded with who and when, its reminders cancelled, the thread updated.
import { z } from "zod";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { dutyKeys } from "../../domain/duties/dutyJobs.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { dutyMessage, followUpProgressMessage, noticeMessage } from "../register/dutyOutbox.ts";
import { cancelPendingJobs } from "../scheduler/scheduleJob.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";

export interface TCompleteMeasureInput {
  measureId: string;
  userId: string;
  channelId: string;
  messageTs?: string;
}

export async function completeCorrectiveMeasure(
  context: TBotContext,
  input: TCompleteMeasureInput,
): Promise<{ outcome: "done" | "already_done" | "refused" | "not_found" }> {
  const now = context.clock.now();
  // A button value that is not an id (a forged or broken payload) finds nothing.
  if (!z.uuid().safeParse(input.measureId).success) return { outcome: "not_found" };
  return context.database.prisma.$transaction(async (tx) => {
    const measure = await tx.correctiveMeasure.findUnique({ where: { id: input.measureId } });
    if (!measure) return { outcome: "not_found" } as const;
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: measure.incidentId } });
    if (input.userId !== measure.ownerId && !isDpo(context, input.userId)) {
      await appendTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        actorId: input.userId,
        kind: "measure_done_refused",
        details: { measureId: measure.id, reason: "not_the_owner" },
      });
      await enqueueOutboxMessages(tx, [
        noticeMessage({
          userId: input.userId,
          channelId: input.channelId,
          notice: "measure_owner_only",
          params: { reference: incident.reference },
          incidentId: incident.id,
          notBefore: now,
        }),
      ]);
      return { outcome: "refused" } as const;
    }
    const claimed = await tx.correctiveMeasure.updateMany({
      where: { id: measure.id, doneAt: null },
      data: { doneAt: now, doneBy: input.userId },
    });
    if (claimed.count === 0) {
      await enqueueOutboxMessages(tx, [
        noticeMessage({ userId: input.userId, channelId: input.channelId, notice: "already_done", notBefore: now }),
      ]);
      return { outcome: "already_done" } as const;
    }
    await cancelPendingJobs(tx, { series: dutyKeys.measureSeries(measure.id) }, now);
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: "measure_done",
      details: { measureId: measure.id },
    });
    await enqueueOutboxMessages(tx, [
      followUpProgressMessage(incident.id, now),
      ...(input.messageTs
        ? [
            dutyMessage({
              message: "measure_done",
              channel: input.channelId,
              params: { measureId: measure.id },
              update: { channel: input.channelId, ts: input.messageTs },
              incidentId: incident.id,
              notBefore: now,
            }),
          ]
        : []),
    ]);
    return { outcome: "done" } as const;
  });
}
