// Every Slack listener is registered here, one file per listener.
import type { App } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { TAKE_ACTION_ID } from "../messages/channelPost.ts";
import { REPORT_CALLBACK_ID } from "../views/reportModal.ts";
import { datalekCommand } from "./datalekCommand.ts";
import { reportSubmission } from "./reportSubmission.ts";
import { takeIncidentAction } from "./takeIncidentAction.ts";

export function registerListeners(app: App, context: TBotContext): void {
  app.command("/datalek", datalekCommand(context));
  app.view(REPORT_CALLBACK_ID, reportSubmission(context));
  app.action(TAKE_ACTION_ID, takeIncidentAction(context));
}
