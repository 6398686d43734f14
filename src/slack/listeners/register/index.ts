// The register feature has no Slack listeners of its own: `/datalek
// register` is a command (src/features/register/registerCommand.ts), run by
// the /datalek listener.
import type { App } from "@slack/bolt";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function registerRegisterListeners(_app: App, _deps: TSlackListenerDeps): void {}
