// Any answer element in the checklist (`checklist_<question id>...`): a
// button, a select, the number (Enter, or the small save button).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import type { TBotContext } from "../../app/botContext.ts";
import { questionById } from "../../assessment/questions.ts";
import { questionIdFromActionId } from "../../domain/checklist/checklistAnswers.ts";
import { answerChecklistQuestion } from "../../services/checklist/answerChecklistQuestion.ts";
import { findChecklistIncident } from "../../services/checklist/findChecklistIncident.ts";
import { CHECKLIST_ACTION_PREFIX } from "./checklistMessage.ts";

const ZOption = z.object({ value: z.string() });
const ZChecklistAction = z.object({
  action_id: z.string(),
  type: z.string(),
  value: z.string().nullish(),
  selected_option: ZOption.nullish(),
  selected_options: z.array(ZOption).nullish(),
});
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

export function checklistAnswerAction(context: TBotContext) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = ZChecklistAction.safeParse(action);
    const questionId = parsed.success ? questionIdFromActionId(parsed.data.action_id) : undefined;
    if (!parsed.success || !questionId) {
      context.logger.warn({ actionId: (action as { action_id?: string }).action_id }, "unknown checklist action");
      return;
    }
    const element = parsed.data;
    const container = (body.container ?? {}) as { message_ts?: string; thread_ts?: string };
    const incident = await findChecklistIncident(context, {
      channelId: body.channel?.id,
      threadTs: body.message?.thread_ts ?? container.thread_ts,
      messageTs: body.message?.ts ?? container.message_ts,
    });
    if (!incident) {
      context.logger.warn({ actionId: element.action_id }, "checklist action outside an incident thread");
      return;
    }
    const kind = questionById(questionId).kind;
    let rawValue: unknown;
    let confirmCurrent = false;
    if (element.selected_options) rawValue = element.selected_options.map((option) => option.value);
    else if (element.selected_option) rawValue = element.selected_option.value;
    else if (element.type === "button" && kind === "several") confirmCurrent = true;
    else if (element.type === "button" && kind === "number") {
      // The save button: the typed number, or the prefilled one confirmed.
      rawValue = numberFromState(body.state?.values, `${CHECKLIST_ACTION_PREFIX}${questionId}`);
      confirmCurrent = rawValue === undefined;
    } else rawValue = element.value ?? undefined;
    const result = await answerChecklistQuestion(context, {
      incidentId: incident.id,
      questionId,
      rawValue,
      confirmCurrent,
      userId: body.user.id,
      channelId: body.channel?.id,
    });
    context.logger.info({ reference: incident.reference, questionId, outcome: result.outcome }, "checklist answer");
    context.wakeOutbox();
  };
}
