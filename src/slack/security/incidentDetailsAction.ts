// The `incident_details` button (value = the incident reference) on the
// channel post: opens the details modal at the viewer's access level, or
// refuses (ephemeral notice via the outbox, audit entry).
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { openIncidentDetails } from "../../services/audit/openIncidentDetails.ts";
import { renderContextOf, ZReference } from "./detailsInput.ts";
import { buildIncidentDetailsModal } from "./incidentDetailsModal.ts";

export function incidentDetailsAction(context: TBotContext) {
  return async ({
    ack,
    body,
    action,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reference = ZReference.safeParse(action.value);
    if (!reference.success) {
      context.logger.warn({ value: String(action.value).slice(0, 40) }, "details button with a malformed reference ignored");
      return;
    }
    const result = await openIncidentDetails(context, {
      reference: reference.data,
      userId: body.user.id,
      channelId: body.channel?.id ?? body.user.id,
      threadTs: body.message?.thread_ts ?? null,
      via: "button",
    });
    context.logger.info({ reference: reference.data, outcome: result.outcome }, "incident details");
    if (result.outcome === "shown") {
      await client.views.open({ trigger_id: body.trigger_id, view: buildIncidentDetailsModal(result, renderContextOf(context)) });
    } else {
      context.wakeOutbox();
    }
  };
}
