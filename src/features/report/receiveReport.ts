// The first step of a report, before the reporter is answered: one
// statement stores it (with its reference, after the duplicate check and
// the per-person limit) together with the durable job that registers it,
// so the answer never waits on more than one round trip and a report that
// was answered is never lost. registerReport does the rest just after.
import { computeNotificationDeadline } from "../../core/time/deadlines.ts";
import { localYear } from "../../core/time/formatLocal.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { encryptText } from "../../core/security/fieldCipher.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { TSql } from "../../core/storage/sql.ts";
import { isUniqueViolation } from "../../core/storage/transaction.ts";
import type { Clock } from "../../core/time/clock.ts";
import type { TReport } from "./reportInput.ts";
import { REGISTRATION_GRACE_SECONDS, REPORT_JOB_KINDS, registerJobKey } from "./reportJobKinds.ts";

export interface TReceiveReportDeps {
  database: Database;
  clock: Clock;
  zone: string;
  limits: { reportsPerHour: number };
}

export interface TReceiveReportInput {
  report: TReport;
  reporter: TPersonId;
  /** What the front end says identifies this submission (Slack: the view id). */
  submissionKey: string;
  /** Wall-clock ms by which the report must be stored; past it nothing is stored. */
  deadline?: number;
}

/** What the reporter is shown at once. */
export interface TReceivedIncident {
  id: string;
  reference: string;
  deadlineAt: Date;
}

export type TReceiveReportResult =
  | { outcome: "created"; incident: TReceivedIncident }
  | { outcome: "repeated"; incident: TReceivedIncident }
  | { outcome: "rate_limited" };

/** The report could not be stored in time (a stalled database): nothing was written. */
export class ReportDeadlineError extends Error {
  constructor() {
    super("the report could not be stored in time; rolled back");
  }
}

interface TIntakeRow {
  outcome: "created" | "repeated" | "rate_limited";
  id: string | null;
  reference: string | null;
  deadline_at: Date | null;
}

export async function receiveReport(deps: TReceiveReportDeps, input: TReceiveReportInput): Promise<TReceiveReportResult> {
  const { database } = deps;
  const { report } = input;
  const now = deps.clock.now();
  const year = localYear(now, deps.zone);
  // Awareness is the discovery time until a privacy officer corrects it.
  const awarenessAt = report.discoveredAt;
  const deadlineAt = computeNotificationDeadline(awarenessAt);
  // Encrypted at rest as the database client encrypts every other write (this statement bypasses it).
  const keyRing = deps.database.keyRing;
  const whatHappened = keyRing ? encryptText(keyRing, report.whatHappened) : report.whatHappened;
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const registrationDueAt = new Date(now.getTime() + REGISTRATION_GRACE_SECONDS * 1000);
  const store = (sql: TSql) => sql.$queryRaw<TIntakeRow[]>`
    WITH existing AS (
      SELECT id, reference, deadline_at FROM incident WHERE submission_key = ${input.submissionKey}
    ),
    allowed AS (
      SELECT 1 AS yes WHERE NOT EXISTS (SELECT 1 FROM existing)
        AND (SELECT count(*) FROM incident WHERE reporter_id = ${input.reporter} AND created_at > ${hourAgo})
          < ${deps.limits.reportsPerHour}
    ),
    counter AS (
      INSERT INTO reference_counter (year, last) SELECT ${year}, 1 FROM allowed
      ON CONFLICT (year) DO UPDATE SET last = reference_counter.last + 1
      RETURNING last
    ),
    created AS (
      INSERT INTO incident (id, reference, submission_key, reporter_id, what_happened, discovered_at, occurred_at,
        awareness_at, deadline_at, system, data_kinds, people_affected, stopped, recipient, created_at)
      SELECT gen_random_uuid(),
        'DL-' || ${year}::int || '-' || CASE WHEN counter.last < 10000 THEN lpad(counter.last::text, 4, '0') ELSE counter.last::text END,
        ${input.submissionKey}, ${input.reporter}, ${whatHappened}, ${report.discoveredAt}::timestamptz,
        ${report.occurredAt ?? null}::timestamptz, ${awarenessAt}::timestamptz, ${deadlineAt}::timestamptz, ${report.system},
        ${report.dataKinds}::text[], ${report.peopleAffected}::int, ${report.stopped}, ${report.recipient}, ${now}::timestamptz
      FROM counter
      RETURNING id, reference, deadline_at
    ),
    registration AS (
      INSERT INTO scheduled_job (kind, dedupe_key, payload, incident_id, due_at, created_at)
      SELECT ${REPORT_JOB_KINDS.register}, ${registerJobKey("")} || created.id::text, '{}'::jsonb, created.id,
        ${registrationDueAt}::timestamptz, ${now}::timestamptz
      FROM created
    )
    SELECT 'created' AS outcome, id::text AS id, reference, deadline_at FROM created
    UNION ALL SELECT 'repeated', id::text, reference, deadline_at FROM existing
    UNION ALL SELECT 'rate_limited', NULL, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM existing) AND NOT EXISTS (SELECT 1 FROM allowed)`;

  let rows: TIntakeRow[];
  try {
    // On the driver, not through Prisma: every report comes this way (issue 14).
    rows =
      input.deadline === undefined
        ? await store(database.sql)
        : await database.sqlTransaction(
            async (tx) => {
              const stored = await store(tx);
              // Too late for the person waiting on the form: roll back rather than store what they were told failed.
              if (Date.now() > input.deadline!) throw new ReportDeadlineError();
              return stored;
            },
            // A database that does not answer gets a clear "try again" in the form, not a silent write later.
            { deadline: input.deadline },
          );
  } catch (error) {
    // The same form submitted twice at once: the other submission won.
    if (isUniqueViolation(error)) {
      const winner = await database.prisma.incident.findUnique({
        where: { submissionKey: input.submissionKey },
        select: { id: true, reference: true, deadlineAt: true },
      });
      if (winner) return { outcome: "repeated", incident: winner };
    }
    throw error;
  }
  const row = rows[0];
  if (!row) throw new Error("storing the report returned nothing");
  if (row.outcome === "rate_limited") return { outcome: "rate_limited" };
  return { outcome: row.outcome, incident: { id: row.id!, reference: row.reference!, deadlineAt: row.deadline_at! } };
}
