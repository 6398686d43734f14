// The weekly digest to management (on WEEKLY_DIGEST_DAY at
// WEEKLY_DIGEST_TIME, in working hours). Each one schedules the next; after
// an outage the first one still ahead, so missed weeks do not arrive in a
// burst. Switched off with WEEKLY_DIGEST=off (the chain then ends; switching
// it on again seeds it at start).
import { BOT_ACTOR, recordDutyEvent } from "../../core/duties/recordDutyEvent.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toChannel } from "../../core/outbox/target.ts";
import type { TJobHandler } from "../../core/scheduler/runDueJobs.ts";
import type { TScheduleJobInput } from "../../core/scheduler/scheduleJobs.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import { nextWeeklyOccurrence } from "../../core/time/cadences.ts";
import { parseClockTime, workingHoursOf } from "../../core/time/workingHours.ts";
import type { TFeatureDeps, TFeatureSettings } from "../featureDeps.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../retention/dutyJobs.ts";
import { collectDigest } from "./collectDigest.ts";
import { WEEKLY_DIGEST_KIND } from "./digestMessages.ts";

export function nextWeeklyDigestJob(settings: TFeatureSettings, after: Date): TScheduleJobInput {
  const next = nextWeeklyOccurrence(
    { weekday: settings.WEEKLY_DIGEST_DAY, minutes: parseClockTime(settings.WEEKLY_DIGEST_TIME)! },
    after,
    workingHoursOf(settings),
  );
  return {
    kind: DUTY_JOB_KINDS.weeklyDigest,
    dedupeKey: dutyKeys.weeklyDigest(next.key),
    dueAt: next.dueAt,
    payload: { week: next.key },
  };
}

export function sendWeeklyDigest(deps: Pick<TFeatureDeps, "settings" | "messaging">): TJobHandler {
  return async (tx, { job, now }) => {
    if (deps.settings.WEEKLY_DIGEST === "off") return { status: "skipped", reason: "weekly digest is off" };
    await scheduleJobs(tx, [
      nextWeeklyDigestJob(deps.settings, new Date(Math.max(job.dueAt.getTime() + 86_400_000, now.getTime()))),
    ]);
    const week = String((job.payload as { week?: unknown } | null)?.week ?? job.dedupeKey);
    await enqueueMessages(tx, deps.messaging, [
      { kind: WEEKLY_DIGEST_KIND, target: toChannel("management"), payload: { week }, notBefore: now },
    ]);
    const digest = await collectDigest(tx, now, deps.settings.TIMEZONE);
    await recordDutyEvent(tx, {
      at: now,
      actorId: BOT_ACTOR,
      duty: "weekly_digest",
      subject: week,
      kind: "sent",
      details: { openIncidents: digest.openIncidents.length, measuresOpen: digest.measuresOpen },
    });
    return { status: "done" };
  };
}

/** At start, when the digest is on: the next one; returns how many jobs were new. */
export async function seedWeeklyDigest(deps: Pick<TFeatureDeps, "database" | "clock" | "settings">): Promise<number> {
  if (deps.settings.WEEKLY_DIGEST !== "on") return 0;
  return deps.database.prisma.$transaction((tx) => scheduleJobs(tx, [nextWeeklyDigestJob(deps.settings, deps.clock.now())]));
}
