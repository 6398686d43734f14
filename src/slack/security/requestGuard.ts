// Replay and retry protection, after Bolt has verified the signature:
// - the same signed request (same timestamp and signature) delivered twice
//   acts once: the second is acknowledged and ignored with a log line;
// - an Events API event is processed once per event_id: Slack's retries of
//   an event that was processed are ignored, a retry of one that failed or
//   never ran is processed.
// Request fingerprints are kept in memory (no database work before the ack);
// event ids in slack_request_seen for SEEN_KEEP_MINUTES, since Slack's
// retries of an event end within an hour and may reach another replica.
import crypto from "node:crypto";
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { BufferedIncomingMessage } from "@slack/bolt";
import type { Logger } from "pino";
import type { Clock } from "../../core/time/clock.ts";
import type { Database } from "../../core/storage/openDatabase.ts";

export const SEEN_KEEP_MINUTES = 120;
const SWEEP_EVERY_MS = 60_000;

/** For HTTPReceiver's customPropertiesExtractor: a fingerprint of the signed request. */
export function requestFingerprint(request: BufferedIncomingMessage): { requestFingerprint?: string } {
  const signature = request.headers["x-slack-signature"];
  const timestamp = request.headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string") return {};
  return { requestFingerprint: crypto.createHash("sha256").update(`${timestamp}:${signature}`).digest("hex") };
}

/**
 * Signed requests seen in the last minutes, in memory: checking them must not
 * cost a database write before the ack (the trigger_id dies in 3 seconds).
 * Bolt refuses timestamps more than five minutes off, so remembering ten
 * minutes catches every replay this process can be sent.
 */
export class RecentRequests {
  private readonly seenAt = new Map<string, number>();
  constructor(private readonly keepMs = 10 * 60_000) {}

  /** True the first time a fingerprint is offered within the window. */
  claim(fingerprint: string, nowMs = Date.now()): boolean {
    if (this.seenAt.size > 1000) {
      for (const [key, at] of this.seenAt) if (nowMs - at > this.keepMs) this.seenAt.delete(key);
    }
    const at = this.seenAt.get(fingerprint);
    if (at !== undefined && nowMs - at <= this.keepMs) return false;
    this.seenAt.set(fingerprint, nowMs);
    return true;
  }
}

export function requestGuard(context: { database: Database; clock: Clock; logger: Logger }): Middleware<AnyMiddlewareArgs> {
  const seen = context.database.prisma.slackRequestSeen;
  const recentRequests = new RecentRequests();
  let lastSweep = 0;

  /** True when the key was not seen before (and is now recorded). */
  const claim = async (key: string): Promise<boolean> => {
    const now = context.clock.now();
    if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = Date.now();
      await seen.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - SEEN_KEEP_MINUTES * 60_000) } } });
    }
    const created = await seen.createMany({ data: [{ key, seenAt: now }], skipDuplicates: true });
    return created.count === 1;
  };
  /** A failed check must not refuse a report when the database hiccups: the signature was verified. */
  const claimOrAssumeFresh = async (key: string): Promise<boolean> => {
    try {
      return await claim(key);
    } catch (error) {
      context.logger.warn({ error: (error as Error).message }, "replay check unavailable; request handled");
      return true;
    }
  };

  return async (args) => {
    const fingerprint = (args.context as { requestFingerprint?: unknown }).requestFingerprint;
    if (typeof fingerprint === "string" && !recentRequests.claim(fingerprint)) {
      context.logger.warn({ fingerprint: fingerprint.slice(0, 16) }, "replayed Slack request ignored");
      const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    const body = args.body as { type?: unknown; event_id?: unknown };
    if (body.type === "event_callback" && typeof body.event_id === "string" && body.event_id.length <= 100) {
      const key = `event:${body.event_id}`;
      if (!(await claimOrAssumeFresh(key))) {
        context.logger.info(
          { eventId: body.event_id, retryNum: args.context.retryNum },
          "event already processed; retry ignored",
        );
        return;
      }
      try {
        await args.next();
      } catch (error) {
        // Not processed: let Slack's retry of this event run it again.
        await seen.deleteMany({ where: { key } }).catch(() => undefined);
        throw error;
      }
      return;
    }
    await args.next();
  };
}
