// The product's table of contents: every feature, in the order an incident
// meets them, then the recurring duties and the records.
import type { TMessageKind } from "../core/messages/messageKind.ts";
import type { TJobHandlers } from "../core/scheduler/runDueJobs.ts";
import { noticeMessage } from "../core/notices/noticeMessage.ts";
import { auditFeature } from "./audit/auditFeature.ts";
import { checklistFeature } from "./checklist/checklistFeature.ts";
import type { TCommand } from "./commands/command.ts";
import { helpCommand } from "./commands/helpCommand.ts";
import { countdownFeature } from "./countdown/countdownFeature.ts";
import { digestFeature } from "./digest/digestFeature.ts";
import { evaluationFeature } from "./evaluation/evaluationFeature.ts";
import { exportFeature } from "./export/exportFeature.ts";
import type { TFeature } from "./feature.ts";
import type { TFeatureDeps } from "./featureDeps.ts";
import { measuresFeature } from "./measures/measuresFeature.ts";
import type { TMessageContext } from "./messageContext.ts";
import { notificationsFeature } from "./notifications/notificationsFeature.ts";
import { overviewFeature } from "./overview/overviewFeature.ts";
import { pagingFeature } from "./paging/pagingFeature.ts";
import { registerFeature } from "./register/registerFeature.ts";
import { reportFeature } from "./report/reportFeature.ts";
import { retentionFeature } from "./retention/retentionFeature.ts";

export const FEATURES: readonly TFeature[] = [
  reportFeature,
  pagingFeature,
  checklistFeature,
  countdownFeature,
  notificationsFeature,
  measuresFeature,
  evaluationFeature,
  retentionFeature,
  digestFeature,
  registerFeature,
  auditFeature,
  exportFeature,
  overviewFeature,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind checks its own payload with zod
type TAnyKind = TMessageKind<any, TMessageContext>;

const MESSAGE_KINDS = new Map<string, TAnyKind>(
  [noticeMessage as TAnyKind, ...FEATURES.flatMap((feature) => feature.messageKinds ?? [])].map((kind) => [kind.kind, kind]),
);

export function findMessageKind(name: string): TAnyKind | undefined {
  return MESSAGE_KINDS.get(name);
}

/** Every word after the command, the help first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command declares what it needs
export const COMMANDS: readonly TCommand<any>[] = [helpCommand, ...FEATURES.flatMap((feature) => feature.commands ?? [])];

export function findCommand(word: string): TCommand<unknown> | undefined {
  const lower = word.toLowerCase();
  return COMMANDS.find((command) => command.words.includes(lower));
}

export function createJobHandlers(deps: TFeatureDeps): TJobHandlers {
  return Object.assign({}, ...FEATURES.map((feature) => feature.jobHandlers?.(deps) ?? {}));
}

export async function seedFeatures(deps: TFeatureDeps): Promise<void> {
  for (const feature of FEATURES) {
    try {
      await feature.seed?.(deps);
    } catch (error) {
      deps.logger.error({ feature: feature.name, error: (error as Error).message }, "seeding failed");
    }
  }
}
