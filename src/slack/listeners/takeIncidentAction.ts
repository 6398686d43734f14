// The `incident_take` button, in the DPO channel or a DPO's direct message.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { takeIncident } from "../../services/incidents/takeIncident.ts";

export function takeIncidentAction(context: TBotContext) {
  return async ({
    ack,
    body,
    action,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const result = await takeIncident(context, {
      reference: action.value ?? "",
      userId: body.user.id,
      channelId: body.channel?.id ?? body.user.id,
      threadTs: body.message?.thread_ts,
    });
    context.logger.info({ reference: action.value, outcome: result.outcome }, "take incident");
    context.wakeOutbox();
  };
}
