// "Afsluiten" on the incident's post: the close form at once when closing
// may go ahead; otherwise the reason (no decision, no AP reference, open
// measures, already closed, not a privacy officer), told where they clicked.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { openCloseForm } from "../../../features/measures/openCloseForm.ts";
import { renderForm } from "../../render/renderForm.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { readButtonClick } from "./buttonClick.ts";

export function incidentCloseAction(deps: TSlackListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, deps.locales);
    if (!click) return;
    const result = await openCloseForm(deps, {
      reference: click.value,
      actor: click.actor,
      where: click.where,
      texts: click.texts,
      locale: click.locale,
    });
    if (result.outcome === "form")
      await client.views.open({ trigger_id: click.triggerId, view: renderForm(result.form, click.render) });
    else deps.wakeOutbox();
  };
}
