// Work a front end started for a request and finishes after answering it
// (a report is registered after the reporter saw the reference). Counted,
// so that stopping waits for it, and a test can wait for the bot to be done
// with a request rather than for a guessed moment.
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work`, counting it until it settles; its outcome is passed on. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const settled = () => this.running.delete(work);
    work.then(settled, settled);
    return work;
  }

  /** Resolves once nothing is running (also work started meanwhile), or after `timeoutMs`. */
  async idle(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < until) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.running]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, Math.max(0, until - Date.now()));
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    }
  }

  get size(): number {
    return this.running.size;
  }
}
