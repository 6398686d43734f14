// A valid report becomes an incident in one transaction: the next
// reference of its year, the awareness time and deadline, the first
// timeline entry, the messages to the DPO channel, each privacy officer and
// the reporter, and the countdown. The same form submitted twice (a double
// click, a redelivery) is one incident; a person who reported too often in
// the last hour is asked to wait (checked in the same transaction).
import type { Clock } from "../../core/time/clock.ts";
import { computeNotificationDeadline } from "../../core/time/deadlines.ts";
import { localYear } from "../../core/time/formatLocal.ts";
import { formatIncidentReference } from "../../core/incidents/incidentReference.ts";
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { enqueueMessages, type TMessaging } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toChannel, toPerson } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import { isUniqueViolation, type TDbTransaction } from "../../core/storage/transaction.ts";
import { scheduleIncidentCountdown } from "../countdown/scheduleIncidentCountdown.ts";
import { INCIDENT_PAGE_KIND, INCIDENT_POST_KIND } from "../paging/pagingMessages.ts";
import type { TReport } from "./reportInput.ts";
import { REPORT_RECEIPT_KIND } from "./reportMessages.ts";

export interface TReportIncidentDeps {
  database: Database;
  clock: Clock;
  roles: TRoleDirectory;
  messaging: TMessaging;
  zone: string;
  limits: { reportsPerHour: number; repageAfterMinutes: number };
}

export interface TReportIncidentInput {
  report: TReport;
  reporter: TPersonId;
  /** What the front end says identifies this submission (Slack: the view id). */
  submissionKey: string;
  /** Wall-clock ms by which the report must be stored; past it the transaction rolls back instead of committing. */
  deadline?: number;
}

/** The report could not be stored in time (a stalled database): nothing was written. */
export class ReportDeadlineError extends Error {
  constructor() {
    super("the report could not be stored in time; rolled back");
  }
}

export type TReportIncidentResult =
  { outcome: "created"; incident: Incident } | { outcome: "repeated"; incident: Incident } | { outcome: "rate_limited" };

export async function reportIncident(deps: TReportIncidentDeps, input: TReportIncidentInput): Promise<TReportIncidentResult> {
  const { prisma } = deps.database;
  try {
    return await prisma.$transaction(
      async (tx) => {
        const result = await createIncident(tx, deps, input);
        // Too late for the person waiting on the form: roll back rather than store what they were told failed.
        if (input.deadline !== undefined && Date.now() > input.deadline) throw new ReportDeadlineError();
        return result;
      },
      // A database that does not answer gets a clear "try again" in the form, not a silent write later.
      input.deadline !== undefined ? { maxWait: Math.max(100, input.deadline - Date.now()), timeout: Math.max(500, input.deadline - Date.now() + 500) } : undefined,
    );
  } catch (error) {
    // The same form submitted twice at once: the other submission won.
    if (isUniqueViolation(error)) {
      const winner = await prisma.incident.findUnique({ where: { submissionKey: input.submissionKey } });
      if (winner) return { outcome: "repeated", incident: winner };
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

async function createIncident(
  tx: TDbTransaction,
  deps: TReportIncidentDeps,
  input: TReportIncidentInput,
): Promise<TReportIncidentResult> {
  const repeated = await tx.incident.findUnique({ where: { submissionKey: input.submissionKey } });
  if (repeated) return { outcome: "repeated", incident: repeated };
  const now = deps.clock.now();
  const recent = await tx.incident.count({
    where: { reporterId: input.reporter, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
  });
  if (recent >= deps.limits.reportsPerHour) return { outcome: "rate_limited" };

  const { report } = input;
  const year = localYear(now, deps.zone);
  const reference = formatIncidentReference(year, await nextReferenceSequence(tx, year));
  // Awareness is the discovery time until a privacy officer corrects it.
  const awarenessAt = report.discoveredAt;
  const incident = await tx.incident.create({
    data: {
      reference,
      submissionKey: input.submissionKey,
      reporterId: input.reporter,
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
      createdAt: now,
    },
  });
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: input.reporter,
    kind: "reported",
    details: { reference, system: report.system, dataKinds: report.dataKinds, peopleAffected: report.peopleAffected },
  });
  const about = { incidentId: incident.id };
  await enqueueMessages(tx, deps.messaging, [
    {
      kind: INCIDENT_POST_KIND,
      target: toChannel("dpo"),
      key: messageKeys.incidentPost(incident.id),
      payload: about,
      incidentId: incident.id,
      notBefore: now,
    },
    ...deps.roles.dpos.map((dpo) => ({
      kind: INCIDENT_PAGE_KIND,
      target: toPerson(dpo),
      key: messageKeys.incidentPage(incident.id, dpo),
      payload: { ...about, person: dpo },
      incidentId: incident.id,
      notBefore: now,
    })),
    { kind: REPORT_RECEIPT_KIND, target: toPerson(input.reporter), payload: about, incidentId: incident.id, notBefore: now },
  ]);
  // The 72-hour countdown and the re-page, durable from the first moment.
  await scheduleIncidentCountdown(tx, incident, now, { afterMinutes: deps.limits.repageAfterMinutes });
  return { outcome: "created", incident };
}
