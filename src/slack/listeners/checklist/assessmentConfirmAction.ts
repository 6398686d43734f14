// The `assessment_confirm` button under the assessment; its value is the reference.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import { confirmAssessment, type TConfirmAssessmentDeps } from "../../../features/checklist/confirmAssessment.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { readChecklistClick } from "./checklistClicks.ts";

export interface TAssessmentConfirmActionDeps extends TConfirmAssessmentDeps {
  locales: SlackLocales;
  logger: Logger;
  wakeOutbox: () => void;
}

export function assessmentConfirmAction(deps: TAssessmentConfirmActionDeps) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readChecklistClick(body, deps.locales);
    if (!click) return;
    const reference = click.action.value ?? "";
    const result = await confirmAssessment(deps, { reference, actor: click.actor, where: click.where });
    deps.logger.info({ reference, outcome: result.outcome }, "confirm assessment");
    deps.wakeOutbox();
  };
}
