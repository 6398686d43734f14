// "Evaluatie afgerond" in the yearly evaluation request. Without named
// management members, a click on the copy in the management channel counts
// as management's: this front end knows which channel that copy went to.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { completePolicyEvaluation } from "../../../features/evaluation/completePolicyEvaluation.ts";
import { evaluationMessageKeys } from "../../../features/evaluation/evaluationActions.ts";
import { parseSlackRef, SLACK_PLATFORM } from "../../identity.ts";
import { readButtonClick } from "../measures/buttonClick.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

async function clickedInManagementChannel(deps: TSlackListenerDeps, year: number, channelId: string | undefined) {
  if (!channelId || !Number.isInteger(year)) return false;
  const copies = await deps.database.prisma.postedMessage.findMany({
    where: { platform: SLACK_PLATFORM, key: { startsWith: evaluationMessageKeys.policyYear(year) } },
    select: { key: true, ref: true },
  });
  return copies.some(
    (copy) => evaluationMessageKeys.isManagementCopy(copy.key) && parseSlackRef(copy.ref)?.channel === channelId,
  );
}

export function policyEvaluationDoneAction(deps: TSlackListenerDeps) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, deps.locales);
    if (!click) return;
    const year = /^\d{4}$/.test(click.value) ? Number(click.value) : Number.NaN;
    const result = await completePolicyEvaluation(deps, {
      year,
      actor: click.actor,
      inManagementChannel: await clickedInManagementChannel(deps, year, click.channelId),
      where: click.where,
    });
    deps.logger.info({ year: click.value, outcome: result.outcome }, "policy evaluation done");
    deps.wakeOutbox();
  };
}
