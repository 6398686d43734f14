// The Slack listeners of the audit feature, one file each beside this one.
import type { App } from "@slack/bolt";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function registerAuditListeners(_app: App, _deps: TSlackListenerDeps): void {}
