// "Maatregel toevoegen" on the incident's post: a privacy officer gets the
// measure form at once (the trigger lives three seconds); anyone else is
// refused and told why, where they clicked.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { openMeasureForm } from "../../../features/measures/openMeasureForm.ts";
import { renderForm } from "../../render/renderForm.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { readButtonClick } from "./buttonClick.ts";

export function measureAddAction(deps: TSlackListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, deps.locales);
    if (!click) return;
    const result = await openMeasureForm(deps, {
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
