// The scheduler: what is due lives in scheduled_job; the worker loop only
// wakes it. Each round runs due jobs in one transaction (see runDueJobs) and
// wakes the outbox when they wrote messages.
import type { Logger } from "pino";
import { PollingWorker } from "../jobs/PollingWorker.ts";
import type { Clock } from "../time/clock.ts";
import type { Database } from "../storage/openDatabase.ts";
import { JOB_BATCH_SIZE, runDueJobs, type TJobHandlers } from "./runDueJobs.ts";

export interface TSchedulerWorkerOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  handlers: TJobHandlers;
  /** Called after a round that did work: its messages wait in the outbox. */
  onDone: () => void;
}

export class SchedulerWorker {
  private readonly loop: PollingWorker;

  constructor(options: TSchedulerWorkerOptions) {
    this.loop = new PollingWorker({
      name: "scheduler",
      batchSize: JOB_BATCH_SIZE,
      logger: options.logger,
      round: async () => {
        const { done, skipped } = await runDueJobs(options);
        if (done > 0) options.onDone();
        return done + skipped;
      },
    });
  }

  /** Runs what is due now (and whatever falls due meanwhile); resolves when done. */
  tick(): Promise<number> {
    return this.loop.kick();
  }

  start(tickSeconds: number): void {
    this.loop.start(tickSeconds * 1000);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
