// The Slack listeners of the measures feature, one file each beside this one.
import type { App } from "@slack/bolt";
import {
  CLOSE_FORM_ID,
  INCIDENT_CLOSE_ACTION,
  MEASURE_ADD_ACTION,
  MEASURE_DONE_ACTION,
  MEASURE_FORM_ID,
} from "../../../features/measures/measuresActions.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { incidentCloseAction } from "./incidentCloseAction.ts";
import { incidentCloseSubmission } from "./incidentCloseSubmission.ts";
import { measureAddAction } from "./measureAddAction.ts";
import { measureAddSubmission } from "./measureAddSubmission.ts";
import { measureDoneAction } from "./measureDoneAction.ts";

export function registerMeasuresListeners(app: App, deps: TSlackListenerDeps): void {
  app.action(MEASURE_ADD_ACTION, measureAddAction(deps));
  app.view(MEASURE_FORM_ID, measureAddSubmission(deps));
  app.action(MEASURE_DONE_ACTION, measureDoneAction(deps));
  app.action(INCIDENT_CLOSE_ACTION, incidentCloseAction(deps));
  app.view(CLOSE_FORM_ID, incidentCloseSubmission(deps));
}
