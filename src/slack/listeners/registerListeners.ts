// Every Slack listener is registered here, one file per listener.
import type { App } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { registerChecklistListeners } from "../checklist/registerChecklistListeners.ts";
import { registerCountdownListeners } from "../countdown/registerCountdownListeners.ts";
import { registerDutyListeners } from "../duties/registerDutyListeners.ts";
import { TAKE_ACTION_ID } from "../messages/channelPost.ts";
import { REPORT_CALLBACK_ID } from "../views/reportModal.ts";
import { registerHomeListeners } from "../home/homeListeners.ts";
import { DETAILS_ACTION_ID } from "../messages/channelPost.ts";
import { incidentDetailsAction } from "../security/incidentDetailsAction.ts";
import { datalekCommand } from "./datalekCommand.ts";
import { reportSubmission } from "./reportSubmission.ts";
import { takeIncidentAction } from "./takeIncidentAction.ts";

export function registerListeners(app: App, context: TBotContext): void {
  app.command("/datalek", datalekCommand(context));
  app.view(REPORT_CALLBACK_ID, reportSubmission(context));
  app.action(TAKE_ACTION_ID, takeIncidentAction(context));
  app.action(DETAILS_ACTION_ID, incidentDetailsAction(context));
  registerChecklistListeners(app, context);
  registerCountdownListeners(app, context);
  registerHomeListeners(app, context);
  registerDutyListeners(app, context);
}
