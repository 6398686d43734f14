// People's names as Slack knows them (users.info), for what names people in
// words rather than mentions (the register export). Cached in memory for a
// while; a person Slack does not know, or any failure, gives no name, and
// the caller shows the person id instead.
import type { WebClient } from "@slack/web-api";
import type { TPersonId } from "../../core/people/person.ts";
import { slackUserOf } from "../identity.ts";

/** How long a looked-up name is trusted. */
const NAME_TTL_MS = 60 * 60_000;

interface TUserInfo {
  name?: string;
  real_name?: string;
  profile?: { real_name?: string; display_name?: string };
}

export function slackNames(client: WebClient): (person: TPersonId) => Promise<string | undefined> {
  const cache = new Map<string, { name: string | undefined; at: number }>();
  return async (person) => {
    const user = slackUserOf(person);
    if (!user) return undefined;
    const cached = cache.get(user);
    if (cached && Date.now() - cached.at < NAME_TTL_MS) return cached.name;
    let name: string | undefined;
    try {
      const info = (await client.users.info({ user })).user as TUserInfo | undefined;
      name = [info?.profile?.real_name, info?.real_name, info?.profile?.display_name, info?.name].find(
        (candidate): candidate is string => typeof candidate === "string" && candidate.trim() !== "",
      );
    } catch {
      name = undefined;
    }
    cache.set(user, { name, at: Date.now() });
    return name;
  };
}
