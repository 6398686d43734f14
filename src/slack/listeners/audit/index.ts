// The Slack listeners of the audit feature, one file each beside this one.
import type { App } from "@slack/bolt";
import { DETAILS_ACTION } from "../../../features/audit/auditActions.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { incidentDetailsAction } from "./incidentDetailsAction.ts";

export function registerAuditListeners(app: App, deps: TSlackListenerDeps): void {
  app.action(DETAILS_ACTION, incidentDetailsAction(deps));
}
