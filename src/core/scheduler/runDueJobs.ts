// One scheduler tick: claim what is due with FOR UPDATE SKIP LOCKED, run
// each job's handler (which writes its messages to the outbox), and mark it
// done, all in one transaction. Another instance skips the locked rows; a
// crash rolls everything back and the rows are claimed again later. So every
// job takes effect exactly once.
//
// Lock order: an incident before its jobs, as the incident actions do (they
// lock the incident, then cancel its pending jobs). So a job of an incident
// is claimed only after a share lock on the incident: an action under way
// finishes first and the handler sees its outcome (a taken incident is not
// re-paged), and the two never wait on each other in a circle.
import type { Logger } from "pino";
import type { Clock } from "../time/clock.ts";
import type { ScheduledJob } from "../storage/generated/client.ts";
import type { Database } from "../storage/openDatabase.ts";
import type { TDbTransaction } from "../storage/transaction.ts";

export interface TJobRun {
  job: ScheduledJob;
  now: Date;
  /** Due more than the grace period ago (the bot was down or behind). */
  late: boolean;
}

export type TJobOutcome =
  | { status: "done"; outcome?: Record<string, unknown> }
  /** Nothing to do any more (e.g. the incident was decided meanwhile). */
  | { status: "skipped"; reason: string };

/** A job's handler, writing its messages to the outbox inside the tick's transaction. */
export type TJobHandler = (tx: TDbTransaction, run: TJobRun) => Promise<TJobOutcome>;
export type TJobHandlers = Readonly<Record<string, TJobHandler>>;

/** A job is "late" when it runs more than this after its due time. */
export const LATE_AFTER_SECONDS = 60;

export interface TRunDueJobsOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  handlers: TJobHandlers;
  batchSize?: number;
}

export const JOB_BATCH_SIZE = 50;

export async function runDueJobs(options: TRunDueJobsOptions): Promise<{ done: number; skipped: number }> {
  const { database, clock, logger } = options;
  const now = clock.now();
  const batchSize = options.batchSize ?? JOB_BATCH_SIZE;
  const counts = { done: 0, skipped: 0 };
  await database.prisma.$transaction(
    async (tx) => {
      // Candidates without locks; each is claimed below in lock order.
      const candidates = await tx.scheduledJob.findMany({
        where: { status: "pending", dueAt: { lte: now } },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: batchSize,
      });
      const jobs: ScheduledJob[] = [];
      for (const candidate of candidates) {
        if (await claimJob(tx, candidate)) jobs.push(candidate);
      }
      for (const job of jobs) {
        const late = now.getTime() - job.dueAt.getTime() > LATE_AFTER_SECONDS * 1000;
        let result: TJobOutcome;
        if (job.series && (await isOvertaken(tx, job, now))) {
          result = { status: "skipped", reason: "overtaken" };
        } else {
          const handler = options.handlers[job.kind];
          result = handler ? await handler(tx, { job, now, late }) : { status: "skipped", reason: `no handler for ${job.kind}` };
        }
        await tx.scheduledJob.update({
          where: { id: job.id },
          data: {
            status: result.status,
            doneAt: now,
            late,
            attempts: { increment: 1 },
            outcome: result.status === "done" ? ((result.outcome ?? {}) as object) : { reason: result.reason },
          },
        });
        counts[result.status === "done" ? "done" : "skipped"] += 1;
        logger.debug({ jobId: String(job.id), kind: job.kind, status: result.status, late }, "scheduled job ran");
      }
    },
    { timeout: 30_000 },
  );
  return counts;
}

/** Share-locks the job's incident, then the job itself unless another tick holds it or it is no longer pending. */
async function claimJob(tx: TDbTransaction, job: ScheduledJob): Promise<boolean> {
  if (job.incidentId) await tx.$queryRaw`SELECT 1 FROM incident WHERE id = ${job.incidentId}::uuid FOR SHARE`;
  const claimed = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM scheduled_job WHERE id = ${job.id} AND status = 'pending' FOR UPDATE SKIP LOCKED`;
  return claimed.length === 1;
}

/** A later job of the same series is also due: only the latest still speaks. */
async function isOvertaken(tx: TDbTransaction, job: ScheduledJob, now: Date): Promise<boolean> {
  const later = await tx.scheduledJob.findFirst({
    where: { series: job.series, status: "pending", dueAt: { gt: job.dueAt, lte: now } },
    select: { id: true },
  });
  return later !== null;
}
