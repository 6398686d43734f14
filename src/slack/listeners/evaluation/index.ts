// The Slack listeners of the evaluation feature, one file each beside this one.
import type { App } from "@slack/bolt";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function registerEvaluationListeners(_app: App, _deps: TSlackListenerDeps): void {}
