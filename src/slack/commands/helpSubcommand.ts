// `/datalek help` (or `hulp`).
import { renderHelp } from "../messages/helpMessage.ts";
import type { TSubcommand } from "./subcommands.ts";

export const helpSubcommand: TSubcommand = {
  words: ["help", "hulp"],
  usage: "/datalek help",
  description: { nl: "deze uitleg", en: "this explanation" },
  async run({ ack, bot }) {
    await ack({ response_type: "ephemeral", text: renderHelp(bot.locale) });
  },
};
