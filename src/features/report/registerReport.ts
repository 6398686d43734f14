// The second step of a report, just after the reporter was answered: the
// first timeline entry, the messages to the DPO channel, each privacy
// officer and the reporter, and the countdown, in one transaction that also
// marks the report registered and its safety-net job done. Run at once by
// the front end after answering, and by the report.register job when the
// process died in between; whichever comes second finds nothing to do.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { enqueueMessages, type TMessaging } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import type { TJobOutcome, TJobRun } from "../../core/scheduler/runDueJobs.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { deferredWrites, type TSqlTransaction } from "../../core/storage/sql.ts";
import { scheduleIncidentCountdown } from "../countdown/scheduleIncidentCountdown.ts";
import { incidentPostAndPages } from "../paging/incidentPostAndPages.ts";
import { REPORT_RECEIPT_KIND } from "./reportMessages.ts";
import { registerJobKey } from "./reportJobKinds.ts";

export interface TRegisterReportDeps {
  database: Database;
  roles: TRoleDirectory;
  messaging: TMessaging;
  limits: { repageAfterMinutes: number };
}

interface TUnregistered {
  id: string;
  reference: string;
  reporter_id: string;
  system: string;
  data_kinds: string[];
  people_affected: number;
  deadline_at: Date;
  created_at: Date;
  timeline_entry_id: bigint;
}

/** Registers the report inside `tx`; false when it was registered already. */
export async function registerReportIn(
  tx: TDbTransaction | TSqlTransaction,
  deps: TRegisterReportDeps,
  incidentId: string,
): Promise<boolean> {
  // Locked, so the job and the front end never both register it; with the
  // id of its first timeline entry, so that entry needs no statement of its own.
  const [incident] = await tx.$queryRaw<TUnregistered[]>`
    SELECT id::text AS id, reference, reporter_id, system, data_kinds, people_affected, deadline_at, created_at,
      nextval(pg_get_serial_sequence('timeline_entry', 'id')) AS timeline_entry_id
    FROM incident WHERE id = ${incidentId}::uuid AND registered_at IS NULL FOR UPDATE`;
  if (!incident) return false;
  // Everything happens at the moment of the report, whenever it is registered.
  const at = incident.created_at;
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at,
    actorId: incident.reporter_id,
    kind: "reported",
    reservedId: incident.timeline_entry_id,
    details: {
      reference: incident.reference,
      system: incident.system,
      dataKinds: incident.data_kinds,
      peopleAffected: incident.people_affected,
    },
  });
  // What follows needs no answer: on the driver it goes to the database
  // with the transaction's next statement (deferredWrites), not one by one.
  const writes = deferredWrites(tx);
  await enqueueMessages(writes, deps.messaging, [
    ...incidentPostAndPages(incident.id, deps.roles.dpos, at),
    {
      kind: REPORT_RECEIPT_KIND,
      target: toPerson(incident.reporter_id),
      payload: { incidentId: incident.id },
      incidentId: incident.id,
      notBefore: at,
    },
  ]);
  // The 72-hour countdown and the re-page.
  await scheduleIncidentCountdown(writes, { id: incident.id, deadlineAt: incident.deadline_at }, at, {
    afterMinutes: deps.limits.repageAfterMinutes,
  });
  await writes.$executeRaw`UPDATE incident SET registered_at = ${at} WHERE id = ${incident.id}::uuid`;
  await writes.$executeRaw`
    UPDATE scheduled_job SET status = 'done', done_at = ${at}, attempts = attempts + 1, outcome = '{"registeredBy":"front_end"}'::jsonb
    WHERE dedupe_key = ${registerJobKey(incident.id)} AND status = 'pending'`;
  return true;
}

/** Right after the reporter was answered: registers the report in its own transaction, on the driver (every report comes this way). */
export async function registerReport(deps: TRegisterReportDeps, incidentId: string): Promise<boolean> {
  return deps.database.sqlTransaction((tx) => registerReportIn(tx, deps, incidentId));
}

/** The safety net: a report whose registration did not follow its storing. */
export async function runReportRegistration(deps: TRegisterReportDeps, tx: TDbTransaction, run: TJobRun): Promise<TJobOutcome> {
  if (!run.job.incidentId) return { status: "skipped", reason: "no_incident" };
  // The job row is updated by the scheduler; registerReportIn would mark it too, harmlessly.
  const registered = await registerReportIn(tx, deps, run.job.incidentId);
  return registered ? { status: "done", outcome: { registeredBy: "job" } } : { status: "skipped", reason: "registered" };
}
