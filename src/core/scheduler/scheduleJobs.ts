// Puts work on the schedule, inside the caller's transaction. The dedupe
// key makes scheduling idempotent: the same reminder is never queued twice.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";

export interface TScheduleJobInput {
  kind: string;
  dedupeKey: string;
  dueAt: Date;
  payload?: Prisma.InputJsonValue;
  incidentId?: string;
  series?: string;
}

export async function scheduleJobs(tx: TDbTransaction, jobs: TScheduleJobInput[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const created = await tx.scheduledJob.createMany({
    data: jobs.map((job) => ({
      kind: job.kind,
      dedupeKey: job.dedupeKey,
      dueAt: job.dueAt,
      payload: job.payload ?? {},
      incidentId: job.incidentId ?? null,
      series: job.series ?? null,
    })),
    skipDuplicates: true,
  });
  return created.count;
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
