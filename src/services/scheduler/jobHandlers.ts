// Every kind of scheduled job and its handler. Each area adds its handlers
// here (the countdown, re-pages, recurring duties).
import { createCountdownJobHandlers } from "../countdown/createCountdownJobHandlers.ts";
import { createDutyJobHandlers } from "../register/createDutyJobHandlers.ts";
import { OWN_RETENTION_SWEEP, sweepOwnRetention } from "../ownRetention/ownRetentionSweep.ts";
import type { TJobHandlers } from "./runDueJobs.ts";

export function createJobHandlers(): TJobHandlers {
  return { ...createCountdownJobHandlers(), ...createDutyJobHandlers(), [OWN_RETENTION_SWEEP]: sweepOwnRetention };
}
