// Seeds the first occurrence of every recurring duty at start: each
// system's retention review on its cadence, the yearly policy evaluation,
// and the weekly digest (when on). Idempotent: the dedupe keys name the
// occurrence, so a restart adds nothing that is already scheduled, and
// each occurrence schedules the next one itself.
import type { TBotContext } from "../../app/botContext.ts";
import { nextCadenceOccurrence } from "../../domain/schedules/cadences.ts";
import { workingHoursOf } from "../../domain/schedules/workingHours.ts";
import { nextWeeklyDigestJob } from "../digest/weeklyDigest.ts";
import { nextPolicyEvaluationJob } from "../evaluation/policyEvaluation.ts";
import { retentionNudgeJob } from "../retention/handleRetentionJobs.ts";
import { scheduleJobs } from "../scheduler/scheduleJob.ts";

export async function ensureRecurringDuties(context: TBotContext): Promise<number> {
  const now = context.clock.now();
  const hours = workingHoursOf(context.settings);
  const jobs = context.register.systems.map((system) => {
    const next = nextCadenceOccurrence(system.retention_review, now, hours);
    return retentionNudgeJob(system.key, next.period, next.dueAt);
  });
  // Always safe to offer: an occurrence already scheduled (or run) has the same dedupe key.
  return context.database.prisma.$transaction((tx) =>
    scheduleJobs(tx, [
      ...jobs,
      nextPolicyEvaluationJob(context.settings, now),
      ...(context.settings.WEEKLY_DIGEST === "on" ? [nextWeeklyDigestJob(context.settings, now)] : []),
    ]),
  );
}
