// A neutral message to Block Kit, cut to Slack's limits in one place: at
// most 50 blocks, section text 3000, 10 fields of 2000, header 150, button
// text 75 and value 2000, 100 options of 75/150, unique block ids. Free
// text a person wrote is shown as plain text, so it can never format,
// link or mention.
import type { ActionsBlockElement, KnownBlock, PlainTextOption } from "@slack/types";
import type { TBlock, TControl, TMessage } from "../../core/messages/message.ts";
import { plainText, type TRichText } from "../../core/text/richText.ts";
import { linkedKeys, toMrkdwn, type TMrkdwnContext } from "./mrkdwn.ts";
import { cut, SLACK_LIMITS as L } from "./slackLimits.ts";

export interface TRenderedMessage {
  text: string;
  blocks: KnownBlock[];
}

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: cut(text, max), emoji: true });

export function textsOf(message: TMessage): TRichText[] {
  const texts: TRichText[] = [];
  for (const block of message.blocks) {
    if (block.kind === "text" || block.kind === "note") texts.push(block.text);
    if (block.kind === "facts") for (const fact of block.facts) texts.push(fact.value);
  }
  return texts;
}

/** Keys of posted messages the message links to. */
export function messageLinks(message: TMessage): string[] {
  return linkedKeys(textsOf(message));
}

export function option(value: string, label: string): PlainTextOption {
  return { text: plain(label, L.optionText), value: value.slice(0, L.optionValue) };
}

function controlElements(block: Extract<TBlock, { kind: "controls" }>): ActionsBlockElement[] {
  return block.controls.slice(0, L.actionsElements).flatMap((control: TControl): ActionsBlockElement[] => {
    const actionId = control.action.slice(0, L.actionId);
    switch (control.kind) {
      case "button":
        return [
          {
            type: "button",
            action_id: actionId,
            text: plain(control.label, L.buttonText),
            value: control.value.slice(0, L.buttonValue),
            ...(control.style ? { style: control.style } : control.selected ? { style: "primary" as const } : {}),
            ...(control.url ? { url: control.url } : {}),
          },
        ];
      case "select": {
        const options = control.options.slice(0, L.options).map((candidate) => option(candidate.value, candidate.label));
        const selected = options.filter((candidate) => control.selected?.includes(candidate.value ?? ""));
        return [
          control.multiple
            ? {
                type: "multi_static_select",
                action_id: actionId,
                placeholder: plain(control.placeholder, L.placeholder),
                options,
                ...(selected.length > 0 ? { initial_options: selected } : {}),
              }
            : {
                type: "static_select",
                action_id: actionId,
                placeholder: plain(control.placeholder, L.placeholder),
                options,
                ...(selected[0] ? { initial_option: selected[0] } : {}),
              },
        ];
      }
      case "number":
        // A number in a message lives in an input block; see renderBlocks.
        return [];
    }
  });
}

export function renderBlocks(blocks: readonly TBlock[], context: TMrkdwnContext, maxBlocks: number): KnownBlock[] {
  const rendered: KnownBlock[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (id: string) => {
    let candidate = id.slice(0, L.blockId);
    for (let n = 2; usedIds.has(candidate); n++) candidate = `${id.slice(0, L.blockId - 4)}_${n}`;
    usedIds.add(candidate);
    return candidate;
  };
  const section = (text: TRichText): KnownBlock => ({
    type: "section",
    text: { type: "mrkdwn", text: cut(toMrkdwn(text, context), L.sectionText) },
  });
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        rendered.push({ type: "header", text: plain(block.text, L.headerText) });
        break;
      case "text":
        rendered.push(section(block.text));
        break;
      case "quote":
        // Plain text: what a person typed is shown as typed.
        rendered.push({ type: "section", text: { type: "plain_text", text: cut(block.text, L.sectionText), emoji: false } });
        break;
      case "note":
        rendered.push({
          type: "context",
          elements: [{ type: "mrkdwn", text: cut(toMrkdwn(block.text, context), L.sectionText) }],
        });
        break;
      case "divider":
        rendered.push({ type: "divider" });
        break;
      case "facts":
        for (let start = 0; start < block.facts.length; start += L.sectionFields) {
          rendered.push({
            type: "section",
            fields: block.facts.slice(start, start + L.sectionFields).map((fact) => ({
              type: "mrkdwn" as const,
              text: cut(`*${toMrkdwn(fact.label, context)}*\n${toMrkdwn(fact.value, context)}`, L.fieldText),
            })),
          });
        }
        break;
      case "controls": {
        const number = block.controls.find((control) => control.kind === "number");
        if (number && number.kind === "number") {
          // dispatch_action: Enter in the field sends it, as a click would.
          rendered.push({
            type: "input",
            block_id: uniqueId(block.id),
            dispatch_action: true,
            optional: true,
            label: plain(number.label, L.inputLabel),
            element: {
              type: "number_input",
              action_id: number.action.slice(0, L.actionId),
              is_decimal_allowed: false,
              ...(number.min !== undefined ? { min_value: String(number.min) } : {}),
              ...(number.max !== undefined ? { max_value: String(number.max) } : {}),
              ...(number.initial !== undefined ? { initial_value: String(number.initial) } : {}),
            },
          });
        }
        const elements = controlElements(block);
        if (elements.length > 0)
          rendered.push({ type: "actions", block_id: uniqueId(number ? `${block.id}_buttons` : block.id), elements });
        break;
      }
    }
  }
  if (rendered.length <= maxBlocks) return rendered;
  // Over the limit: keep the first blocks and say that there is more.
  return [...rendered.slice(0, maxBlocks - 1), { type: "context", elements: [{ type: "mrkdwn", text: "…" }] }];
}

export function renderMessage(message: TMessage, context: TMrkdwnContext): TRenderedMessage {
  return {
    text: cut(plainText(message.summary), L.messageText),
    blocks: renderBlocks(message.blocks, context, L.messageBlocks),
  };
}
