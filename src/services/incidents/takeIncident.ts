// A DPO takes an incident: owner and time are recorded and the channel post
// updated. Anyone else is refused, and the refusal is recorded too.
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { startChecklist } from "../checklist/startChecklist.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { recordRefusalIn } from "../timeline/recordRefusal.ts";

export type TTakeResult =
  | { outcome: "taken"; incident: Incident }
  | { outcome: "already_taken"; incident: Incident }
  | { outcome: "refused"; incident: Incident }
  | { outcome: "not_found" };

export interface TTakeIncidentInput {
  reference: string;
  userId: string;
  /** Where the button was clicked, to answer a refusal there. */
  channelId: string;
  threadTs?: string;
}

export async function takeIncident(context: TBotContext, input: TTakeIncidentInput): Promise<TTakeResult> {
  const now = context.clock.now();
  return context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return { outcome: "not_found" } as const;
    if (!isDpo(context, input.userId)) {
      await recordRefusalIn(
        tx,
        {
          incident,
          userId: input.userId,
          kind: "take_refused",
          notice: "dpo_only",
          details: { reason: "not_a_dpo" },
          channelId: input.channelId,
          threadTs: input.threadTs ?? null,
        },
        now,
      );
      return { outcome: "refused", incident } as const;
    }
    // Conditional update: of two DPOs clicking at once, one takes it.
    const claimed = await tx.incident.updateMany({
      where: { id: incident.id, ownerId: null },
      data: { ownerId: input.userId, takenAt: now, status: "taken" },
    });
    const current = await tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
    if (claimed.count === 0) return { outcome: "already_taken", incident: current } as const;
    await appendTimelineEntry(tx, { incidentId: incident.id, at: now, actorId: input.userId, kind: "taken" });
    await enqueueOutboxMessages(tx, [
      { kind: OUTBOX_KINDS.channelPostUpdate, payload: { incidentId: incident.id }, incidentId: incident.id, notBefore: now },
    ]);
    // The checklist: prefilled from the report, posted in the thread.
    await startChecklist(tx, { incident: current, actorId: input.userId, at: now });
    return { outcome: "taken", incident: current } as const;
  });
}
