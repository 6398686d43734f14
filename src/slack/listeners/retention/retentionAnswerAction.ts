// "Gedaan", "Herinner me morgen" and "Herinner me volgende week" in a
// retention nudge: the answer is recorded and every nudge of the review
// shows it; anyone but the owner or a privacy officer is refused and told.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { answerRetentionReview } from "../../../features/retention/answerRetentionReview.ts";
import type { TRetentionAnswer } from "../../../features/retention/retentionMessages.ts";
import { readButtonClick } from "../measures/buttonClick.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function retentionAnswerAction(deps: TSlackListenerDeps, answer: TRetentionAnswer) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, deps.locales);
    if (!click) return;
    const result = await answerRetentionReview(deps, { reviewId: click.value, answer, actor: click.actor, where: click.where });
    deps.logger.info({ answer, outcome: result.outcome }, "retention review answered");
    deps.wakeOutbox();
  };
}
