// The words that may follow `/datalek`, one file per subcommand. Adding a
// subcommand: write src/slack/commands/<name>Subcommand.ts exporting a
// TSubcommand and add it to SUBCOMMANDS; the help lists it automatically.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { TText } from "../../assessment/questions.ts";
import type { TBotContext } from "../../app/botContext.ts";
import { exportSubcommand } from "./exportSubcommand.ts";
import { detailsSubcommand } from "./detailsSubcommand.ts";
import { helpSubcommand } from "./helpSubcommand.ts";
import { registerSubcommand } from "./registerSubcommand.ts";
import { listSubcommand } from "./listSubcommand.ts";
import { statusSubcommand } from "./statusSubcommand.ts";

export type TSubcommandArgs = SlackCommandMiddlewareArgs &
  AllMiddlewareArgs & {
    /** The bot's own context (Bolt's `context` is something else). */
    bot: TBotContext;
    /** The text after the subcommand word, trimmed. */
    rest: string;
  };

export interface TSubcommand {
  /** The words that call it, Dutch and English (e.g. ["lijst", "list"]). */
  words: string[];
  /** One line for the help: usage and what it does. */
  usage: string;
  description: TText;
  /** Must ack() within 3 seconds, ephemerally where it answers. */
  run(args: TSubcommandArgs): Promise<void>;
}

export const SUBCOMMANDS: TSubcommand[] = [
  helpSubcommand,
  statusSubcommand,
  listSubcommand,
  exportSubcommand,
  registerSubcommand,
  detailsSubcommand,
];

export function findSubcommand(word: string): TSubcommand | undefined {
  return SUBCOMMANDS.find((subcommand) => subcommand.words.includes(word));
}
