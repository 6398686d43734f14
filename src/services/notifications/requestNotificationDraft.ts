// A DPO asks for a draft (the AP notification or the message to the people
// concerned): it comes as a direct message and as a file in their DM. Both
// are rendered from the record when delivered.
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { recordDpoOnlyRefusal } from "./recordDpoOnlyRefusal.ts";

export const DRAFT_KINDS = ["ap_notification", "subject_notice"] as const;
export type TDraftKind = (typeof DRAFT_KINDS)[number];

export interface TRequestDraftInput {
  reference: string;
  userId: string;
  draft: TDraftKind;
  channelId?: string | null;
  threadTs?: string | null;
}

export async function requestNotificationDraft(
  context: TBotContext,
  input: TRequestDraftInput,
): Promise<{ outcome: "requested" | "refused" | "not_found" }> {
  const now = context.clock.now();
  const incident = await context.database.prisma.incident.findUnique({ where: { reference: input.reference } });
  if (!incident) return { outcome: "not_found" };
  if (!isDpo(context, input.userId)) {
    await recordDpoOnlyRefusal(context, {
      incident,
      userId: input.userId,
      action: `draft_${input.draft}`,
      channelId: input.channelId,
      threadTs: input.threadTs,
    });
    return { outcome: "refused" };
  }
  await context.database.prisma.$transaction(async (tx) => {
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: "draft_requested",
      details: { draft: input.draft },
    });
    const payload = { incidentId: incident.id, userId: input.userId, draft: input.draft };
    await enqueueOutboxMessages(tx, [
      { kind: OUTBOX_KINDS.notificationDraftMessage, payload, incidentId: incident.id, notBefore: now },
      { kind: OUTBOX_KINDS.notificationDraftFile, payload, incidentId: incident.id, notBefore: now },
    ]);
  });
  context.wakeOutbox();
  return { outcome: "requested" };
}
