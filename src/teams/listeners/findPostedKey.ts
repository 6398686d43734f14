// Which keyed message the bot posted is the one a person acted on. Teams
// names a channel message's conversation with or without its thread
// (";messageid=<root>"), depending on the client: both forms are tried.
import type { Database } from "../../core/storage/openDatabase.ts";
import { channelOf, teamsMessageRef, TEAMS_PLATFORM } from "../identity.ts";

export async function findPostedKey(database: Database, conversationId: string, activityId: string): Promise<string | undefined> {
  const channel = channelOf(conversationId);
  const refs = [
    teamsMessageRef(conversationId, activityId),
    teamsMessageRef(channel, activityId),
    teamsMessageRef(`${channel};messageid=${activityId}`, activityId),
  ];
  const posted = await database.prisma.postedMessage.findFirst({
    where: { platform: TEAMS_PLATFORM, ref: { in: [...new Set(refs)] } },
    select: { key: true },
  });
  return posted?.key;
}
