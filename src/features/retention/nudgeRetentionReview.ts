// A system's retention review falls due on its cadence (the first working
// day of the period, at the start of working hours): its owner is nudged in
// a direct message, the escalation to management is put on the schedule,
// and so is the next period's nudge. Seeded at start for every system.
import { z } from "zod";
import { BOT_ACTOR, recordDutyEvent } from "../../core/duties/recordDutyEvent.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import type { TJobHandler } from "../../core/scheduler/runDueJobs.ts";
import { scheduleJobs, type TScheduleJobInput } from "../../core/scheduler/scheduleJobs.ts";
import { CADENCES, followingPeriod, nextCadenceOccurrence, occurrenceOf, type TPeriod } from "../../core/time/cadences.ts";
import { nextWorkingMoment, workingHoursOf } from "../../core/time/workingHours.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { systemOwnerPerson } from "../register/systemOwner.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "./dutyJobs.ts";
import { retentionMessageKeys } from "./retentionActions.ts";
import { RETENTION_NUDGE_KIND } from "./retentionMessages.ts";

export type TRetentionDeps = Pick<TFeatureDeps, "register" | "roles" | "settings" | "messaging">;

const ZNudgePayload = z.object({
  systemKey: z.string(),
  period: z.string(),
  firstDay: z.string(),
  cadence: z.enum(CADENCES),
});

export function retentionNudgeJob(systemKey: string, period: TPeriod, dueAt: Date): TScheduleJobInput {
  return {
    kind: DUTY_JOB_KINDS.retentionNudge,
    dedupeKey: dutyKeys.retentionNudge(systemKey, period.key),
    dueAt,
    payload: { systemKey, period: period.key, firstDay: period.firstDay, cadence: period.cadence },
  };
}

/** The next nudge of every system in the register (a restart adds nothing: the dedupe keys name the occurrence). */
export function retentionNudgeJobs(deps: Pick<TFeatureDeps, "register" | "settings">, now: Date): TScheduleJobInput[] {
  const hours = workingHoursOf(deps.settings);
  return deps.register.systems.map((system) => {
    const next = nextCadenceOccurrence(system.retention_review, now, hours);
    return retentionNudgeJob(system.key, next.period, next.dueAt);
  });
}

export function nudgeRetentionReview(deps: TRetentionDeps): TJobHandler {
  return async (tx, { job, now }) => {
    const payload = ZNudgePayload.safeParse(job.payload);
    if (!payload.success) return { status: "skipped", reason: "payload does not parse" };
    const { systemKey, cadence } = payload.data;
    const system = deps.register.systems.find((candidate) => candidate.key === systemKey);
    if (!system) return { status: "skipped", reason: "system no longer in the register" };
    // A changed cadence is seeded anew at start; this chain ends here.
    if (system.retention_review !== cadence) return { status: "skipped", reason: "cadence changed" };
    const hours = workingHoursOf(deps.settings);
    const period: TPeriod = { cadence, key: payload.data.period, firstDay: payload.data.firstDay };
    // The next period's nudge; after a long outage, the first one still ahead (no catch-up burst).
    const following = followingPeriod(period);
    const next =
      occurrenceOf(following, hours).getTime() >= now.getTime()
        ? { period: following, dueAt: occurrenceOf(following, hours) }
        : nextCadenceOccurrence(cadence, now, hours);
    await scheduleJobs(tx, [retentionNudgeJob(system.key, next.period, next.dueAt)]);

    const owner = systemOwnerPerson(deps, system.key);
    if (!owner) return { status: "skipped", reason: "owner not known as a person" };
    const review = await tx.retentionReview.upsert({
      where: { systemKey_period: { systemKey: system.key, period: period.key } },
      create: { systemKey: system.key, period: period.key, ownerId: owner, firstNudgeAt: now },
      update: {},
    });
    if (review.completedAt) return { status: "skipped", reason: "already done" };
    const escalateAt = nextWorkingMoment(
      new Date(job.dueAt.getTime() + deps.settings.RETENTION_ESCALATE_AFTER_DAYS * 86_400_000),
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
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: RETENTION_NUDGE_KIND,
        target: toPerson(review.ownerId),
        key: retentionMessageKeys.nudge(review.id, 0),
        payload: { reviewId: review.id, reminder: false },
        notBefore: now,
      },
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
}
