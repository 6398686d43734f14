// `/datalek`: with no text, opens the report form at once (acknowledged and
// opened before anything else: the trigger_id dies after 3 seconds). A
// known word runs its command; anything else gets the help.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import type { Clock } from "../../../core/time/clock.ts";
import { COMMANDS, findCommand } from "../../../features/index.ts";
import { helpMessage } from "../../../features/commands/helpCommand.ts";
import type { TRegister } from "../../../features/register/loadRegister.ts";
import { reportForm } from "../../../features/report/reportForm.ts";
import { textsFor } from "../../../texts/index.ts";
import { slackPerson, slackWhere } from "../../identity.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { answerCommand } from "../../render/answerCommand.ts";
import { renderForm } from "../../render/renderForm.ts";
import { renderMessage } from "../../render/renderMessage.ts";

export interface TDatalekCommandDeps {
  clock: Clock;
  register: TRegister;
  locales: SlackLocales;
  /** What the commands need; each command declares its part. */
  commandDeps: unknown;
}

/** What Slack sends for a slash command; a field of the wrong type reads as absent. */
const ZCommand = z.object({
  user_id: z.string().min(1),
  trigger_id: z.string().catch(""),
  channel_id: z.string().optional().catch(undefined),
  text: z.string().catch(""),
});

export function datalekCommand(deps: TDatalekCommandDeps) {
  return async ({ ack, command, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = ZCommand.safeParse(command);
    if (!parsed.success) {
      await ack();
      return;
    }
    const { user_id: userId, trigger_id: triggerId, channel_id: channelId, text } = parsed.data;
    // The person's own language when known; the acknowledgement never waits on Slack for it.
    const locale = deps.locales.cached(userId);
    const texts = textsFor(locale);
    const render = { links: new Map<string, string>(), someone: texts.common.someone };
    const [word = "", ...rest] = text
      .replace(/\u0000/g, "")
      .trim()
      .split(/\s+/);
    if (word === "") {
      await ack();
      await client.views.open({
        trigger_id: triggerId,
        view: renderForm(reportForm(deps.register, texts, deps.clock.now()), render),
      });
      return;
    }
    const found = findCommand(word);
    if (!found) {
      const help = renderMessage(helpMessage(texts, COMMANDS, text.trim()), render);
      await ack({ response_type: "ephemeral", text: help.text, blocks: help.blocks });
      return;
    }
    const answer = await found.run(deps.commandDeps, {
      actor: slackPerson(userId),
      args: rest.join(" "),
      locale,
      texts,
      where: slackWhere(channelId),
    });
    await answerCommand(answer, { ack, client, triggerId }, render);
  };
}
