// The draft buttons: `draft_ap_notification` and `draft_subject_notice`.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { requestNotificationDraft, type TDraftKind } from "../../services/notifications/requestNotificationDraft.ts";

export function draftAction(context: TBotContext, draft: TDraftKind) {
  return async ({
    ack,
    body,
    action,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const result = await requestNotificationDraft(context, {
      reference: action.value ?? "",
      userId: body.user.id,
      draft,
      channelId: body.channel?.id ?? null,
      threadTs: body.message?.thread_ts ?? null,
    });
    context.logger.info({ reference: action.value, draft, outcome: result.outcome }, "notification draft");
  };
}
