// `/datalek help` (or `hulp`), and the answer to words the bot does not know.
import type { TMessage } from "../../core/messages/message.ts";
import { code, strong } from "../../core/text/richText.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TCommand } from "./command.ts";

export function helpMessage(texts: TTexts, commands: readonly TCommand<never>[], unknownText?: string): TMessage {
  const t = texts.help;
  const lines = [t.report, ...commands.map((command) => command.usage(texts))];
  const first = unknownText === undefined ? t.title : t.unknown({ text: unknownText.slice(0, 50) });
  return {
    summary: first,
    blocks: [
      { kind: "text", text: unknownText === undefined ? [strong(first)] : first },
      ...lines.map((line) => ({ kind: "text" as const, text: ["• ", code(line.call), `: ${line.description}`] })),
      { kind: "note", text: t.explanation },
    ],
  };
}

export const helpCommand: TCommand<{ commands: () => readonly TCommand<never>[] }> = {
  words: ["help", "hulp"],
  usage: (texts) => texts.help.help,
  async run(deps, input) {
    return { kind: "reply", message: helpMessage(input.texts, deps.commands()) };
  },
};
