// Every Slack listener is registered here: one folder per feature, one file
// per listener, and each folder's index registers its own.
import type { App } from "@slack/bolt";
import { REPORT_FORM_ID } from "../../features/report/reportForm.ts";
import { TAKE_ACTION } from "../../features/paging/pagingActions.ts";
import { registerAuditListeners } from "./audit/index.ts";
import { registerChecklistListeners } from "./checklist/index.ts";
import { registerCountdownListeners } from "./countdown/index.ts";
import { registerDigestListeners } from "./digest/index.ts";
import { registerEvaluationListeners } from "./evaluation/index.ts";
import { registerExportListeners } from "./export/index.ts";
import { registerMeasuresListeners } from "./measures/index.ts";
import { registerNotificationsListeners } from "./notifications/index.ts";
import { registerHomeListeners } from "./overview/homeListeners.ts";
import { takeIncidentAction } from "./paging/takeIncidentAction.ts";
import { registerRegisterListeners } from "./register/index.ts";
import { datalekCommand } from "./report/datalekCommand.ts";
import { reportSubmission } from "./report/reportSubmission.ts";
import { registerRetentionListeners } from "./retention/index.ts";
import type { TSlackListenerDeps } from "./slackListenerDeps.ts";

export type { TSlackListenerDeps };

export function registerListeners(app: App, deps: TSlackListenerDeps): void {
  app.command("/datalek", datalekCommand(deps));
  app.view(REPORT_FORM_ID, reportSubmission(deps));
  app.action(TAKE_ACTION, takeIncidentAction(deps));
  registerHomeListeners(app, deps);
  registerChecklistListeners(app, deps);
  registerCountdownListeners(app, deps);
  registerNotificationsListeners(app, deps);
  registerMeasuresListeners(app, deps);
  registerEvaluationListeners(app, deps);
  registerRetentionListeners(app, deps);
  registerDigestListeners(app, deps);
  registerRegisterListeners(app, deps);
  registerAuditListeners(app, deps);
  registerExportListeners(app, deps);
}
