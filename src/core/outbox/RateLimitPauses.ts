// A platform's rate limits, shared by every worker of every replica: when
// the platform answers 429 with Retry-After on a method, that method is
// paused (table rate_limit_pause) until the time has passed, so no message
// of any replica calls it meanwhile.
import type { Database } from "../storage/openDatabase.ts";
import type { Clock } from "../time/clock.ts";

export class RateLimitedError extends Error {
  readonly code = "datalek_rate_limited";
  constructor(
    readonly method: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`${method} is paused by a rate limit for ${retryAfterSeconds} s`);
  }
}

/** How long a read of the pauses is trusted (a pause another replica wrote is seen within this). */
const SNAPSHOT_MS = 1000;

export class RateLimitPauses {
  /** The pauses of this platform as last read: method -> until (the bot's clock, ms). */
  private snapshot: Map<string, number> | undefined;
  private readAt = 0;

  constructor(
    private readonly platform: string,
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  private async pauses(): Promise<Map<string, number>> {
    // One read per second for all methods, not one per call.
    if (this.snapshot && Date.now() - this.readAt < SNAPSHOT_MS) return this.snapshot;
    const rows = await this.database.prisma.rateLimitPause.findMany({ where: { platform: this.platform } });
    this.snapshot = new Map(rows.map((row) => [row.method, row.until.getTime()]));
    this.readAt = Date.now();
    return this.snapshot;
  }

  /** Throws RateLimitedError while `method` is paused. */
  async check(method: string): Promise<void> {
    const until = (await this.pauses()).get(method);
    const waitMs = until === undefined ? 0 : until - this.clock.now().getTime();
    if (waitMs > 0) throw new RateLimitedError(method, Math.ceil(waitMs / 1000));
  }

  /** The platform asked to wait `seconds` before calling `method` again. */
  async pause(method: string, seconds: number): Promise<void> {
    const until = new Date(this.clock.now().getTime() + seconds * 1000);
    this.snapshot?.set(method, until.getTime());
    await this.database.prisma.rateLimitPause.upsert({
      where: { platform_method: { platform: this.platform, method } },
      create: { platform: this.platform, method, until },
      update: { until },
    });
  }
}
