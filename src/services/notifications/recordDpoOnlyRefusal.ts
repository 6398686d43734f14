// Someone who is not a privacy officer pressed a DPO-only button: record it
// and tell them, ephemerally, where they clicked.
import type { TBotContext } from "../../app/botContext.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";

export interface TDpoOnlyRefusal {
  incident: { id: string; reference: string; channelId: string | null; threadTs: string | null };
  userId: string;
  /** What was attempted, e.g. draft_ap_notification. */
  action: string;
  channelId?: string | null;
  threadTs?: string | null;
}

export async function recordDpoOnlyRefusal(context: TBotContext, refusal: TDpoOnlyRefusal): Promise<void> {
  const now = context.clock.now();
  const { incident } = refusal;
  await context.database.prisma.$transaction(async (tx) => {
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: refusal.userId,
      kind: "action_refused",
      details: { action: refusal.action, reason: "not_a_dpo" },
    });
    const channelId = refusal.channelId ?? incident.channelId;
    if (!channelId) return;
    await enqueueOutboxMessages(tx, [
      {
        kind: OUTBOX_KINDS.ephemeralNotice,
        payload: {
          userId: refusal.userId,
          channelId,
          threadTs: refusal.threadTs ?? incident.threadTs,
          notice: "dpo_only",
          params: { reference: incident.reference },
        },
        incidentId: incident.id,
        notBefore: now,
      },
    ]);
  });
  context.wakeOutbox();
}
