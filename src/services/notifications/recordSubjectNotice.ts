// A DPO records that the people concerned were informed (Art. 34 AVG):
// when, how and to how many.
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import type { TText } from "../../assessment/questions.ts";
import { validateSubjectNotice, type TRawSubjectNotice } from "../../domain/notifications/notificationRecords.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";

export interface TRecordSubjectNoticeInput extends TRawSubjectNotice {
  reference: string;
  userId: string;
}

export type TRecordSubjectNoticeResult =
  { outcome: "recorded" } | { outcome: "invalid"; errors: Record<string, TText> } | { outcome: "refused" | "not_found" };

export async function recordSubjectNotice(
  context: TBotContext,
  input: TRecordSubjectNoticeInput,
): Promise<TRecordSubjectNoticeResult> {
  const now = context.clock.now();
  if (!isDpo(context, input.userId)) return { outcome: "refused" };
  const checked = validateSubjectNotice(input, now);
  if (!checked.ok) return { outcome: "invalid", errors: checked.errors };
  return context.database.prisma.$transaction(async (tx): Promise<TRecordSubjectNoticeResult> => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return { outcome: "not_found" };
    await tx.subjectNotice.create({
      data: {
        incidentId: incident.id,
        sentAt: checked.sentAt,
        method: checked.method,
        recipientsCount: checked.recipientsCount,
        note: checked.note,
        recordedBy: input.userId,
        recordedAt: now,
      },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: "subject_notice_sent",
      details: {
        sentAt: checked.sentAt.toISOString(),
        method: checked.method,
        recipientsCount: checked.recipientsCount,
        note: checked.note,
      },
    });
    await enqueueOutboxMessages(tx, [
      {
        kind: OUTBOX_KINDS.countdownThreadNotice,
        payload: {
          incidentId: incident.id,
          notice: "subject_notice_recorded",
          params: {
            userId: input.userId,
            method: checked.method,
            recipientsCount: String(checked.recipientsCount),
            sentAt: checked.sentAt.toISOString(),
          },
        },
        incidentId: incident.id,
        notBefore: now,
      },
    ]);
    return { outcome: "recorded" };
  });
}
