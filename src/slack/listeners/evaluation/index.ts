// The Slack listeners of the evaluation feature, one file each beside this one.
import type { App } from "@slack/bolt";
import {
  EVALUATION_FORM_ID,
  EVALUATION_START_ACTION,
  POLICY_EVALUATION_DONE_ACTION,
} from "../../../features/evaluation/evaluationActions.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { evaluationStartAction } from "./evaluationStartAction.ts";
import { evaluationSubmission } from "./evaluationSubmission.ts";
import { policyEvaluationDoneAction } from "./policyEvaluationDoneAction.ts";

export function registerEvaluationListeners(app: App, deps: TSlackListenerDeps): void {
  app.action(EVALUATION_START_ACTION, evaluationStartAction(deps));
  app.view(EVALUATION_FORM_ID, evaluationSubmission(deps));
  app.action(POLICY_EVALUATION_DONE_ACTION, policyEvaluationDoneAction(deps));
}
