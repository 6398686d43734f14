// Retention: each register system's review on its cadence (nudge, snooze,
// escalation), and the bot's own retention sweep.
import type { TFeature } from "../feature.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import { DUTY_JOB_KINDS } from "./dutyJobs.ts";
import { escalateRetentionReview } from "./escalateRetentionReview.ts";
import { nudgeRetentionReview, retentionNudgeJobs } from "./nudgeRetentionReview.ts";
import { OWN_RETENTION_SWEEP, seedOwnRetentionSweep, sweepOwnRetention } from "./ownRetentionSweep.ts";
import { remindRetentionReview } from "./remindRetentionReview.ts";
import { retentionAnsweredMessage, retentionEscalationMessage, retentionNudgeMessage } from "./retentionMessages.ts";

/** Every system's next review, and the daily sweep; returns how many jobs were new. */
export async function seedRetention(deps: TFeatureDeps): Promise<number> {
  const now = deps.clock.now();
  const nudges = await deps.database.prisma.$transaction((tx) => scheduleJobs(tx, retentionNudgeJobs(deps, now)));
  return nudges + (await seedOwnRetentionSweep(deps));
}

export const retentionFeature: TFeature = {
  name: "retention",
  messageKinds: [retentionNudgeMessage, retentionAnsweredMessage, retentionEscalationMessage],
  jobHandlers: (deps) => ({
    [DUTY_JOB_KINDS.retentionNudge]: nudgeRetentionReview(deps),
    [DUTY_JOB_KINDS.retentionReminder]: remindRetentionReview(deps),
    [DUTY_JOB_KINDS.retentionEscalate]: escalateRetentionReview(deps),
    [OWN_RETENTION_SWEEP]: sweepOwnRetention(deps),
  }),
  seed: async (deps) => {
    await seedRetention(deps);
  },
};
