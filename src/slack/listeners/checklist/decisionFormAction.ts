// The buttons that open a form: change the assessed level, record a
// decision. The trigger lives three seconds, so the form is opened here,
// right after the check; a refusal is recorded and answered where they
// clicked instead.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import {
  openDecisionForm,
  type TDecisionFormKind,
  type TOpenDecisionFormDeps,
} from "../../../features/checklist/openDecisionForm.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { renderForm } from "../../render/renderForm.ts";
import { readChecklistClick } from "./checklistClicks.ts";

export interface TDecisionFormActionDeps extends TOpenDecisionFormDeps {
  locales: SlackLocales;
  logger: Logger;
  wakeOutbox: () => void;
}

export function decisionFormAction(deps: TDecisionFormActionDeps, which: TDecisionFormKind) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readChecklistClick(body, deps.locales);
    if (!click) return;
    const reference = click.action.value ?? "";
    const result = await openDecisionForm(deps, { reference, which, actor: click.actor, where: click.where, texts: click.texts });
    if (result.outcome === "form") {
      await client.views.open({ trigger_id: click.triggerId, view: renderForm(result.form, click.render) });
      return;
    }
    deps.logger.info({ reference, form: which.kind, outcome: result.outcome }, "decision form refused");
    deps.wakeOutbox();
  };
}
