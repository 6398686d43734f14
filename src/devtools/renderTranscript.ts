// Turns what the bot sent to the Slack stand-in into lines a person reads:
// who sees it (the privacy channel, someone's direct message, a window, a
// home tab) and the words of its blocks, as Slack shows them: mentions as
// names, links as their words, no mrkdwn marks, buttons as [Button].
import type { TDemoTexts } from "../texts/demo.ts";
import type { RecordedCall } from "./slackStandIn.ts";

export interface TAudience {
  dpoChannel: string;
  managementChannel: string;
  /** Slack user id to the name the demo gives that person. */
  names: Record<string, string>;
  texts: TDemoTexts["show"];
  /** How to name someone the demo does not know. */
  someone: string;
}

type TBlockLike = {
  type?: string;
  hint?: { text?: string };
  text?: { type?: string; text?: string } | string;
  fields?: { text?: string }[];
  elements?: unknown[];
  accessory?: unknown;
  element?: unknown;
  label?: { text?: string };
};

type TElement = {
  type?: string;
  text?: { text?: string } | string;
  action_id?: string;
  placeholder?: { text?: string };
  initial_option?: { text?: { text?: string } };
  initial_options?: { text?: { text?: string } }[];
  options?: { text?: { text?: string } }[];
};

/** Slack's mrkdwn as it looks on screen: names for mentions, words for links, no marks. */
export function readable(mrkdwn: string, audience: TAudience): string {
  return mrkdwn
    .replace(/<@([UW][A-Z0-9]+)>/g, (_all, user: string) => `@${audience.names[user] ?? audience.someone}`)
    .replace(/<#([CGD][A-Z0-9]+)(\|[^>]*)?>/g, (_all, channel: string) =>
      channel === audience.dpoChannel
        ? `#${audience.texts.dpoChannel}`
        : channel === audience.managementChannel
          ? `#${audience.texts.managementChannel}`
          : `#${channel}`,
    )
    .replace(/<([^<>|]+)\|([^<>]+)>/g, "$2")
    .replace(/<(https?:[^<>]+)>/g, "$1")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/gm, "$1$2")
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/gm, "$1$2")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function elementText(element: unknown, audience: TAudience): string | undefined {
  const e = element as TElement;
  const words = (text: TElement["text"]) => (typeof text === "string" ? text : text?.text);
  if (e.type === "button") return `[${words(e.text) ?? ""}]`;
  if (e.type === "static_select" || e.type === "multi_static_select" || e.type === "users_select") {
    const chosen = [e.initial_option, ...(e.initial_options ?? [])].flatMap((option) => option?.text?.text ?? []);
    return `[${chosen.length > 0 ? chosen.join(", ") : (e.placeholder?.text ?? "")} ▾]`;
  }
  if (e.type === "radio_buttons" || e.type === "checkboxes")
    return (e.options ?? []).map((option) => `○ ${option.text?.text ?? ""}`).join("  ");
  if (e.type === "number_input" || e.type === "plain_text_input" || e.type === "datepicker" || e.type === "datetimepicker")
    return audience.texts.field;
  const text = words(e.text);
  return text === undefined ? undefined : readable(text, audience);
}

export function blocksToLines(blocks: unknown, audience: TAudience): string[] {
  if (!Array.isArray(blocks)) return [];
  const lines: string[] = [];
  for (const raw of blocks as TBlockLike[]) {
    if (raw.type === "divider") continue;
    const text = typeof raw.text === "string" ? raw.text : raw.text?.text;
    if (text) lines.push(...readable(text, audience).split("\n"));
    if (raw.label?.text) lines.push(`${raw.label.text}: ${raw.element ? elementText(raw.element, audience) : ""}`);
    if (raw.hint?.text) lines.push(`  ${raw.hint.text}`);
    for (const field of raw.fields ?? []) if (field.text) lines.push(readable(field.text, audience).replace(/\n/g, ": "));
    const parts = [...(raw.elements ?? []), ...(raw.accessory ? [raw.accessory] : [])]
      .map((element) => elementText(element, audience))
      .filter(Boolean);
    if (parts.length > 0) lines.push(parts.join("  "));
  }
  return lines;
}

function who(channel: string, audience: TAudience): string {
  if (channel === audience.dpoChannel) return audience.texts.dpoChannel;
  if (channel === audience.managementChannel) return audience.texts.managementChannel;
  const user = audience.names[channel] ?? audience.names[`U${channel.slice(1)}`];
  return user ? audience.texts.direct({ name: user }) : channel;
}

/** One readable paragraph per call that someone would see. */
export function describeCall(call: RecordedCall, audience: TAudience): string | undefined {
  const args = call.args;
  const t = audience.texts;
  const indent = (lines: string[]) => lines.map((line) => `      ${line}`).join("\n");
  switch (call.method) {
    case "chat.postMessage":
    case "chat.postEphemeral": {
      const where = who(String(args.channel), audience);
      const thread = args.thread_ts ? t.inThread : "";
      const user = String(args.user);
      const only = call.method === "chat.postEphemeral" ? t.onlyFor({ name: audience.names[user] ?? audience.someone }) : "";
      const lines = blocksToLines(args.blocks, audience);
      return `  → ${where}${thread}${only}\n${indent(lines.length > 0 ? lines : [readable(String(args.text ?? ""), audience)])}`;
    }
    case "chat.update":
      return `  ↻ ${who(String(args.channel), audience)}${t.updated}\n${indent(blocksToLines(args.blocks, audience))}`;
    case "views.open":
    case "views.update": {
      const view = args.view as { title?: { text?: string }; blocks?: unknown };
      return `  ▢ ${t.form({ title: view.title?.text ?? "" })}\n${indent(blocksToLines(view.blocks, audience))}`;
    }
    case "views.publish": {
      const name = audience.names[String(args.user_id)] ?? audience.someone;
      return `  ⌂ ${t.home({ name })}\n${indent(blocksToLines((args.view as { blocks?: unknown }).blocks, audience))}`;
    }
    case "files.completeUploadExternal":
      return `  📎 ${t.files({
        where: who(String(args.channel_id), audience),
        titles: (args.files as { title?: string }[]).map((file) => file.title).join(", "),
      })}`;
    default:
      return undefined;
  }
}
