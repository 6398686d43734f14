// The one loop behind every background worker (the outbox, the scheduler,
// the overview refresher): a round claims what is due from the database and
// handles it; rounds never overlap; a round that found work goes round again
// at once (handling an item can make the next one due, e.g. the next message
// of an incident); a kick during a round makes it go round once more with a
// fresh "now". The
// tick only wakes it: what is due lives in the database, so a restart or a
// second replica neither loses nor repeats work.
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";

export interface TPollingWorkerOptions {
  name: string;
  /** Handles what is due now; returns how many items it took. */
  round: () => Promise<number>;
  /** How many items a round takes at most (any round that found work is followed by another, unless drainedWhenShort). */
  batchSize: number;
  /**
   * The round's claim is a plain LIMIT batchSize: a round that took fewer
   * found everything that was due, so no round follows it unless kicked.
   */
  drainedWhenShort?: boolean;
  logger: Logger;
}

export class PollingWorker {
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private task: ScheduledTask | undefined;

  constructor(private readonly options: TPollingWorkerOptions) {}

  /** Runs rounds until nothing more is due; concurrent calls share the run. */
  kick(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let handled = 0;
      try {
        // A bound, so a worker that keeps finding work still yields now and then.
        for (let rounds = 0; rounds < 1000 && !this.stopped; rounds++) {
          this.again = false;
          const count = await this.options.round();
          handled += count;
          const drained = count === 0 || (this.options.drainedWhenShort === true && count < this.options.batchSize);
          if (drained && !this.again) break;
        }
      } catch (error) {
        this.options.logger.error({ worker: this.options.name, error: (error as Error).message }, "worker round failed");
      } finally {
        this.running = undefined;
      }
      return handled;
    })();
    return this.running;
  }

  /** Ticks every `intervalMs`: node-cron for whole seconds, a timer below a second (tests). */
  start(intervalMs: number): void {
    this.stopped = false;
    const seconds = intervalMs / 1000;
    if (Number.isInteger(seconds) && seconds >= 1 && seconds <= 59) {
      this.task = cron.schedule(`*/${seconds} * * * * *`, () => void this.kick(), { noOverlap: true });
    } else {
      this.timer = setInterval(() => void this.kick(), intervalMs);
      this.timer.unref();
    }
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.task?.stop();
    await this.running;
  }
}
