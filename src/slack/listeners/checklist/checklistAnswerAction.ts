// Any answer element of the checklist (`checklist_<question id>...`): a
// button, a select, a number (Enter, or the save button beside it). The
// incident is found by the thread; the answer is checked and recorded by
// answerChecklistQuestion.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import { answerChecklistQuestion, type TAnswerChecklistDeps } from "../../../features/checklist/answerChecklistQuestion.ts";
import { checklistActionId } from "../../../features/checklist/checklistActions.ts";
import { questionIdFromActionId } from "../../../features/checklist/checklistAnswers.ts";
import { answerStaleChecklistClick } from "../../../features/checklist/noticeNotFound.ts";
import { questionById } from "../../../features/checklist/questions.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { readChecklistClick } from "./checklistClicks.ts";
import { findThreadIncident } from "./findThreadIncident.ts";

export interface TChecklistAnswerActionDeps extends TAnswerChecklistDeps {
  locales: SlackLocales;
  logger: Logger;
  wakeOutbox: () => void;
}

const ZStateValues = z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }).loose()));

/** The typed number, wherever its input block sits in the message's state. */
function numberFromState(stateValues: unknown, actionId: string): string | undefined {
  const parsed = ZStateValues.safeParse(stateValues ?? {});
  if (!parsed.success) return undefined;
  for (const block of Object.values(parsed.data)) {
    const value = block[actionId]?.value;
    if (value !== undefined && value !== null && value.trim() !== "") return value;
  }
  return undefined;
}

export function checklistAnswerAction(deps: TChecklistAnswerActionDeps) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readChecklistClick(body, deps.locales);
    const questionId = click ? questionIdFromActionId(click.action.action_id) : undefined;
    if (!click || !questionId) return;
    const incidentId = await findThreadIncident(deps.database, click);
    if (!incidentId) {
      deps.logger.warn({ actionId: click.action.action_id }, "checklist action outside an incident thread");
      await answerStaleChecklistClick(deps, { actor: click.actor, where: click.where });
      deps.wakeOutbox();
      return;
    }
    const { action } = click;
    const kind = questionById(questionId).kind;
    let rawValue: unknown;
    let confirmCurrent = false;
    if (action.selected_options) rawValue = action.selected_options.map((option) => option.value);
    else if (action.selected_option) rawValue = action.selected_option.value;
    else if (action.type === "button" && kind === "several") confirmCurrent = true;
    else if (action.type === "button" && kind === "number") {
      // The save button: the typed number, or the prefilled one confirmed.
      rawValue = numberFromState(click.stateValues, checklistActionId(questionId));
      confirmCurrent = rawValue === undefined;
    } else rawValue = action.value ?? undefined;
    const result = await answerChecklistQuestion(deps, {
      incidentId,
      questionId,
      rawValue,
      confirmCurrent,
      actor: click.actor,
      where: click.where,
    });
    deps.logger.info({ questionId, outcome: result.outcome }, "checklist answer");
    deps.wakeOutbox();
  };
}
