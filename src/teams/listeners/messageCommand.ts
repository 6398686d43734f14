// A message to the bot (the personal chat, or a channel message that
// mentions it): "datalek" or "melden" answers with a card whose button opens
// the report dialog (Teams opens a dialog from a card, not from a message);
// "overzicht" shows the overview; any other known word runs its command
// (status, lijst, details, export, register, help); anything else gets the help.
import { COMMANDS, findCommand } from "../../features/index.ts";
import { helpMessage } from "../../features/commands/helpCommand.ts";
import { OVERVIEW_REPORT_ACTION } from "../../features/overview/overviewActions.ts";
import type { TMessage } from "../../core/messages/message.ts";
import type { TLocale } from "../../core/text/locale.ts";
import { textsFor, type TTexts } from "../../texts/index.ts";
import type { TRenderedActivity } from "../render/renderCard.ts";
import { localeOf, readIncoming } from "./incoming.ts";
import { OVERVIEW_WORDS, overviewMessage } from "./overviewMessage.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

/** The words that report a breach; the first is the command in the app package. */
export const REPORT_WORDS = ["datalek", "melden", "report"];

export function reportCard(texts: TTexts): TMessage {
  return {
    summary: texts.overview.reportButton,
    blocks: [
      { kind: "text", text: texts.teams.reportCardIntro },
      {
        kind: "controls",
        id: "report",
        controls: [
          {
            kind: "button",
            action: OVERVIEW_REPORT_ACTION,
            label: texts.overview.reportButton,
            value: "report",
            style: "primary",
          },
        ],
      },
    ],
  };
}

export function messageCommand(deps: TTeamsListenerDeps) {
  return async (activity: unknown, send: (activity: TRenderedActivity) => Promise<unknown>): Promise<void> => {
    const incoming = readIncoming(activity);
    if (!incoming) return;
    const locale: TLocale = localeOf(incoming, deps.defaultLocale);
    const texts = textsFor(locale);
    const reply = async (message: TMessage) => send(await deps.delivery.render(message, locale));
    // A mention of the bot (in a channel) is not part of the command.
    const words = incoming.text
      .replace(/<at>[^<]*<\/at>/g, " ")
      .replace(/\u0000/g, "")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    // "datalek status" reads as Slack's "/datalek status".
    if (words.length > 1 && REPORT_WORDS.includes(words[0]!.toLowerCase())) words.shift();
    const [word = "", ...rest] = words;
    const lower = word.toLowerCase();
    if (!incoming.actor) return void (await reply(helpMessage(texts, COMMANDS)));
    if (lower === "" || REPORT_WORDS.includes(lower)) return void (await reply(reportCard(texts)));
    if (OVERVIEW_WORDS.includes(lower)) return void (await reply(await overviewMessage(deps, incoming.actor, locale)));
    const found = findCommand(lower);
    if (!found) return void (await reply(helpMessage(texts, COMMANDS, words.join(" "))));
    const answer = await found.run(deps.commandDeps, {
      actor: incoming.actor,
      args: rest.join(" "),
      locale,
      texts,
      where: incoming.where,
    });
    if (answer.kind === "reply") await reply(answer.message);
    else if (answer.kind === "view")
      await reply({ summary: answer.view.title, blocks: [{ kind: "heading", text: answer.view.title }, ...answer.view.blocks] });
    else await reply(reportCard(texts));
    deps.wakeOutbox();
  };
}
