// The weekly digest to management.
import type { TFeature } from "../feature.ts";
import { DUTY_JOB_KINDS } from "../retention/dutyJobs.ts";
import { weeklyDigestMessage } from "./digestMessages.ts";
import { seedWeeklyDigest, sendWeeklyDigest } from "./sendWeeklyDigest.ts";

export const digestFeature: TFeature = {
  name: "digest",
  messageKinds: [weeklyDigestMessage],
  jobHandlers: (deps) => ({ [DUTY_JOB_KINDS.weeklyDigest]: sendWeeklyDigest(deps) }),
  seed: async (deps) => {
    await seedWeeklyDigest(deps);
  },
};
