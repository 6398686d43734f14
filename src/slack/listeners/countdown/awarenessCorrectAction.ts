// The `awareness_correct` button on the incident's post: opens the form to
// correct the moment of awareness, for a privacy officer; anyone else is
// refused where they clicked (a notice through the outbox).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import { awarenessForm } from "../../../features/countdown/awarenessForm.ts";
import { openAwarenessCorrection, type TOpenAwarenessDeps } from "../../../features/countdown/openAwarenessCorrection.ts";
import { textsFor } from "../../../texts/index.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { openForm, readIncidentClick } from "./incidentButton.ts";

export interface TAwarenessCorrectActionDeps extends TOpenAwarenessDeps {
  zone: string;
  logger: Logger;
  locales: SlackLocales;
  wakeOutbox: () => void;
}

export function awarenessCorrectAction(deps: TAwarenessCorrectActionDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readIncidentClick(body);
    if (!click) return;
    const result = await openAwarenessCorrection(deps, click.input);
    deps.logger.info({ reference: click.reference, outcome: result.outcome }, "awareness correction");
    if (result.outcome !== "open") {
      deps.wakeOutbox();
      return;
    }
    // The trigger lives three seconds: the language is the one known now, never waited for.
    const locale = deps.locales.cached(click.userId);
    const texts = textsFor(locale);
    await openForm(
      client,
      click.triggerId,
      awarenessForm(result.incident, texts, { zone: deps.zone, locale }),
      texts,
      deps.logger,
    );
  };
}
