// The Slack listeners of the checklist feature: the answers in the thread,
// confirming or changing the assessed level, and recording the decision.
import type { App } from "@slack/bolt";
import type { TDecision } from "../../../core/incidents/decisions.ts";
import {
  ASSESSMENT_CONFIRM_ACTION,
  ASSESSMENT_OVERRIDE_ACTION,
  CHECKLIST_ACTION_PREFIX,
  DECISION_ACTIONS,
  OVERRIDE_FORM_ID,
} from "../../../features/checklist/checklistActions.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { assessmentConfirmAction } from "./assessmentConfirmAction.ts";
import { checklistAnswerAction } from "./checklistAnswerAction.ts";
import { decisionFormAction } from "./decisionFormAction.ts";
import { decisionFormSubmission, overrideFormSubmission } from "./decisionFormSubmission.ts";

export function registerChecklistListeners(app: App, deps: TSlackListenerDeps): void {
  app.action(new RegExp(`^${CHECKLIST_ACTION_PREFIX}`), checklistAnswerAction(deps));
  app.action(ASSESSMENT_CONFIRM_ACTION, assessmentConfirmAction(deps));
  app.action(ASSESSMENT_OVERRIDE_ACTION, decisionFormAction(deps, { kind: "override" }));
  app.view(OVERRIDE_FORM_ID, overrideFormSubmission(deps));
  for (const decision of Object.keys(DECISION_ACTIONS) as TDecision[]) {
    app.action(DECISION_ACTIONS[decision], decisionFormAction(deps, { kind: "decision", decision }));
    app.view(DECISION_ACTIONS[decision], decisionFormSubmission(deps));
  }
}
