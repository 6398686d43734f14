// The Slack listeners of the notifications feature, one file each beside this one.
import type { App } from "@slack/bolt";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function registerNotificationsListeners(_app: App, _deps: TSlackListenerDeps): void {}
