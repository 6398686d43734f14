// Is the bot a member of the channels it must post in? Slack refuses a post
// to a channel the bot was not added to (not_in_channel; a private channel
// it is not in answers channel_not_found), so an installer must hear of it
// at start, not from silence. conversations.info needs channels:read and
// groups:read, which the manifest has.
import type { WebClient } from "@slack/web-api";
import { slackErrorOf } from "./checkSlackToken.ts";

export interface TCheckedChannel {
  /** The setting that names the channel, e.g. DPO_CHANNEL_ID. */
  setting: string;
  channelId: string;
}

export type TChannelState = "member" | "not_member" | "not_found" | "archived" | "unknown";

export interface TChannelCheck extends TCheckedChannel {
  state: TChannelState;
  /** The channel's name when Slack told it. */
  name?: string;
  /** Slack's error, or the network error, when the state is not_found or unknown. */
  error?: string;
}

export async function checkChannelMembership(client: WebClient, channel: TCheckedChannel): Promise<TChannelCheck> {
  try {
    const answer = await client.conversations.info({ channel: channel.channelId });
    const info = answer.channel as { is_member?: boolean; is_archived?: boolean; name?: string } | undefined;
    const named = info?.name ? { name: info.name } : {};
    if (info?.is_archived) return { ...channel, ...named, state: "archived" };
    return { ...channel, ...named, state: info?.is_member ? "member" : "not_member" };
  } catch (error) {
    const slackError = slackErrorOf(error);
    if (slackError === "channel_not_found") return { ...channel, state: "not_found", error: slackError };
    return { ...channel, state: "unknown", error: slackError ?? (error as Error).message };
  }
}

/** What to tell the administrator, in one line, for a channel that is not usable. */
export function channelProblemLine(check: TChannelCheck): string {
  const channel = check.name ? `#${check.name} (${check.channelId})` : check.channelId;
  switch (check.state) {
    case "not_member":
      return `${check.setting}: the bot is not a member of ${channel}; type /invite @Datalek in that channel`;
    case "not_found":
      return `${check.setting}: channel ${channel} not found, or it is private and the bot is not in it; check the id, and type /invite @Datalek in that channel`;
    case "archived":
      return `${check.setting}: channel ${channel} is archived; unarchive it or set another channel`;
    default:
      return `${check.setting}: could not check channel ${channel} (${check.error ?? "unknown error"})`;
  }
}
