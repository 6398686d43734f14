// Rich text to Slack's mrkdwn. Only &, < and > need escaping in Slack
// (docs.slack.dev, "Formatting text for app surfaces"); a person becomes a
// mention, a link Slack's <url|label> form. A person of another platform is
// named in words.
import { spansOf, type TRichText } from "../../core/text/richText.ts";
import { slackUserOf } from "../identity.ts";

export interface TMrkdwnContext {
  /** Links to posted messages, by key (see messageLink). */
  links: ReadonlyMap<string, string>;
  /** How to name a person this workspace does not know. */
  someone: string;
}

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Words to wrap in a mark: Slack's marks do not span line breaks or leading spaces, so each line is wrapped. */
function mark(text: string, symbol: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() ? `${symbol}${escapeMrkdwn(line.trim())}${symbol}` : line))
    .join("\n");
}

export function toMrkdwn(text: TRichText, context: TMrkdwnContext): string {
  return spansOf(text)
    .map((span) => {
      if (typeof span === "string") return escapeMrkdwn(span);
      if ("strong" in span) return mark(span.strong, "*");
      if ("em" in span) return mark(span.em, "_");
      if ("code" in span) return `\`${escapeMrkdwn(span.code.replace(/`/g, "'"))}\``;
      if ("link" in span) return `<${span.link}|${escapeMrkdwn(span.label).replace(/\|/g, "/")}>`;
      if ("messageLink" in span) {
        const url = context.links.get(span.messageLink);
        return url ? `<${url}|${escapeMrkdwn(span.label).replace(/\|/g, "/")}>` : "";
      }
      if ("place" in span) return /^[CGD][A-Z0-9]+$/.test(span.place) ? `<#${span.place}>` : escapeMrkdwn(span.label);
      const user = slackUserOf(span.person);
      return user ? `<@${user}>` : escapeMrkdwn(context.someone);
    })
    .join("");
}

/** The keys of posted messages a text links to, to look them up before rendering. */
export function linkedKeys(texts: readonly TRichText[]): string[] {
  const keys = new Set<string>();
  for (const text of texts)
    for (const span of spansOf(text)) if (typeof span !== "string" && "messageLink" in span) keys.add(span.messageLink);
  return [...keys];
}
