// `/datalek`: with no text, opens the report modal at once (ack and
// views.open before anything else: the trigger_id dies after 3 seconds).
// `help` and anything unknown get the help as an ephemeral answer.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { renderHelp } from "../messages/helpMessage.ts";
import { buildReportModal } from "../views/reportModal.ts";

export function datalekCommand(context: TBotContext) {
  return async ({ ack, command, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = (command.text ?? "").trim();
    const word = text.split(/\s+/)[0]?.toLowerCase() ?? "";
    if (word === "") {
      await ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: buildReportModal(context.register, context.locale, context.clock.now()),
      });
      return;
    }
    if (word === "help" || word === "hulp") {
      await ack({ response_type: "ephemeral", text: renderHelp(context.locale) });
      return;
    }
    await ack({ response_type: "ephemeral", text: renderHelp(context.locale, text.slice(0, 50)) });
  };
}
