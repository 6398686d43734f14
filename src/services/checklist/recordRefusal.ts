// Someone who may not do this (not a DPO, or too late) tried anyway: record
// it in the timeline and tell them, ephemerally, in the thread.
import type { TBotContext } from "../../app/botContext.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import type { Prisma } from "../../storage/generated/client.ts";

export interface TRecordRefusalInput {
  incidentId: string;
  userId: string;
  /** Timeline kind, e.g. checklist_answer_refused, decision_refused. */
  kind: string;
  /** Notice from src/slack/messages/notices.ts, e.g. dpo_only, checklist_locked. */
  notice: string;
  details?: Prisma.InputJsonValue;
  /** Where to show the notice; defaults to the incident's thread. */
  channelId?: string | null;
}

export async function recordRefusal(context: TBotContext, input: TRecordRefusalInput): Promise<void> {
  const now = context.clock.now();
  await context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: input.incidentId } });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: input.kind,
      details: input.details ?? {},
    });
    const channelId = input.channelId ?? incident.channelId;
    if (!channelId) return;
    await enqueueOutboxMessages(tx, [
      {
        kind: OUTBOX_KINDS.ephemeralNotice,
        payload: {
          userId: input.userId,
          channelId,
          threadTs: incident.threadTs,
          notice: input.notice,
          params: { reference: incident.reference },
        },
        incidentId: incident.id,
        notBefore: now,
      },
    ]);
  });
}
