// The scheduled retention-review jobs: the nudge on the system's cadence
// (which also schedules the escalation and the next period's nudge), the
// reminder after a snooze, and the escalation to management when nobody
// confirmed within RETENTION_ESCALATE_AFTER_DAYS.
import { z } from "zod";
import { followingPeriod, nextCadenceOccurrence, occurrenceOf, CADENCES, type TPeriod } from "../../domain/schedules/cadences.ts";
import { nextWorkingMoment, workingHoursOf } from "../../domain/schedules/workingHours.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../../domain/duties/dutyJobs.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { dutyMessage } from "../register/dutyOutbox.ts";
import { BOT_ACTOR, recordDutyEvent } from "../register/recordDutyEvent.ts";
import type { TJobHandler } from "../scheduler/runDueJobs.ts";
import { scheduleJobs } from "../scheduler/scheduleJob.ts";

const ZNudgePayload = z.object({
  systemKey: z.string(),
  period: z.string(),
  firstDay: z.string(),
  cadence: z.enum(CADENCES),
});
const ZReviewPayload = z.object({ reviewId: z.string() });

export type TRetentionNudgePayload = z.infer<typeof ZNudgePayload>;

export function retentionNudgeJob(systemKey: string, period: TPeriod, dueAt: Date) {
  return {
    kind: DUTY_JOB_KINDS.retentionNudge,
    dedupeKey: dutyKeys.retentionNudge(systemKey, period.key),
    dueAt,
    payload: { systemKey, period: period.key, firstDay: period.firstDay, cadence: period.cadence },
  };
}

export const handleRetentionNudge: TJobHandler = async (tx, { job, now, context }) => {
  const payload = ZNudgePayload.parse(job.payload);
  const system = context.register.systems.find((candidate) => candidate.key === payload.systemKey);
  if (!system) return { status: "skipped", reason: "system no longer in the register" };
  // A changed cadence is seeded anew at start; this chain ends here.
  if (system.retention_review !== payload.cadence) return { status: "skipped", reason: "cadence changed" };
  const hours = workingHoursOf(context.settings);
  const period: TPeriod = { cadence: payload.cadence, key: payload.period, firstDay: payload.firstDay };
  // The next period's nudge; after a long outage, the first one still ahead (no catch-up burst).
  const following = followingPeriod(period);
  const next =
    occurrenceOf(following, hours).getTime() >= now.getTime()
      ? { period: following, dueAt: occurrenceOf(following, hours) }
      : nextCadenceOccurrence(payload.cadence, now, hours);
  await scheduleJobs(tx, [retentionNudgeJob(system.key, next.period, next.dueAt)]);

  const review = await tx.retentionReview.upsert({
    where: { systemKey_period: { systemKey: system.key, period: period.key } },
    create: { systemKey: system.key, period: period.key, ownerId: system.owner, firstNudgeAt: now },
    update: {},
  });
  if (review.completedAt) return { status: "skipped", reason: "already done" };
  const escalateAt = nextWorkingMoment(
    new Date(job.dueAt.getTime() + context.settings.RETENTION_ESCALATE_AFTER_DAYS * 86_400_000),
    hours,
  );
  await scheduleJobs(tx, [
    {
      kind: DUTY_JOB_KINDS.retentionEscalate,
      dedupeKey: dutyKeys.retentionEscalate(system.key, period.key),
      dueAt: escalateAt,
      payload: { reviewId: review.id },
    },
  ]);
  await enqueueOutboxMessages(tx, [
    dutyMessage({ message: "retention_nudge", channel: review.ownerId, params: { reviewId: review.id }, notBefore: now }),
  ]);
  await recordDutyEvent(tx, {
    at: now,
    actorId: BOT_ACTOR,
    duty: "retention_review",
    subject: `${system.key}:${period.key}`,
    kind: "nudged",
    details: { ownerId: review.ownerId, escalateAt: escalateAt.toISOString() },
  });
  return { status: "done", outcome: { reviewId: review.id } };
};

export const handleRetentionReminder: TJobHandler = async (tx, { job, now }) => {
  const { reviewId } = ZReviewPayload.parse(job.payload);
  const review = await tx.retentionReview.findUnique({ where: { id: reviewId } });
  if (!review) return { status: "skipped", reason: "review not found" };
  if (review.completedAt) return { status: "skipped", reason: "already done" };
  await enqueueOutboxMessages(tx, [
    dutyMessage({
      message: "retention_nudge",
      channel: review.ownerId,
      params: { reviewId: review.id, reminder: true },
      notBefore: now,
    }),
  ]);
  await recordDutyEvent(tx, {
    at: now,
    actorId: BOT_ACTOR,
    duty: "retention_review",
    subject: `${review.systemKey}:${review.period}`,
    kind: "reminded",
  });
  return { status: "done" };
};

export const handleRetentionEscalate: TJobHandler = async (tx, { job, now, context }) => {
  const { reviewId } = ZReviewPayload.parse(job.payload);
  const review = await tx.retentionReview.findUnique({ where: { id: reviewId } });
  if (!review) return { status: "skipped", reason: "review not found" };
  if (review.completedAt) return { status: "skipped", reason: "already done" };
  await tx.retentionReview.update({ where: { id: review.id }, data: { escalatedAt: now } });
  await enqueueOutboxMessages(tx, [
    dutyMessage({
      message: "retention_escalation",
      channel: context.settings.MANAGEMENT_CHANNEL_ID,
      params: { reviewId: review.id, days: context.settings.RETENTION_ESCALATE_AFTER_DAYS },
      notBefore: now,
    }),
  ]);
  await recordDutyEvent(tx, {
    at: now,
    actorId: BOT_ACTOR,
    duty: "retention_review",
    subject: `${review.systemKey}:${review.period}`,
    kind: "escalated",
    details: { channel: context.settings.MANAGEMENT_CHANNEL_ID },
  });
  return { status: "done" };
};
