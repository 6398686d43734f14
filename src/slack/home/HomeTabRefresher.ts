// Publishes the App Home tabs that overview_refresh_request asks for, of
// the people who opened theirs (homeTabViewers.ts).
// Claims rows by deleting them (FOR UPDATE SKIP LOCKED, so replicas split
// the work and never publish the same request twice); a publish that fails
// for a while is asked again, one that fails for good is dropped (the tab is
// published again at the next change or visit).
import type { Logger } from "pino";
import { PollingWorker } from "../../core/jobs/PollingWorker.ts";
import { OVERVIEW_AUDIENCE_OVERSEERS } from "../../core/incidents/requestOverviewRefresh.ts";
import { overseers } from "../../core/people/roles.ts";
import { classifySlackFailure } from "../delivery/classifySlackFailure.ts";
import { slackUserOf } from "../identity.ts";
import type { HomeTabViewers } from "./homeTabViewers.ts";
import { publishHomeTab, type THomeTabDeps } from "./publishHomeTab.ts";

const BATCH = 20;
/**
 * How long a change waits for others before the tabs are refreshed: a
 * burst of reports gives a few refreshes a second, not one per report, and
 * a person sees the change well within a second.
 */
export const HOME_REFRESH_DELAY_MS = 300;

export class HomeTabRefresher {
  private readonly loop: PollingWorker;
  private soon: NodeJS.Timeout | undefined;

  constructor(private readonly deps: THomeTabDeps & { logger: Logger; viewers: HomeTabViewers }) {
    this.loop = new PollingWorker({
      name: "home-tabs",
      batchSize: BATCH,
      drainedWhenShort: true,
      logger: deps.logger,
      round: () => this.round(),
    });
  }

  /** The Slack users a refresh target stands for: one person, or all privacy officers, administrators and management. */
  private usersOf(target: string): string[] {
    const people = target === OVERVIEW_AUDIENCE_OVERSEERS ? overseers(this.deps.roles) : [target];
    return people.map(slackUserOf).filter((user): user is string => user !== undefined);
  }

  private async round(): Promise<number> {
    const { prisma } = this.deps.database;
    const claimed = await this.deps.database.sql.$queryRaw<{ target: string; requested_at: Date }[]>`
      DELETE FROM overview_refresh_request WHERE target IN (
        SELECT target FROM overview_refresh_request ORDER BY requested_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING target, requested_at`;
    // Only tabs someone opened are kept up to date; the rest are fresh when opened.
    const viewers = await this.deps.viewers.recentOf(
      [...new Set(claimed.flatMap((row) => this.usersOf(row.target)))],
      this.deps.clock.now(),
    );
    for (const row of claimed) {
      try {
        for (const user of this.usersOf(row.target)) if (viewers.has(user)) await publishHomeTab(this.deps, user);
      } catch (error) {
        if (classifySlackFailure(error).kind === "permanent") {
          this.deps.logger.warn({ error: (error as Error).message }, "App Home refresh failed permanently; dropped");
          continue;
        }
        this.deps.logger.warn({ error: (error as Error).message }, "App Home refresh failed; asked again");
        await prisma.overviewRefreshRequest.createMany({
          data: [{ target: row.target, requestedAt: row.requested_at }],
          skipDuplicates: true,
        });
      }
    }
    return claimed.length;
  }

  kick(): Promise<number> {
    return this.loop.kick();
  }

  /** A refresh after HOME_REFRESH_DELAY_MS, shared by every change until then. */
  kickSoon(): void {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      void this.kick();
    }, HOME_REFRESH_DELAY_MS);
    this.soon.unref();
  }

  start(intervalMs: number): void {
    this.loop.start(intervalMs);
  }

  stop(): Promise<void> {
    clearTimeout(this.soon);
    this.soon = undefined;
    return this.loop.stop();
  }
}
