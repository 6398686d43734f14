// Delivers `incident.checklist_sync`: posts the checklist messages (and the
// assessment, once there is one) in the incident's thread, or updates them in
// place, rendered from the current records. Idempotent: a retry after a
// partial failure updates what was posted and posts the rest.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { TBotContext } from "../../app/botContext.ts";
import { CHECKLIST_GROUPS } from "../../domain/checklist/checklistAnswers.ts";
import type { TClaimedOutboxMessage, TDeliveryOutcome } from "../../services/outbox/deliverOutbox.ts";
import type { TRenderContext } from "../messages/incidentFacts.ts";
import { renderAssessmentMessage } from "./assessmentMessage.ts";
import { renderChecklistGroup } from "./checklistMessage.ts";

const ZChecklistSyncPayload = z.object({ incidentId: z.string() });
export const ASSESSMENT_PART = "assessment";
const WAIT_FOR_THREAD_SECONDS = 2;

export async function deliverChecklistSync(
  context: TBotContext,
  client: WebClient,
  render: TRenderContext,
  message: TClaimedOutboxMessage,
): Promise<TDeliveryOutcome> {
  const { incidentId } = ZChecklistSyncPayload.parse(message.payload);
  const prisma = context.database.prisma;
  const incident = await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
  if (!incident.threadTs || !incident.channelId) return { status: "wait", retryInSeconds: WAIT_FOR_THREAD_SECONDS };
  const answers = await prisma.checklistAnswer.findMany({ where: { incidentId } });
  const assessment = await prisma.incidentAssessment.findUnique({ where: { incidentId } });
  const posted = new Map(
    (await prisma.checklistThreadMessage.findMany({ where: { incidentId } })).map((row) => [row.part, row] as const),
  );
  const sent: string[] = [];

  const postOrUpdate = async (part: string, content: { text: string; blocks: unknown[] }) => {
    const existing = posted.get(part);
    if (existing) {
      await client.chat.update({
        channel: existing.channelId,
        ts: existing.ts,
        text: content.text,
        blocks: content.blocks as never,
      });
      sent.push(`update:${part}`);
      return;
    }
    const reply = await client.chat.postMessage({
      channel: incident.channelId!,
      thread_ts: incident.threadTs!,
      text: content.text,
      blocks: content.blocks as never,
      unfurl_links: false,
    });
    await prisma.checklistThreadMessage.create({
      data: { incidentId, part, channelId: reply.channel ?? incident.channelId!, ts: reply.ts! },
    });
    sent.push(`post:${part}`);
  };

  for (const [index, group] of CHECKLIST_GROUPS.entries()) {
    await postOrUpdate(group.part, renderChecklistGroup(incident, index, answers, render));
  }
  // The assessment appears once there is something to say: an assessment or a decision.
  if (assessment || incident.decision || posted.has(ASSESSMENT_PART)) {
    await postOrUpdate(ASSESSMENT_PART, renderAssessmentMessage(incident, assessment, answers, render));
  }
  return { status: "delivered", result: { sent } };
}
