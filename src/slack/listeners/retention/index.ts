// The Slack listeners of the retention feature, one file each beside this one.
import type { App } from "@slack/bolt";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function registerRetentionListeners(_app: App, _deps: TSlackListenerDeps): void {}
