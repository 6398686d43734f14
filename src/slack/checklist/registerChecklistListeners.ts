// The listeners of the checklist, the assessment and the decision.
import type { App } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import type { TDecision } from "../../domain/incidents/decisions.ts";
import { assessmentConfirmAction } from "./assessmentConfirmAction.ts";
import { ASSESSMENT_CONFIRM_ACTION_ID, ASSESSMENT_OVERRIDE_ACTION_ID, DECISION_ACTION_IDS } from "./assessmentMessage.ts";
import { checklistAnswerAction } from "./checklistAnswerAction.ts";
import { DECISION_CALLBACK_IDS, OVERRIDE_CALLBACK_ID } from "./decisionModals.ts";
import { decisionSubmission, overrideSubmission } from "./modalSubmissions.ts";
import { openModalAction } from "./openModalAction.ts";

export function registerChecklistListeners(app: App, context: TBotContext): void {
  app.action(/^checklist_/, checklistAnswerAction(context));
  app.action(ASSESSMENT_CONFIRM_ACTION_ID, assessmentConfirmAction(context));
  app.action(ASSESSMENT_OVERRIDE_ACTION_ID, openModalAction(context, { kind: "override" }));
  app.view(OVERRIDE_CALLBACK_ID, overrideSubmission(context));
  for (const decision of Object.keys(DECISION_ACTION_IDS) as TDecision[]) {
    app.action(DECISION_ACTION_IDS[decision], openModalAction(context, { kind: "decision", decision }));
    app.view(DECISION_CALLBACK_IDS[decision], decisionSubmission(context));
  }
}
