// A neutral message to an Adaptive Card 1.5, cut to Teams' limits in one
// place (teamsLimits.ts): at most six buttons side by side, choices and
// titles cut, and the whole activity under the size Teams accepts (long
// texts are shortened first, then the last blocks give way to a note).
// Text is rendered as text runs, never as markdown, so what a person wrote
// can never format, link or mention. Buttons are Universal Actions
// (Action.Execute, verb = the action id); a button that opens a form is an
// Action.Submit that asks for a dialog (task/fetch).
import type { TBlock, TControl, TMessage } from "../../core/messages/message.ts";
import { plainText, type TRichText } from "../../core/text/richText.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "./cardTypes.ts";
import { runsText, textRuns, type TRichTextContext } from "./richText.ts";
import { activityBytes, cut, TEAMS_LIMITS as L } from "./teamsLimits.ts";

export type TCardElement = Record<string, unknown>;
export type TCard = Record<string, unknown> & { type: "AdaptiveCard"; version: string; body: TCardElement[] };

export interface TCardContext extends TRichTextContext {
  /** Actions whose button opens a form: they ask Teams for a dialog instead of running at once. */
  opensDialog: (action: string) => boolean;
  /** The label of the button beside a choice or a number in a message. */
  saveLabel: string;
  /** What stands where blocks were left out to keep the message within Teams' size. */
  shortened: string;
}

export interface TRenderedActivity {
  type: "message";
  summary: string;
  attachments: { contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: TCard }[];
}

/** What a button or a save carries back in `action.data` (Universal Actions) or the dialog request. */
export interface TActionData {
  action: string;
  value?: string;
}

function buttonAction(control: Extract<TControl, { kind: "button" }>, context: TCardContext): TCardElement {
  const title = cut(control.selected ? `✓ ${control.label}` : control.label, L.buttonTitle);
  const style =
    control.style === "danger" ? "destructive" : control.style === "primary" || control.selected ? "positive" : undefined;
  if (control.url) return { type: "Action.OpenUrl", title, url: control.url };
  const data: TActionData = { action: control.action, value: control.value };
  if (context.opensDialog(control.action))
    return { type: "Action.Submit", title, ...(style ? { style } : {}), data: { ...data, msteams: { type: "task/fetch" } } };
  // The card's inputs go along (a number typed beside its save button).
  return { type: "Action.Execute", title, verb: control.action, ...(style ? { style } : {}), data, associatedInputs: "auto" };
}

/** Buttons in rows of at most six (Teams shows no more side by side). */
function actionSets(actions: TCardElement[], separator: boolean): TCardElement[] {
  const sets: TCardElement[] = [];
  for (let start = 0; start < actions.length; start += L.actionsPerSet)
    sets.push({
      type: "ActionSet",
      actions: actions.slice(start, start + L.actionsPerSet),
      ...(separator && start === 0 ? { separator: true } : {}),
    });
  return sets;
}

function saveButton(action: string, context: TCardContext): TCardElement {
  const data: TActionData = { action };
  return { type: "Action.Execute", title: cut(context.saveLabel, L.buttonTitle), verb: action, data, associatedInputs: "auto" };
}

function controlElements(block: Extract<TBlock, { kind: "controls" }>, context: TCardContext): TCardElement[] {
  const elements: TCardElement[] = [];
  const buttons: TCardElement[] = [];
  // A number or a choice needs a button to send it; the block may bring its own.
  const hasButton = block.controls.some((control) => control.kind === "button");
  for (const control of block.controls) {
    switch (control.kind) {
      case "button":
        buttons.push(buttonAction(control, context));
        break;
      case "select": {
        const choices = control.options.slice(0, L.choices).map((option) => ({ title: option.label, value: option.value }));
        elements.push({
          type: "Input.ChoiceSet",
          id: control.action,
          style: "compact",
          placeholder: control.placeholder,
          choices,
          ...(control.multiple ? { isMultiSelect: true } : {}),
          ...(control.selected?.length ? { value: control.selected.join(",") } : {}),
        });
        elements.push(...actionSets([saveButton(control.action, context)], false));
        break;
      }
      case "number":
        elements.push({
          type: "Input.Number",
          id: control.action,
          label: control.label,
          ...(control.min !== undefined ? { min: control.min } : {}),
          ...(control.max !== undefined ? { max: control.max } : {}),
          ...(control.initial !== undefined ? { value: control.initial } : {}),
        });
        if (!hasButton) elements.push(...actionSets([saveButton(control.action, context)], false));
        break;
    }
  }
  return [...elements, ...actionSets(buttons, false)];
}

