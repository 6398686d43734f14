// Which incident a click in a thread belongs to: by the thread it is in, or
// by one of the bot's own checklist messages.
import type { TBotContext } from "../../app/botContext.ts";
import type { Incident } from "../../storage/generated/client.ts";

export interface TFindChecklistIncidentInput {
  channelId: string | undefined;
  /** thread_ts of the message clicked (the incident's thread). */
  threadTs: string | undefined;
  /** ts of the message clicked (one of the checklist messages). */
  messageTs: string | undefined;
}

export async function findChecklistIncident(context: TBotContext, input: TFindChecklistIncidentInput): Promise<Incident | null> {
  const prisma = context.database.prisma;
  if (input.threadTs) {
    const byThread = await prisma.incident.findFirst({
      where: { threadTs: input.threadTs, ...(input.channelId ? { channelId: input.channelId } : {}) },
    });
    if (byThread) return byThread;
  }
  if (input.messageTs) {
    const message = await prisma.checklistThreadMessage.findFirst({
      where: { ts: input.messageTs, ...(input.channelId ? { channelId: input.channelId } : {}) },
    });
    if (message) return prisma.incident.findUnique({ where: { id: message.incidentId } });
  }
  return null;
}
