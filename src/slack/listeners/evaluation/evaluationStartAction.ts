// "Evaluatie invullen" in the evaluation request: a privacy officer gets
// the evaluation form at once; anyone else is refused and told why.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { openEvaluationForm } from "../../../features/evaluation/openEvaluationForm.ts";
import { renderForm } from "../../render/renderForm.ts";
import { readButtonClick } from "../measures/buttonClick.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function evaluationStartAction(deps: TSlackListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, deps.locales);
    if (!click) return;
    const result = await openEvaluationForm(deps, {
      reference: click.value,
      actor: click.actor,
      where: click.where,
      texts: click.texts,
    });
    if (result.outcome === "form")
      await client.views.open({ trigger_id: click.triggerId, view: renderForm(result.form, click.render) });
    else deps.wakeOutbox();
  };
}
