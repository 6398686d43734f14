// How the Slack front end names people and places for the core: a person is
// "slack:<user id>", and where someone acted is "<channel>" or
// "<channel>/<thread ts>". Only this front end reads them back.
import type { TPersonId } from "../core/people/person.ts";

export const SLACK_PLATFORM = "slack";
const PREFIX = `${SLACK_PLATFORM}:`;

export function slackPerson(userId: string): TPersonId {
  return `${PREFIX}${userId}`;
}

/** The Slack user id of a person of this front end; undefined for anyone else. */
export function slackUserOf(person: TPersonId): string | undefined {
  return person.startsWith(PREFIX) ? person.slice(PREFIX.length) : undefined;
}

/** A user id as written in settings and the register ("U012AB3CD"); a person id of another front end passes unchanged. */
export function personFromSetting(value: string): TPersonId {
  return value.includes(":") ? value : slackPerson(value);
}

/** Where someone clicked or typed: a channel, and the thread when it was in one. */
export function slackWhere(channel: string | undefined, threadTs?: string | undefined): string | null {
  if (!channel) return null;
  return threadTs ? `${channel}/${threadTs}` : channel;
}

export function parseSlackRef(ref: string | null | undefined): { channel: string; ts?: string } | undefined {
  if (!ref) return undefined;
  const [channel, ts] = ref.split("/");
  if (!channel) return undefined;
  return ts ? { channel, ts } : { channel };
}

/** The ref of a posted message: "<channel>/<ts>". */
export function slackMessageRef(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}
