// The `incident_details` button on the incident's post ("Details bekijken",
// value = the reference): opens the details window at the viewer's access
// level, or refuses where they clicked (a notice through the outbox).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import { commandContext } from "../../../features/audit/commandContext.ts";
import { incidentDetailsView } from "../../../features/audit/incidentDetailsView.ts";
import { openIncidentDetails } from "../../../features/audit/openIncidentDetails.ts";
import { readReference } from "../../../features/audit/readReference.ts";
import type { TFeatureDeps } from "../../../features/featureDeps.ts";
import { textsFor } from "../../../texts/index.ts";
import { slackPerson, slackWhere } from "../../identity.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { renderFormDone } from "../../render/renderForm.ts";

export interface TIncidentDetailsActionDeps extends Pick<
  TFeatureDeps,
  "database" | "clock" | "roles" | "messaging" | "register" | "organisation"
> {
  logger: Logger;
  locales: SlackLocales;
  wakeOutbox: () => void;
}

const ZDetailsClick = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().catch(""),
  actions: z.array(z.object({ value: z.string().max(40).catch("") })).min(1),
  channel: z.object({ id: z.string() }).optional().catch(undefined),
  message: z.object({ ts: z.string().optional(), thread_ts: z.string().optional() }).loose().optional().catch(undefined),
});

export function incidentDetailsAction(deps: TIncidentDetailsActionDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = ZDetailsClick.safeParse(body);
    if (!click.success) return;
    const { user, trigger_id: triggerId, actions, channel, message } = click.data;
    const reference = readReference(actions[0]!.value);
    if (!reference) {
      deps.logger.warn({ value: actions[0]!.value.slice(0, 40) }, "details button with a malformed reference ignored");
      return;
    }
    const result = await openIncidentDetails(deps, {
      reference,
      actor: slackPerson(user.id),
      via: "button",
      answerRefusalAt: { where: slackWhere(channel?.id, message?.thread_ts) },
    });
    deps.logger.info({ reference, outcome: result.outcome }, "incident details");
    if (result.outcome !== "shown") {
      deps.wakeOutbox();
      return;
    }
    // The trigger lives three seconds: the language is the one known now, never waited for.
    const locale = deps.locales.cached(user.id);
    const texts = textsFor(locale);
    const view = incidentDetailsView(result, commandContext(deps, { locale, texts }));
    await client.views.open({
      trigger_id: triggerId,
      view: renderFormDone(view, { links: new Map(), someone: texts.common.someone }),
    });
  };
}
