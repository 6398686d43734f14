// Delivery of the recurring duties' outbox kinds (called from
// src/slack/delivery/deliverOutboxMessage.ts).
import type { WebClient } from "@slack/web-api";
import type { KnownBlock } from "@slack/types";
import { DateTime } from "luxon";
import { z } from "zod";
import type { TBotContext } from "../../app/botContext.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { TClaimedOutboxMessage, TDeliveryOutcome } from "../../services/outbox/deliverOutbox.ts";
import { formatLocalDate, renderDutyMessage } from "./renderDutyMessage.ts";

const ZDutyPayload = z.object({
  message: z.string(),
  channel: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
  update: z.object({ channel: z.string(), ts: z.string() }).optional(),
});

export async function deliverDutyMessage(
  context: TBotContext,
  client: WebClient,
  message: TClaimedOutboxMessage,
): Promise<TDeliveryOutcome> {
  const payload = ZDutyPayload.parse(message.payload);
  const content = await renderDutyMessage(context, payload.message, payload.params);
  if (payload.update) {
    await client.chat.update({ channel: payload.update.channel, ts: payload.update.ts, ...content });
    return { status: "delivered" };
  }
  const posted = await client.chat.postMessage({ channel: payload.channel, ...content, unfurl_links: false });
  return { status: "delivered", result: { channel: posted.channel, ts: posted.ts } };
}

/** The "Opvolging" message in the incident's thread: measures and their progress, closing, evaluation. */
export async function deliverFollowUpProgress(
  context: TBotContext,
  client: WebClient,
  message: TClaimedOutboxMessage,
): Promise<TDeliveryOutcome> {
  const { incidentId } = z.object({ incidentId: z.string() }).parse(message.payload);
  const prisma = context.database.prisma;
  const incident = await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
  if (!incident.channelId || !incident.threadTs) return { status: "wait", retryInSeconds: 2 };
  const measures = await prisma.correctiveMeasure.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" } });
  const followUp = await prisma.incidentFollowUp.findUnique({ where: { incidentId } });
  const content = renderFollowUpProgress(context, incident, measures, followUp);
  if (followUp?.progressTs && followUp.progressChannelId) {
    await client.chat.update({ channel: followUp.progressChannelId, ts: followUp.progressTs, ...content });
    return { status: "delivered" };
  }
  const posted = await client.chat.postMessage({ channel: incident.channelId, thread_ts: incident.threadTs, ...content });
  await prisma.incidentFollowUp.upsert({
    where: { incidentId },
    create: { incidentId, progressChannelId: posted.channel ?? incident.channelId, progressTs: posted.ts! },
    update: { progressChannelId: posted.channel ?? incident.channelId, progressTs: posted.ts! },
  });
  return { status: "delivered", result: { channel: posted.channel, ts: posted.ts } };
}

type TMeasureRow = { what: string; ownerId: string; dueDate: string; doneAt: Date | null; doneBy: string | null };

export function renderFollowUpProgress(
  context: TBotContext,
  incident: { reference: string; closedAt: Date | null; closedBy: string | null },
  measures: TMeasureRow[],
  followUp: {
    noMeasuresReason: string | null;
    evaluationDueAt: Date | null;
    evaluatedAt: Date | null;
    evaluatedBy: string | null;
  } | null,
): { text: string; blocks: KnownBlock[] } {
  const locale = context.locale;
  const nl = locale === "nl";
  const zone = context.settings.TIMEZONE;
  const today = DateTime.fromJSDate(context.clock.now(), { zone }).toISODate()!;
  const done = measures.filter((measure) => measure.doneAt).length;
  const title = nl ? `Opvolging ${incident.reference}` : `Follow-up ${incident.reference}`;
  const lines = measures.map((measure) => {
    const due = formatLocalDate(measure.dueDate, zone, locale);
    if (measure.doneAt)
      return `:white_check_mark: ${measure.what} — <@${measure.doneBy}>, ${formatLocal(measure.doneAt, zone, locale)}`;
    const late = measure.dueDate < today;
    return `${late ? ":warning:" : ":hourglass_flowing_sand:"} ${measure.what} — <@${measure.ownerId}>, ${nl ? "uiterlijk" : "due"} ${due}${late ? (nl ? " (te laat)" : " (overdue)") : ""}`;
  });
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${title}* — ${nl ? `${done} van ${measures.length} maatregelen afgerond` : `${done} of ${measures.length} measures done`}`,
      },
    },
  ];
  if (lines.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: lines.join("\n").slice(0, 2900) } });
  const status: string[] = [];
  if (followUp?.noMeasuresReason && measures.length === 0)
    status.push(nl ? `Geen maatregelen nodig: ${followUp.noMeasuresReason}` : `No measures needed: ${followUp.noMeasuresReason}`);
  if (incident.closedAt)
    status.push(
      nl
        ? `:lock: Afgesloten door <@${incident.closedBy}> op ${formatLocal(incident.closedAt, zone, locale)}`
        : `:lock: Closed by <@${incident.closedBy}> on ${formatLocal(incident.closedAt, zone, locale)}`,
    );
  if (followUp?.evaluatedAt)
    status.push(
      nl
        ? `:mag: Evaluatie vastgelegd door <@${followUp.evaluatedBy}> op ${formatLocal(followUp.evaluatedAt, zone, locale)}`
        : `:mag: Evaluation recorded by <@${followUp.evaluatedBy}> on ${formatLocal(followUp.evaluatedAt, zone, locale)}`,
    );
  else if (followUp?.evaluationDueAt)
    status.push(
      nl
        ? `:mag: Evaluatie gevraagd op ${formatLocal(followUp.evaluationDueAt, zone, locale)}`
        : `:mag: Evaluation asked on ${formatLocal(followUp.evaluationDueAt, zone, locale)}`,
    );
  if (status.length > 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: status.join("\n") }] });
  return { text: `${title}: ${done}/${measures.length}`, blocks };
}
