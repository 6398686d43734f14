// The Slack listeners of the retention feature, one file each beside this one.
import type { App } from "@slack/bolt";
import { RETENTION_ACTIONS } from "../../../features/retention/retentionActions.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { retentionAnswerAction } from "./retentionAnswerAction.ts";

export function registerRetentionListeners(app: App, deps: TSlackListenerDeps): void {
  app.action(RETENTION_ACTIONS.done, retentionAnswerAction(deps, "done"));
  app.action(RETENTION_ACTIONS.snoozeDay, retentionAnswerAction(deps, "snooze_day"));
  app.action(RETENTION_ACTIONS.snoozeWeek, retentionAnswerAction(deps, "snooze_week"));
}
