// A DPO records a follow-up notification (vervolgmelding) or a withdrawal
// at the AP, against the AP's reference number. The initial notification
// is mirrored first, so the history is complete and numbered in order.
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import type { TText } from "../../assessment/questions.ts";
import { validateApFollowup, type TRawApFollowup } from "../../domain/notifications/notificationRecords.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { mirrorInitialApNotification } from "./mirrorInitialApNotification.ts";

export interface TRecordApFollowupInput extends TRawApFollowup {
  reference: string;
  userId: string;
}

export type TRecordApFollowupResult =
  | { outcome: "recorded"; sequence: number }
  | { outcome: "invalid"; errors: Record<string, TText> }
  | { outcome: "refused" | "not_found" };

export async function recordApFollowup(context: TBotContext, input: TRecordApFollowupInput): Promise<TRecordApFollowupResult> {
  const now = context.clock.now();
  if (!isDpo(context, input.userId)) return { outcome: "refused" };
  const checked = validateApFollowup(input);
  if (!checked.ok) return { outcome: "invalid", errors: checked.errors };
  return context.database.prisma.$transaction(async (tx): Promise<TRecordApFollowupResult> => {
    // The row lock orders concurrent recordings of one incident.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM incident WHERE reference = ${input.reference} FOR UPDATE`;
    if (locked.length === 0) return { outcome: "not_found" };
    const incident = await tx.incident.findUniqueOrThrow({ where: { reference: input.reference } });
    await mirrorInitialApNotification(tx, incident, now);
    const last = await tx.apNotification.findFirst({ where: { incidentId: incident.id }, orderBy: { sequence: "desc" } });
    const sequence = last ? last.sequence + 1 : 1;
    await tx.apNotification.create({
      data: {
        incidentId: incident.id,
        sequence,
        kind: checked.kind,
        apReference: checked.apReference,
        notifiedAt: now,
        recordedBy: input.userId,
        recordedAt: now,
        details: checked.text,
      },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: checked.kind === "withdrawal" ? "ap_withdrawal" : "ap_followup",
      details: { apReference: checked.apReference, sequence, text: checked.text },
    });
    // The thread hears that it happened, not the DPO's text.
    await enqueueOutboxMessages(tx, [
      {
        kind: OUTBOX_KINDS.countdownThreadNotice,
        payload: {
          incidentId: incident.id,
          notice: checked.kind === "withdrawal" ? "ap_withdrawal" : "ap_followup",
          params: { apReference: checked.apReference, userId: input.userId },
        },
        incidentId: incident.id,
        notBefore: now,
      },
    ]);
    return { outcome: "recorded", sequence };
  });
}
