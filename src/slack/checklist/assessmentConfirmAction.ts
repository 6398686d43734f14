// The `assessment_confirm` button under the assessment.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { confirmAssessment } from "../../services/checklist/confirmAssessment.ts";

export function assessmentConfirmAction(context: TBotContext) {
  return async ({
    ack,
    body,
    action,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const result = await confirmAssessment(context, {
      reference: action.value ?? "",
      userId: body.user.id,
      channelId: body.channel?.id,
    });
    context.logger.info({ reference: action.value, outcome: result.outcome }, "confirm assessment");
    context.wakeOutbox();
  };
}
