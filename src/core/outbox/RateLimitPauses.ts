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

export class RateLimitPauses {
  constructor(
    private readonly platform: string,
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** Throws RateLimitedError while `method` is paused. */
  async check(method: string): Promise<void> {
    const pause = await this.database.prisma.rateLimitPause.findUnique({
      where: { platform_method: { platform: this.platform, method } },
    });
    const waitMs = pause ? pause.until.getTime() - this.clock.now().getTime() : 0;
    if (waitMs > 0) throw new RateLimitedError(method, Math.ceil(waitMs / 1000));
  }

  /** The platform asked to wait `seconds` before calling `method` again. */
  async pause(method: string, seconds: number): Promise<void> {
    const until = new Date(this.clock.now().getTime() + seconds * 1000);
    await this.database.prisma.rateLimitPause.upsert({
      where: { platform_method: { platform: this.platform, method } },
      create: { platform: this.platform, method, until },
      update: { until },
    });
  }
}
