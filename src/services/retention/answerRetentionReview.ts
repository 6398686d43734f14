// The owner's answer to a retention nudge: done (recorded with who and
// when), remind me tomorrow, or remind me next week. Only the system's
// owner or a privacy officer may answer; a refusal is noticed and recorded.
import { z } from "zod";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../../domain/duties/dutyJobs.ts";
import { workingHoursOf, workingStartAfterDays } from "../../domain/schedules/workingHours.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { dutyMessage, noticeMessage } from "../register/dutyOutbox.ts";
import { recordDutyEvent } from "../register/recordDutyEvent.ts";
import { scheduleJobs } from "../scheduler/scheduleJob.ts";

export type TRetentionAnswer = "done" | "snooze_day" | "snooze_week";

export interface TAnswerRetentionInput {
  reviewId: string;
  answer: TRetentionAnswer;
  userId: string;
  /** Where the button was, to answer there and to update the nudge. */
  channelId: string;
  messageTs?: string;
}

export type TAnswerRetentionResult =
  { outcome: "done" | "already_done" | "refused" | "not_found" } | { outcome: "snoozed"; until: Date };

export async function answerRetentionReview(context: TBotContext, input: TAnswerRetentionInput): Promise<TAnswerRetentionResult> {
  const now = context.clock.now();
  // A button value that is not an id (a forged or broken payload) finds nothing.
  if (!z.uuid().safeParse(input.reviewId).success) return { outcome: "not_found" };
  return context.database.prisma.$transaction(async (tx) => {
    const review = await tx.retentionReview.findUnique({ where: { id: input.reviewId } });
    if (!review) return { outcome: "not_found" } as const;
    const subject = `${review.systemKey}:${review.period}`;
    const system = context.register.systems.find((candidate) => candidate.key === review.systemKey);
    const allowed = input.userId === review.ownerId || input.userId === system?.owner || isDpo(context, input.userId);
    if (!allowed) {
      await recordDutyEvent(tx, { at: now, actorId: input.userId, duty: "retention_review", subject, kind: "refused" });
      await enqueueOutboxMessages(tx, [
        noticeMessage({
          userId: input.userId,
          channelId: input.channelId,
          notice: "retention_owner_only",
          params: { system: system?.name ?? review.systemKey },
          notBefore: now,
        }),
      ]);
      return { outcome: "refused" } as const;
    }
    const update = input.messageTs ? { update: { channel: input.channelId, ts: input.messageTs } } : {};
    if (review.completedAt) {
      await enqueueOutboxMessages(tx, [
        noticeMessage({ userId: input.userId, channelId: input.channelId, notice: "already_done", notBefore: now }),
      ]);
      return { outcome: "already_done" } as const;
    }
    if (input.answer === "done") {
      // Conditional: of two clicks at once, one records.
      const claimed = await tx.retentionReview.updateMany({
        where: { id: review.id, completedAt: null },
        data: { completedAt: now, completedBy: input.userId },
      });
      if (claimed.count === 0) return { outcome: "already_done" } as const;
      await recordDutyEvent(tx, { at: now, actorId: input.userId, duty: "retention_review", subject, kind: "done" });
      await enqueueOutboxMessages(tx, [
        dutyMessage({
          message: "retention_answered",
          channel: input.channelId,
          params: { reviewId: review.id, answer: "done" },
          ...update,
          notBefore: now,
        }),
      ]);
      return { outcome: "done" } as const;
    }
    const days = input.answer === "snooze_day" ? 1 : 7;
    const until = workingStartAfterDays(now, days, workingHoursOf(context.settings));
    const snoozed = await tx.retentionReview.update({ where: { id: review.id }, data: { snoozeCount: { increment: 1 } } });
    await scheduleJobs(tx, [
      {
        kind: DUTY_JOB_KINDS.retentionReminder,
        dedupeKey: dutyKeys.retentionReminder(review.id, snoozed.snoozeCount),
        dueAt: until,
        payload: { reviewId: review.id },
      },
    ]);
    await recordDutyEvent(tx, {
      at: now,
      actorId: input.userId,
      duty: "retention_review",
      subject,
      kind: "snoozed",
      details: { until: until.toISOString(), answer: input.answer },
    });
    await enqueueOutboxMessages(tx, [
      dutyMessage({
        message: "retention_answered",
        channel: input.channelId,
        params: { reviewId: review.id, answer: input.answer, until: until.toISOString() },
        ...update,
        notBefore: now,
      }),
    ]);
    return { outcome: "snoozed", until } as const;
  });
}
