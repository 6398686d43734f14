// Rich text to Adaptive Card text runs. Text runs are never read as
// markdown, so what a person typed (a report, a name) can never format,
// link or mention: marks become the run's own properties, a link a run
// that opens it, a person their name.
import { spansOf, type TRichText } from "../../core/text/richText.ts";
import type { TPersonId } from "../../core/people/person.ts";

export interface TRichTextContext {
  /** Links to posted messages, by key (see messageLink). */
  links: ReadonlyMap<string, string>;
  /** How to name a person this front end does not know by name. */
  someone: string;
  nameOf: (person: TPersonId) => string | undefined;
}

export type TTextRun = Record<string, unknown> & { type: "TextRun"; text: string };

export function textRuns(text: TRichText, context: TRichTextContext): TTextRun[] {
  const runs: TTextRun[] = [];
  for (const span of spansOf(text)) {
    if (typeof span === "string") runs.push({ type: "TextRun", text: span });
    else if ("strong" in span) runs.push({ type: "TextRun", text: span.strong, weight: "Bolder" });
    else if ("em" in span) runs.push({ type: "TextRun", text: span.em, italic: true });
    else if ("code" in span) runs.push({ type: "TextRun", text: span.code, fontType: "Monospace" });
    else if ("link" in span)
      runs.push({ type: "TextRun", text: span.label, selectAction: { type: "Action.OpenUrl", url: span.link } });
    else if ("messageLink" in span) {
      const url = context.links.get(span.messageLink);
      if (url) runs.push({ type: "TextRun", text: span.label, selectAction: { type: "Action.OpenUrl", url } });
    } else if ("place" in span) runs.push({ type: "TextRun", text: span.label });
    else runs.push({ type: "TextRun", text: context.nameOf(span.person) ?? context.someone, weight: "Bolder" });
  }
  return runs.filter((run) => run.text.length > 0);
}

/** The words of a rich text, for places that take plain text only (a fact, a title). */
export function runsText(runs: readonly TTextRun[]): string {
  return runs.map((run) => run.text).join("");
}
