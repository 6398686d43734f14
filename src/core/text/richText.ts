// Text as the core writes it: plain words, a few marks, people and links,
// as data rather than a markup language. Each chat front end turns it into
// its own format (Slack mrkdwn, Teams markdown) and escapes what a person
// typed, so a report text can never inject formatting or a mention.
import type { TPersonId } from "../people/person.ts";

export type TSpan =
  | string
  | { strong: string }
  | { em: string }
  | { code: string }
  | { link: string; label: string }
  /** A link to a message the bot posted under this key (its thread); left out while it is not posted. */
  | { messageLink: string; label: string }
  | { person: TPersonId }
  /** A channel by the front end's own id (only front-end messages use it), with words for elsewhere. */
  | { place: string; label: string };

/** A line of text: a string, or spans in order. */
export type TRichText = string | readonly TSpan[];

export const strong = (text: string): TSpan => ({ strong: text });
export const em = (text: string): TSpan => ({ em: text });
export const code = (text: string): TSpan => ({ code: text });
export const link = (url: string, label: string): TSpan => ({ link: url, label });
export const person = (id: TPersonId): TSpan => ({ person: id });
export const messageLink = (key: string, label: string): TSpan => ({ messageLink: key, label });

export function spansOf(text: TRichText): readonly TSpan[] {
  return typeof text === "string" ? [text] : text;
}

/** The words only, for summaries, logs and tests. */
export function plainText(text: TRichText, nameOf: (id: TPersonId) => string = (id) => id): string {
  return spansOf(text)
    .map((span) => {
      if (typeof span === "string") return span;
      if ("strong" in span) return span.strong;
      if ("em" in span) return span.em;
      if ("code" in span) return span.code;
      if ("link" in span || "messageLink" in span || "place" in span) return span.label;
      return nameOf(span.person);
    })
    .join("");
}
