// The digest feature has no Slack listeners: the weekly digest is a message
// without buttons.
import type { App } from "@slack/bolt";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function registerDigestListeners(_app: App, _deps: TSlackListenerDeps): void {}
