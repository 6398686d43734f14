// Every activity from a person teaches the front end where to reach them
// later (their personal chat, Teams user id, service URL, language, name);
// an activity in a configured channel, which service URL answers for it.
// Runs before the other listeners; a failure to remember is logged, never
// in the person's way.
import { channelOf } from "../identity.ts";
import { channelKey } from "../delivery/teamsConversations.ts";
import { readIncoming } from "./incoming.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

export function rememberSender(deps: TTeamsListenerDeps) {
  return async (activity: unknown): Promise<void> => {
    const incoming = readIncoming(activity);
    if (!incoming) return;
    try {
      if (incoming.objectId)
        await deps.conversations.rememberPerson(incoming.objectId, {
          ...(incoming.personal ? { conversationId: incoming.conversationId } : {}),
          serviceUrl: incoming.serviceUrl,
          tenantId: incoming.tenantId,
          userId: incoming.userId,
          ...(incoming.teamsLocale ? { locale: incoming.teamsLocale } : {}),
          ...(incoming.userName ? { name: incoming.userName } : {}),
        });
      const channel = channelOf(incoming.conversationId);
      if (channel === deps.channels.dpo || channel === deps.channels.management)
        await deps.conversations.rememberConversation(channelKey(channel), channel, incoming.serviceUrl, incoming.tenantId);
    } catch (error) {
      deps.logger.warn({ error: (error as Error).message }, "remembering a Teams conversation failed");
    }
  };
}
