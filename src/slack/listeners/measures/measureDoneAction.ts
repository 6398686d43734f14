// "Afgerond" in the owner's message about a measure: recorded for its owner
// or a privacy officer; anyone else is refused and told why.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { completeCorrectiveMeasure } from "../../../features/measures/completeCorrectiveMeasure.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { readButtonClick } from "./buttonClick.ts";

export function measureDoneAction(deps: TSlackListenerDeps) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, deps.locales);
    if (!click) return;
    const result = await completeCorrectiveMeasure(deps, { measureId: click.value, actor: click.actor, where: click.where });
    deps.logger.info({ outcome: result.outcome }, "measure done");
    deps.wakeOutbox();
  };
}
