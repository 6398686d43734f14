// The DPO-only buttons that open a modal: awareness correction, AP
// follow-up, and recording the notice to the people concerned. Opening
// comes first after the ack: the trigger_id lives three seconds.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { TBotContext } from "../../app/botContext.ts";
import { findIncidentForDpoAction } from "../../services/notifications/findIncidentForDpoAction.ts";
import type { Incident } from "../../storage/generated/client.ts";

export function openModalAction(context: TBotContext, action: string, buildModal: (incident: Incident) => ModalView) {
  return async ({
    ack,
    body,
    action: button,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const found = await findIncidentForDpoAction(context, {
      reference: button.value ?? "",
      userId: body.user.id,
      action,
      channelId: body.channel?.id ?? null,
      threadTs: body.message?.thread_ts ?? null,
    });
    context.logger.info({ reference: button.value, action, outcome: found.outcome }, "countdown action");
    if (found.outcome !== "allowed") return;
    await client.views.open({ trigger_id: body.trigger_id, view: buildModal(found.incident) });
  };
}
