// The Slack listeners of the countdown feature, one file each beside this one.
import type { App } from "@slack/bolt";
import { AWARENESS_CORRECT_ACTION, AWARENESS_FORM_ID } from "../../../features/countdown/countdownActions.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { awarenessCorrectAction } from "./awarenessCorrectAction.ts";
import { awarenessCorrectionSubmission } from "./awarenessCorrectionSubmission.ts";

export function registerCountdownListeners(app: App, deps: TSlackListenerDeps): void {
  app.action(AWARENESS_CORRECT_ACTION, awarenessCorrectAction(deps));
  app.view(AWARENESS_FORM_ID, awarenessCorrectionSubmission(deps));
}
