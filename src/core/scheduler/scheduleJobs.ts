// Puts work on the schedule, inside the caller's transaction. The dedupe
// key makes scheduling idempotent: the same reminder is never queued twice.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
import type { TSql } from "../storage/sql.ts";

export interface TScheduleJobInput {
  kind: string;
  dedupeKey: string;
  dueAt: Date;
  payload?: Prisma.InputJsonValue;
  incidentId?: string;
  series?: string;
}

export async function scheduleJobs(tx: TSql, jobs: TScheduleJobInput[]): Promise<number> {
  if (jobs.length === 0) return 0;
  // One raw statement (the rows as one JSON parameter): scheduling is on
  // every report's path, and a typed createMany costs the ORM's query building.
  const rows = jobs.map((job) => ({
    kind: job.kind,
    dedupe_key: job.dedupeKey,
    due_at: job.dueAt,
    payload: job.payload ?? {},
    incident_id: job.incidentId ?? null,
    series: job.series ?? null,
  }));
  return tx.$executeRaw`
    INSERT INTO scheduled_job (kind, dedupe_key, series, payload, incident_id, due_at, status, attempts, late)
    SELECT row.kind, row.dedupe_key, row.series, row.payload, row.incident_id, row.due_at, 'pending', 0, false
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS (kind text, dedupe_key text, series text, payload jsonb, incident_id uuid, due_at timestamptz))
      WITH ORDINALITY AS row(kind, dedupe_key, series, payload, incident_id, due_at, position)
    ORDER BY row.position
    ON CONFLICT DO NOTHING`;
}

/** Cancels pending jobs, e.g. a countdown when the decision is recorded. */
export async function cancelPendingJobs(
  tx: TDbTransaction,
  where: { incidentId?: string; series?: string; kinds?: string[] },
  now: Date,
): Promise<number> {
  const cancelled = await tx.scheduledJob.updateMany({
    where: {
      status: "pending",
      ...(where.incidentId ? { incidentId: where.incidentId } : {}),
      ...(where.series ? { series: where.series } : {}),
      ...(where.kinds ? { kind: { in: where.kinds } } : {}),
    },
    data: { status: "cancelled", doneAt: now },
  });
  return cancelled.count;
}
