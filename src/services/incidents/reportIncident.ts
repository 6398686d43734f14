// A valid report becomes an incident in one transaction: the next reference
// of its year, the awareness time and deadline, the first timeline entry,
// and the messages to the DPO channel, each DPO and the reporter (outbox).
import type { TBotContext } from "../../app/botContext.ts";
import { formatIncidentReference } from "../../domain/incidents/incidentReference.ts";
import type { TReport } from "../../domain/incidents/reportInput.ts";
import { computeNotificationDeadline } from "../../domain/time/deadlines.ts";
import { localYear } from "../../domain/time/formatLocal.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { isUniqueViolation, type TDbTransaction } from "../../storage/transaction.ts";
import { scheduleIncidentCountdown } from "../countdown/scheduleIncidentCountdown.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";

export interface TReportIncidentInput {
  report: TReport;
  reporterId: string;
  /** The Slack view id: a second submission of the same view is the same report. */
  submissionKey: string;
}

export async function reportIncident(
  context: TBotContext,
  input: TReportIncidentInput,
): Promise<{ incident: Incident; created: boolean }> {
  const { prisma } = context.database;
  const existing = await prisma.incident.findUnique({ where: { submissionKey: input.submissionKey } });
  if (existing) return { incident: existing, created: false };
  try {
    const incident = await prisma.$transaction((tx) => createIncident(context, tx, input));
    return { incident, created: true };
  } catch (error) {
    // Two submissions of the same view at once: the other one won.
    if (isUniqueViolation(error)) {
      const winner = await prisma.incident.findUnique({ where: { submissionKey: input.submissionKey } });
      if (winner) return { incident: winner, created: false };
    }
    throw error;
  }
}

/** Hands out the next number of the year; the row lock serialises writers. */
export async function nextReferenceSequence(tx: TDbTransaction, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO reference_counter (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = reference_counter.last + 1
    RETURNING last`;
  return Number(rows[0]!.last);
}

async function createIncident(context: TBotContext, tx: TDbTransaction, input: TReportIncidentInput): Promise<Incident> {
  const now = context.clock.now();
  const { report } = input;
  const year = localYear(now, context.settings.TIMEZONE);
  const reference = formatIncidentReference(year, await nextReferenceSequence(tx, year));
  // Awareness is the discovery time until the DPO corrects it.
  const awarenessAt = report.discoveredAt;
  const incident = await tx.incident.create({
    data: {
      reference,
      submissionKey: input.submissionKey,
      reporterId: input.reporterId,
      whatHappened: report.whatHappened,
      discoveredAt: report.discoveredAt,
      occurredAt: report.occurredAt,
      awarenessAt,
      deadlineAt: computeNotificationDeadline(awarenessAt),
      system: report.system,
      dataKinds: report.dataKinds,
      peopleAffected: report.peopleAffected,
      stopped: report.stopped,
      recipient: report.recipient,
    },
  });
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: input.reporterId,
    kind: "reported",
    details: { reference, system: report.system, dataKinds: report.dataKinds, peopleAffected: report.peopleAffected },
  });
  const forIncident = { incidentId: incident.id };
  await enqueueOutboxMessages(tx, [
    { kind: OUTBOX_KINDS.channelPost, payload: forIncident, incidentId: incident.id, notBefore: now },
    ...context.settings.DPO_USER_IDS.map((dpoUserId) => ({
      kind: OUTBOX_KINDS.dpoPage,
      payload: { ...forIncident, dpoUserId },
      incidentId: incident.id,
      notBefore: now,
    })),
    { kind: OUTBOX_KINDS.reporterReceipt, payload: forIncident, incidentId: incident.id, notBefore: now },
  ]);
  // The 72-hour countdown and the re-page, durable from the first moment.
  await scheduleIncidentCountdown(tx, incident, now, context.settings);
  return incident;
}
