// Which incident a click in a thread belongs to. Answer buttons carry the
// answer value (shared/spec/interfaces.md), not the incident, so the click
// is traced back through where the bot posted: the thread's first message
// (the incident's post) or the clicked message (a checklist part). Both are
// in posted_message under keys of the form incident:<id>:<part>.
import type { Database } from "../../../core/storage/openDatabase.ts";
import { SLACK_PLATFORM, slackMessageRef } from "../../identity.ts";

const INCIDENT_KEY = /^incident:([0-9a-f-]{36}):/i;

export async function findThreadIncident(
  database: Database,
  where: { channelId: string | undefined; threadTs: string | undefined; messageTs: string | undefined },
): Promise<string | undefined> {
  if (!where.channelId) return undefined;
  for (const ts of [where.threadTs, where.messageTs]) {
    if (!ts) continue;
    const posted = await database.prisma.postedMessage.findFirst({
      where: { platform: SLACK_PLATFORM, ref: slackMessageRef(where.channelId, ts) },
      select: { key: true },
    });
    const incidentId = posted ? INCIDENT_KEY.exec(posted.key)?.[1] : undefined;
    if (incidentId) return incidentId;
  }
  return undefined;
}
