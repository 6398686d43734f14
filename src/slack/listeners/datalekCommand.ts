// `/datalek`: with no text, opens the report modal at once (ack and
// views.open before anything else: the trigger_id dies after 3 seconds).
// A known word runs its subcommand; anything else gets the help.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { findSubcommand } from "../commands/subcommands.ts";
import { renderHelp } from "../messages/helpMessage.ts";
import { cachedLocaleFor } from "../i18n/localeFor.ts";
import { buildReportModal } from "../views/reportModal.ts";

export function datalekCommand(context: TBotContext) {
  return async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { ack, command, client } = args;
    const text = (command.text ?? "").trim();
    const [word = "", ...rest] = text.split(/\s+/);
    // The user's own language when known; never wait for Slack on this path.
    const locale = cachedLocaleFor(context, command.user_id);
    if (word === "") {
      await ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: buildReportModal(context.register, locale, context.clock.now()),
      });
      return;
    }
    const subcommand = findSubcommand(word.toLowerCase());
    if (subcommand) {
      await subcommand.run({ ...args, bot: context, rest: rest.join(" ") });
      return;
    }
    await ack({ response_type: "ephemeral", text: renderHelp(locale, text.slice(0, 50)) });
  };
}
