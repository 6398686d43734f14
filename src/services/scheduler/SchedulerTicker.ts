// node-cron only ticks; the truth about what is due lives in scheduled_job.
// Ticks never overlap within one process; across processes the row locks
// keep them apart.
import cron, { type ScheduledTask } from "node-cron";
import type { TBotContext } from "../../app/botContext.ts";
import { runDueJobs, type TJobHandlers } from "./runDueJobs.ts";

export class SchedulerTicker {
  private task: ScheduledTask | undefined;
  private running: Promise<void> | undefined;
  /** A tick asked for while one runs: that run started with an older "now". */
  private again = false;

  constructor(
    private readonly context: TBotContext,
    private readonly handlers: TJobHandlers,
  ) {}

  /**
   * Runs due jobs until none are left. A call during a run makes that run
   * go round once more (with a fresh "now") before it resolves: the run in
   * progress read the clock before the caller's jobs fell due.
   */
  tick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          // A full batch means more may be due.
          for (let round = 0; round < 100; round++) {
            const { done, skipped } = await runDueJobs(this.context, { handlers: this.handlers });
            if (done + skipped < 50) break;
          }
        } while (this.again);
      } catch (error) {
        this.context.logger.error({ error: (error as Error).message }, "scheduler tick failed");
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  start(tickSeconds: number): void {
    this.task = cron.schedule(`*/${tickSeconds} * * * * *`, () => void this.tick(), { noOverlap: true });
    void this.tick();
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.running;
  }
}