function richTextBlock(text: TRichText, context: TCardContext, extra: TCardElement = {}): TCardElement | undefined {
  const inlines = textRuns(text, context);
  if (inlines.length === 0) return undefined;
  return { type: "RichTextBlock", inlines, ...extra };
}

/** The card's body, from the message's blocks, with each text cut to `textMax`. */
export function renderBody(blocks: readonly TBlock[], context: TCardContext, textMax: number = L.quote): TCardElement[] {
  const body: TCardElement[] = [];
  let separateNext = false;
  const push = (element: TCardElement | undefined) => {
    if (!element) return;
    body.push(separateNext ? { ...element, separator: true, spacing: "Medium" } : element);
    separateNext = false;
  };
  const cutRuns = (element: TCardElement | undefined) => {
    if (element && Array.isArray(element.inlines))
      element.inlines = (element.inlines as { text: string }[]).map((run) => ({ ...run, text: cut(run.text, textMax) }));
    return element;
  };
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        push({ type: "TextBlock", text: cut(block.text, 200), size: "Large", weight: "Bolder", wrap: true });
        break;
      case "text":
        push(cutRuns(richTextBlock(block.text, context)));
        break;
      case "quote":
        // What a person wrote, as written: one text run, in a container that sets it apart.
        push({
          type: "Container",
          style: "emphasis",
          items: [{ type: "RichTextBlock", inlines: [{ type: "TextRun", text: cut(block.text, Math.min(textMax, L.quote)) }] }],
        });
        break;
      case "note": {
        const inlines = textRuns(block.text, context).map((run) => ({
          ...run,
          text: cut(run.text, textMax),
          size: "Small",
          isSubtle: true,
        }));
        if (inlines.length > 0) push({ type: "RichTextBlock", inlines, spacing: "Small" });
        break;
      }
      case "divider":
        separateNext = true;
        break;
      case "facts":
        // Label and value side by side; values as text runs, so nothing in them reads as markdown.
        push({
          type: "Container",
          items: block.facts.map((fact) => ({
            type: "ColumnSet",
            spacing: "Small",
            columns: [
              {
                type: "Column",
                width: 2,
                items: [{ type: "TextBlock", text: cut(plainText(fact.label), 200), weight: "Bolder", wrap: true }],
              },
              {
                type: "Column",
                width: 3,
                items: [
                  {
                    type: "RichTextBlock",
                    inlines: textRuns(fact.value, context).map((run) => ({ ...run, text: cut(run.text, textMax) })),
                  },
                ],
              },
            ],
          })),
        });
        break;
      case "controls":
        for (const element of controlElements(block, context)) push(element);
        break;
    }
  }
  return body.filter((element) => !(element.type === "RichTextBlock" && (element.inlines as unknown[]).length === 0));
}

export function adaptiveCard(body: TCardElement[], extra: Record<string, unknown> = {}): TCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: L.cardVersion,
    body,
    msteams: { width: "Full" },
    ...extra,
  };
}

/**
 * The activity for a message, within Teams' size: texts are cut shorter and
 * shorter; if that is not enough, blocks from the end (but the buttons) make
 * way for a note that the message was shortened.
 */
export function renderActivity(message: TMessage, context: TCardContext, extra: Record<string, unknown> = {}): TRenderedActivity {
  const summary = cut(plainText(message.summary), L.summary);
  const activityOf = (body: TCardElement[]): TRenderedActivity => ({
    type: "message",
    summary,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: adaptiveCard(body, { fallbackText: summary, ...extra }) }],
  });
  for (const textMax of [L.quote, 1000, 300, 100]) {
    const activity = activityOf(renderBody(message.blocks, context, textMax));
    if (activityBytes(activity) <= L.activityBytes) return activity;
  }
  const blocks = [...message.blocks];
  const controls = blocks.filter((block) => block.kind === "controls");
  let rest = blocks.filter((block) => block.kind !== "controls");
  while (rest.length > 0) {
    rest = rest.slice(0, -1);
    const activity = activityOf(renderBody([...rest, { kind: "note", text: context.shortened }, ...controls], context, 100));
    if (activityBytes(activity) <= L.activityBytes) return activity;
  }
  return activityOf([{ type: "TextBlock", text: cut(summary, 1000), wrap: true }]);
}

/** The plain words of a rendered body, for transcripts and tests. */
export function bodyText(body: readonly TCardElement[]): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === "TextBlock" && typeof element.text === "string") parts.push(element.text);
    if (element.type === "RichTextBlock" && Array.isArray(element.inlines))
      parts.push(runsText(element.inlines as { type: "TextRun"; text: string }[]));
    for (const [key, value] of Object.entries(element)) if (key !== "inlines") walk(value);
  };
  walk(body);
  return parts.join("\n");
}
