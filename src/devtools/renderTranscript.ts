// Turns what the bot sent to the Slack stand-in into readable lines: who
// sees it (staff, the DPO channel, a DPO's DM, management, an App Home) and
// the text of its blocks, without Block Kit noise.
import type { RecordedCall } from "./slackStandIn.ts";

export interface TAudience {
  dpoChannel: string;
  managementChannel: string;
  names: Record<string, string>;
}

type TBlockLike = {
  type?: string;
  text?: { text?: string } | string;
  fields?: { text?: string }[];
  elements?: unknown[];
  accessory?: unknown;
  label?: { text?: string };
};

function elementText(element: unknown): string | undefined {
  const e = element as { type?: string; text?: { text?: string } | string; action_id?: string };
  if (e.type === "button") return `[${typeof e.text === "string" ? e.text : (e.text?.text ?? e.action_id)}]`;
  if (typeof e.text === "string") return e.text;
  return e.text?.text;
}

export function blocksToLines(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  const lines: string[] = [];
  for (const raw of blocks as TBlockLike[]) {
    if (raw.type === "divider") continue;
    const text = typeof raw.text === "string" ? raw.text : raw.text?.text;
    if (text) lines.push(...text.split("\n"));
    if (raw.label?.text) lines.push(`${raw.label.text}: ____`);
    for (const field of raw.fields ?? []) if (field.text) lines.push(field.text.replace(/\n/g, ": "));
    const parts = [...(raw.elements ?? []), ...(raw.accessory ? [raw.accessory] : [])].map(elementText).filter(Boolean);
    if (parts.length > 0) lines.push(parts.join("  "));
  }
  return lines;
}

function who(channel: string, audience: TAudience): string {
  if (channel === audience.dpoChannel) return "DPO-kanaal / DPO channel";
  if (channel === audience.managementChannel) return "Management";
  const user = audience.names[channel] ?? audience.names[`U${channel.slice(1)}`];
  return user ? `DM ${user}` : channel;
}

/** One readable paragraph per call that someone would see. */
export function describeCall(call: RecordedCall, audience: TAudience): string | undefined {
  const args = call.args;
  const indent = (lines: string[]) => lines.map((line) => `      ${line}`).join("\n");
  switch (call.method) {
    case "chat.postMessage":
    case "chat.postEphemeral": {
      const where = who(String(args.channel), audience);
      const thread = args.thread_ts ? " (thread)" : "";
      const ephemeral =
        call.method === "chat.postEphemeral" ? ` (alleen voor ${audience.names[String(args.user)] ?? args.user})` : "";
      const lines = blocksToLines(args.blocks);
      return `  → ${where}${thread}${ephemeral}\n${indent(lines.length > 0 ? lines : [String(args.text ?? "")])}`;
    }
    case "chat.update":
      return `  ↻ ${who(String(args.channel), audience)} (bijgewerkt / updated)\n${indent(blocksToLines(args.blocks))}`;
    case "views.open":
    case "views.update": {
      const view = args.view as { title?: { text?: string }; blocks?: unknown };
      return `  ▢ modal "${view.title?.text ?? ""}"\n${indent(blocksToLines(view.blocks))}`;
    }
    case "views.publish": {
      const name = audience.names[String(args.user_id)] ?? args.user_id;
      return `  ⌂ App Home ${name}\n${indent(blocksToLines((args.view as { blocks?: unknown }).blocks))}`;
    }
    case "files.completeUploadExternal":
      return `  📎 ${who(String(args.channel_id), audience)}: ${(args.files as { title?: string }[]).map((file) => file.title).join(", ")}`;
    default:
      return undefined;
  }
}
