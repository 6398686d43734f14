// The Slack listeners of the register feature, one file each beside this one.
import type { App } from "@slack/bolt";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function registerRegisterListeners(_app: App, _deps: TSlackListenerDeps): void {}
