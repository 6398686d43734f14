// Watches the Slack setup while the bot runs: at start and every hour (and
// when the bot is added to a channel) it checks that it is a member of the
// DPO and management channels. A channel it cannot post in is logged with
// what to type, shown as "degraded" on /healthz and in a metric, and told to
// the privacy officers by direct message (DMs work without channel
// membership), once per problem and day. When the problem is gone, the
// messages parked because of it are put back in the outbox.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Clock } from "../../core/time/clock.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { requeueParkedMessages } from "../../core/outbox/requeueParkedMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { SLACK_PLATFORM } from "../identity.ts";
import { SETUP_PROBLEM_KIND } from "./setupProblemMessage.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import {
  channelProblemLine,
  checkChannelMembership,
  type TChannelCheck,
  type TCheckedChannel,
} from "./checkChannelMembership.ts";
import type { TTokenCheck } from "./checkSlackToken.ts";

export const SETUP_CHECK_INTERVAL_MS = 60 * 60_000;
/** When Slack did not answer a check, it is asked again this soon rather than in an hour. */
const RECHECK_AFTER_UNKNOWN_MS = 60_000;
/** A problem that lasts is told to the privacy officers again after this long. */
const RENOTIFY_AFTER_MS = 24 * 60 * 60_000;
/** Slack errors of messages that a channel problem parked; they go out again once it is fixed. */
const CHANNEL_ERRORS = ["not_in_channel", "channel_not_found", "is_archived"];

export interface THealthReason {
  code: "not_in_channel" | "channel_not_found" | "channel_archived" | "slack_unreachable" | "parked_messages";
  message: string;
  setting?: string;
  channel?: string;
  count?: number;
}

export interface TSlackSetupMonitorOptions {
  client: WebClient;
  database: Database;
  clock: Clock;
  logger: Logger;
  channels: TCheckedChannel[];
  /** The privacy officers, told by direct message. */
  dpos: readonly TPersonId[];
  /** Told after every check (metrics). */
  onChecked?: (checks: TChannelCheck[]) => void;
  /** Wakes the outbox after DMs or re-queued messages were written. */
  wakeOutbox: () => void;
}

export class SlackSetupMonitor {
  private readonly checks = new Map<string, TChannelCheck>();
  private token: TTokenCheck | undefined;
  private timer: NodeJS.Timeout | undefined;
  private recheck: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: TSlackSetupMonitorOptions) {}

  /** The result of auth.test at start; "unreachable" makes /healthz degraded until a later check reaches Slack. */
  setTokenCheck(check: TTokenCheck): void {
    this.token = check;
  }

  /** Why the bot cannot do all its work right now (empty: all is well). */
  reasons(): THealthReason[] {
    const reasons: THealthReason[] = [];
    if (this.token?.state === "unreachable")
      reasons.push({ code: "slack_unreachable", message: `Slack could not be reached at start (${this.token.error})` });
    for (const check of this.checks.values()) {
      const code =
        check.state === "not_member"
          ? "not_in_channel"
          : check.state === "not_found"
            ? "channel_not_found"
            : check.state === "archived"
              ? "channel_archived"
              : undefined;
      if (code) reasons.push({ code, message: channelProblemLine(check), setting: check.setting, channel: check.channelId });
    }
    return reasons;
  }

  /** Runs the checks now; concurrent calls share one run. */
  checkNow(): Promise<void> {
    this.running ??= this.runChecks().finally(() => (this.running = undefined));
    return this.running;
  }

  start(intervalMs = SETUP_CHECK_INTERVAL_MS): void {
    this.timer = setInterval(() => void this.checkNow(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.recheck) clearTimeout(this.recheck);
    await this.running;
  }

  private async runChecks(): Promise<void> {
    const { client, logger, channels } = this.options;
    // The same channel may be named by two settings; check each setting.
    const results = await Promise.all(channels.map((channel) => checkChannelMembership(client, channel)));
    if (results.some((check) => check.state === "unknown") && !this.stopped) {
      if (this.recheck) clearTimeout(this.recheck);
      this.recheck = setTimeout(() => void this.checkNow(), RECHECK_AFTER_UNKNOWN_MS);
      this.recheck.unref();
    }
    for (const check of results) {
      const previous = this.checks.get(check.setting);
      if (check.state === "unknown") {
        // Slack did not answer: keep what we knew.
        logger.warn({ setting: check.setting, error: check.error }, "could not check a channel's membership");
        continue;
      }
      if (this.token?.state === "unreachable") this.token = undefined;
      this.checks.set(check.setting, check);
      try {
        if (check.state === "member") {
          if (previous && previous.state !== "member") logger.info({ setting: check.setting }, "channel usable again");
          await this.resolve(check);
        } else {
          logger.error({ setting: check.setting, channel: check.channelId, state: check.state }, channelProblemLine(check));
          await this.report(check);
        }
      } catch (error) {
        logger.error({ error: (error as Error).message }, "recording a Slack setup problem failed");
      }
    }
    this.options.onChecked?.([...this.checks.values()]);
  }

  /** Records the problem; tells the privacy officers when it is new, came back, or was last told a day ago. */
  private async report(check: TChannelCheck): Promise<void> {
    const { database, clock, dpos } = this.options;
    const now = clock.now();
    const key = `channel:${check.setting}`;
    const told = await database.prisma.$transaction(async (tx) => {
      const existing = await tx.setupProblem.findUnique({ where: { key } });
      const due =
        !existing ||
        existing.resolvedAt !== null ||
        !existing.notifiedAt ||
        now.getTime() - existing.notifiedAt.getTime() >= RENOTIFY_AFTER_MS;
      if (!due) return false;
      const details = { setting: check.setting, channelId: check.channelId, state: check.state, name: check.name ?? null };
      await tx.setupProblem.upsert({
        where: { key },
        create: { key, detectedAt: now, notifiedAt: now, details },
        update: { notifiedAt: now, resolvedAt: null, details, ...(existing?.resolvedAt ? { detectedAt: now } : {}) },
      });
      await enqueueMessages(
        tx,
        { platforms: [SLACK_PLATFORM] },
        dpos.map((dpo) => ({ kind: SETUP_PROBLEM_KIND, target: toPerson(dpo), payload: details, notBefore: now })),
      );
      return true;
    });
    if (told) this.options.wakeOutbox();
  }

  private async resolve(check: TChannelCheck): Promise<void> {
    const { database, clock, logger } = this.options;
    const resolved = await database.prisma.setupProblem.updateMany({
      where: { key: `channel:${check.setting}`, resolvedAt: null },
      data: { resolvedAt: clock.now() },
    });
    if (resolved.count === 0) return;
    const requeued = await requeueParkedMessages(database, clock.now(), { errors: CHANNEL_ERRORS });
    logger.info({ setting: check.setting, requeued }, "channel problem solved; parked messages put back in the outbox");
    if (requeued > 0) this.options.wakeOutbox();
  }
}
