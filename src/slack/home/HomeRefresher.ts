// Publishes the App Home tabs that home_refresh_request asks for. Claims
// rows by deleting them (FOR UPDATE SKIP LOCKED, so replicas split the work
// and never publish the same request twice); a publish that fails is asked
// again, unless a newer request already took its place.
import type { WebClient } from "@slack/web-api";
import type { TBotContext } from "../../app/botContext.ts";
import { classifySlackFailure } from "../delivery/classifySlackFailure.ts";
import { homeRefreshUsers, publishHome } from "./publishHome.ts";

const BATCH = 20;

export class HomeRefresher {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly context: TBotContext,
    private readonly client: WebClient,
  ) {}

  private async round(): Promise<number> {
    const { prisma } = this.context.database;
    const claimed = await prisma.$queryRaw<{ target: string; requested_at: Date }[]>`
      DELETE FROM home_refresh_request WHERE target IN (
        SELECT target FROM home_refresh_request ORDER BY requested_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING target, requested_at`;
    for (const row of claimed) {
      try {
        for (const userId of homeRefreshUsers(this.context, row.target)) await publishHome(this.context, this.client, userId);
      } catch (error) {
        // A permanent error (a revoked token) does not heal by asking again
        // every tick; the tab is published again at the next change or visit.
        if (classifySlackFailure(error).kind === "permanent") {
          this.context.logger.warn({ error: (error as Error).message }, "App Home refresh failed permanently; dropped");
          continue;
        }
        this.context.logger.warn({ error: (error as Error).message }, "App Home refresh failed; asked again");
        await prisma.homeRefreshRequest.createMany({
          data: [{ target: row.target, requestedAt: row.requested_at }],
          skipDuplicates: true,
        });
      }
    }
    return claimed.length;
  }

  /** Runs a round soon; rounds never overlap. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          if ((await this.round()) >= BATCH) this.again = true;
        } while (this.again && !this.stopped);
      } catch (error) {
        this.context.logger.error({ error: (error as Error).message }, "App Home refresh round failed");
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  start(intervalMs: number): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
