// How the Teams front end names people and places for the core: a person is
// "teams:<Entra object id>" (the id an administrator finds in Entra and puts
// in the settings), and where someone acted is "<conversation id>" or
// "<conversation id>#<activity id>". A posted message's ref is
// "<conversation id>#<activity id>"; a channel thread's conversation id is
// "<channel id>;messageid=<root activity id>". Only this front end reads them.
import type { TPersonId } from "../core/people/person.ts";

export const TEAMS_PLATFORM = "teams";
const PREFIX = `${TEAMS_PLATFORM}:`;

export function teamsPerson(aadObjectId: string): TPersonId {
  return `${PREFIX}${aadObjectId.toLowerCase()}`;
}

/** The Entra object id of a person of this front end; undefined for anyone else. */
export function teamsObjectIdOf(person: TPersonId): string | undefined {
  return person.startsWith(PREFIX) ? person.slice(PREFIX.length) : undefined;
}

/** An object id as written in the settings; a person id of another front end passes unchanged. */
export function personFromTeamsSetting(value: string): TPersonId {
  return value.includes(":") ? value : teamsPerson(value);
}

export interface TTeamsRef {
  conversationId: string;
  activityId: string;
}

export function teamsMessageRef(conversationId: string, activityId: string): string {
  return `${conversationId}#${activityId}`;
}

export function parseTeamsRef(ref: string | null | undefined): TTeamsRef | undefined {
  if (!ref) return undefined;
  const hash = ref.lastIndexOf("#");
  if (hash <= 0 || hash === ref.length - 1) return undefined;
  return { conversationId: ref.slice(0, hash), activityId: ref.slice(hash + 1) };
}

/** Where someone clicked or typed: the conversation, and the message when there is one. */
export function teamsWhere(conversationId: string | undefined, activityId?: string | undefined): string | null {
  if (!conversationId) return null;
  return activityId ? teamsMessageRef(conversationId, activityId) : conversationId;
}

/** A channel's conversation id without the thread part. */
export function channelOf(conversationId: string): string {
  const at = conversationId.indexOf(";messageid=");
  return at >= 0 ? conversationId.slice(0, at) : conversationId;
}

/** The root of a channel thread, when the conversation id names one. */
export function threadRootOf(conversationId: string): string | undefined {
  const match = /;messageid=(\d+)$/.exec(conversationId);
  return match?.[1];
}
