// What a feature adds to the whole: its kinds of message, its scheduled
// jobs, its commands, and what it seeds at start. src/features/index.ts
// lists every feature. (What a feature adds to an incident's post is listed
// in src/features/postContributions.ts.)
import type { TMessageKind } from "../core/messages/messageKind.ts";
import type { TJobHandlers } from "../core/scheduler/runDueJobs.ts";
import type { TCommand } from "./commands/command.ts";
import type { TFeatureDeps } from "./featureDeps.ts";
import type { TMessageContext } from "./messageContext.ts";

export interface TFeature {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind checks its own payload with zod
  messageKinds?: readonly TMessageKind<any, TMessageContext>[];
  jobHandlers?: (deps: TFeatureDeps) => TJobHandlers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command declares what it needs
  commands?: readonly TCommand<any>[];
  /** Work on the schedule from the first start (the recurring duties); idempotent. */
  seed?: (deps: TFeatureDeps) => Promise<void>;
}
