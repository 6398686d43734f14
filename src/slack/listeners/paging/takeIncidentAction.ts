// The `incident_take` button, in the DPO channel, a privacy officer's direct
// message or the Home tab.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import { takeIncident, type TTakeIncidentDeps } from "../../../features/paging/takeIncident.ts";
import { slackPerson, slackWhere } from "../../identity.ts";

export interface TTakeIncidentActionDeps extends TTakeIncidentDeps {
  logger: Logger;
  wakeOutbox: () => void;
}

const ZTakeClick = z.object({
  user: z.object({ id: z.string().min(1) }),
  actions: z.array(z.object({ value: z.string().max(40).catch("") })).min(1),
  channel: z.object({ id: z.string() }).optional().catch(undefined),
  message: z.object({ ts: z.string().optional(), thread_ts: z.string().optional() }).loose().optional().catch(undefined),
});

export function takeIncidentAction(deps: TTakeIncidentActionDeps) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = ZTakeClick.safeParse(body);
    if (!click.success) return;
    const { user, actions, channel, message } = click.data;
    const result = await takeIncident(deps, {
      reference: actions[0]!.value,
      actor: slackPerson(user.id),
      where: slackWhere(channel?.id, message?.thread_ts),
    });
    deps.logger.info({ reference: actions[0]!.value, outcome: result.outcome }, "take incident");
    deps.wakeOutbox();
  };
}
