// The outbox worker of one chat platform. It claims due messages (FOR UPDATE
// SKIP LOCKED, so replicas never take the same row) with a short lease in
// its own name, renewed while it works, so a worker that dies releases its
// rows within seconds and a worker whose lease ran out cannot record an
// outcome any more. Only the earliest pending message of an incident can be
// claimed, so an incident's messages go out in order, one at a time, across
// replicas. Each is handed to the platform's delivery; failures retry with
// back-off, a platform's Retry-After is honoured, and a permanent error
// parks the message until an administrator fixes the cause.
//
// Exactly once: a claim marks its rows "attempted" (the mark is cleared when
// the outcome is recorded). A row claimed with the mark still set was
// interrupted after a call that may have reached the platform; the delivery
// is told so and looks for the message (which carries the row's id) before
// sending it again. Just before each call the worker checks that its lease
// still holds (in memory: it knows when it last renewed), so a worker that
// stalled past its lease sends nothing.
//
// Cheap per message: a claim takes the first pending message of an incident
// and the due ones behind it (its chain), so a report's post, pages and
// receipt go out in one round, in order; the round's deliveries are recorded
// together in one statement at its end (with where keyed messages went: a
// delivered row keeps its "attempted" mark until then, so a crash before it
// is an interrupted attempt like any other), failures one statement each;
// where keyed messages went before comes with the claim; the deliveries of a
// round share what they read (TDeliveryHooks.round).
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Clock } from "../time/clock.ts";
import type { Database } from "../storage/openDatabase.ts";
import { PollingWorker } from "../jobs/PollingWorker.ts";
import { ZTarget, type TTarget } from "./target.ts";
import { postedRoundKey, ROUND_INCIDENT_IDS } from "./postedMessages.ts";
import type { OutboxMessage } from "../storage/generated/client.ts";

export interface TClaimedOutboxMessage {
  id: bigint;
  platform: string;
  kind: string;
  target: TTarget;
  key: string | null;
  payload: unknown;
  incidentId: string | null;
  attempts: number;
  /** When the row was written: with the id, what tells this message apart from any other (ids restart in a restored or new database). */
  createdAt: Date;
  /** Set when an earlier attempt was interrupted after calling the platform: look before sending again. */
  interruptedAttemptAt: Date | null;
}

export type TDeliveryOutcome =
  /** `posted`: where a keyed message went (a platform ref), recorded with the outcome in one statement. */
  | { status: "delivered"; result?: unknown; posted?: string }
  /** Not deliverable yet (it waits for another message); not a failure. */
  | { status: "wait"; retryInSeconds: number };

export type TDeliveryFailure =
  | { kind: "rate_limited"; retryAfterSeconds: number; message: string }
  | { kind: "transient"; message: string }
  | { kind: "permanent"; message: string };

export interface TDeliveryHooks {
  /** Call just before a call to the platform that could post something: refuses when this worker's lease ran out. */
  beforeSend(): Promise<void>;
  /** Shared by the deliveries of one round (what they read: incidents, where keyed messages went); gone after it. */
  round: Map<string, unknown>;
}

export type TDeliver = (message: TClaimedOutboxMessage, hooks: TDeliveryHooks) => Promise<TDeliveryOutcome>;
export type TClassifyFailure = (error: unknown) => TDeliveryFailure;

export interface TOutboxWorkerOptions {
  /** The platform whose messages this worker delivers. */
  platform: string;
  database: Database;
  clock: Clock;
  logger: Logger;
  deliver: TDeliver;
  classifyFailure: TClassifyFailure;
  batchSize?: number;
  /** How long a claim holds without renewal; renewed every third of it while the batch is delivered. */
  leaseSeconds?: number;
  /** Told of every failed delivery (metrics). */
  onFailure?: (message: TClaimedOutboxMessage, failure: TDeliveryFailure) => void;
  /** Told when a message is parked after a permanent error (metrics, health). */
  onParked?: (message: TClaimedOutboxMessage, failure: TDeliveryFailure) => void;
}

const MAX_BACKOFF_SECONDS = 600;
/** Short, so a dead worker's rows are taken over within seconds; renewed every third of it while a worker delivers. */
export const OUTBOX_LEASE_SECONDS = 10;

/** How much sooner than the database this worker counts its lease as ended. */
const LEASE_MARGIN_MS = 2000;
/** A delivery of this round, recorded with the others at its end. */
interface TDelivered {
  id: bigint;
  key: string | null;
  /** Where a keyed message went (a platform ref). */
  posted: string | null;
  result: unknown;
  at: Date;
}

/** How many messages of one incident a claim takes behind its first. */
const CHAIN_PER_HEAD = 8;

export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, attempts - 1));
}

interface TClaimedRow {
  id: bigint;
  kind: string;
  target: unknown;
  message_key: string | null;
  payload: unknown;
  incident_id: string | null;
  attempts: number;
  created_at: Date;
  /** The mark of the previous attempt, before this claim set its own. */
  previous_attempt_at: Date | null;
  /** Where a message of the same key went on this platform, if one did. */
  posted_ref: string | null;
}

export class OutboxWorker {
  private readonly loop: PollingWorker;
  /** This worker's name on the rows it holds. */
  private readonly holder = randomUUID();
  /** Until when (wall-clock ms, with a margin) this worker's lease on each row it holds is sure to hold. */
  private readonly leaseSureUntil = new Map<bigint, number>();

  constructor(private readonly options: TOutboxWorkerOptions) {
    this.loop = new PollingWorker({
      name: `outbox:${options.platform}`,
      round: () => this.deliverDue(),
      batchSize: options.batchSize ?? 20,
      logger: options.logger,
    });
  }

  private get leaseSeconds(): number {
    return this.options.leaseSeconds ?? OUTBOX_LEASE_SECONDS;
  }

  /**
   * The lease is written in the database's time (now() + lease); this
   * worker counts it from just before it asked, less a margin, so the two
   * clocks never need to agree.
   */
  private noteLeases(ids: readonly bigint[], askedAt: number): void {
    const sureUntil = askedAt + this.leaseSeconds * 1000 - LEASE_MARGIN_MS;
    for (const id of ids) this.leaseSureUntil.set(id, sureUntil);
  }

  /** Delivers what is due now; returns how many messages were handled. */
  async deliverDue(): Promise<number> {
    const { database, clock, batchSize = 20, platform } = this.options;
    const now = clock.now();
    const askedAt = Date.now();
    // Heads: the first pending message of each incident (and every message
    // of no incident), read in index order and only as many as the batch.
    // Followers: the due messages of a head's incident behind it, up to the
    // first that is not due. No other worker can claim a follower: it is not
    // a head while its head is pending. Every look-up is one index probe,
    // whatever the planner knows of the table (a burst leaves tens of
    // thousands of rows before statistics catch up).
    const claimed = await database.sql.$queryRaw<TClaimedRow[]>`
      WITH heads AS (
        SELECT head.id, head.incident_id FROM outbox_message head
        WHERE head.platform = ${platform} AND head.status = 'pending' AND head.next_attempt_at <= ${now}
          AND (head.leased_until IS NULL OR head.leased_until <= now())
          AND (head.incident_id IS NULL OR head.id = (
            SELECT first.id FROM outbox_message first
            WHERE first.incident_id = head.incident_id AND first.status = 'pending' AND first.platform = head.platform
            ORDER BY first.id LIMIT 1))
        ORDER BY head.next_attempt_at, head.id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED),
      followers AS (
        SELECT chain.id FROM heads CROSS JOIN LATERAL (
          SELECT behind.id, bool_and(behind.next_attempt_at <= ${now}) OVER (ORDER BY behind.id) AS all_due
          FROM outbox_message behind
          WHERE behind.incident_id = heads.incident_id AND behind.status = 'pending' AND behind.platform = ${platform}
            AND behind.id > heads.id
          ORDER BY behind.id
          LIMIT ${CHAIN_PER_HEAD}) AS chain
        WHERE chain.all_due),
      picked AS (
        SELECT message.id, message.attempted_at, posted.ref AS posted_ref FROM outbox_message message
        LEFT JOIN posted_message posted ON posted.key = message.message_key AND posted.platform = ${platform}
        WHERE message.id IN (SELECT id FROM heads UNION ALL SELECT id FROM followers))
      UPDATE outbox_message SET
        leased_until = now() + make_interval(secs => ${this.leaseSeconds}), claimed_by = ${this.holder},
        attempts = outbox_message.attempts + 1, attempted_at = now()
      FROM picked WHERE outbox_message.id = picked.id
      RETURNING outbox_message.id, outbox_message.kind, outbox_message.target, outbox_message.message_key,
        outbox_message.payload, outbox_message.incident_id, outbox_message.attempts, outbox_message.created_at,
        picked.attempted_at AS previous_attempt_at, picked.posted_ref`;
    if (claimed.length === 0) return 0;
    this.noteLeases(
      claimed.map((row) => row.id),
      askedAt,
    );
    claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
    const renewal = setInterval(
      () =>
        void this.renewLeases().catch((error: Error) =>
          this.options.logger.warn({ error: error.message }, "renewing outbox leases failed"),
        ),
      (this.leaseSeconds * 1000) / 3,
    );
    renewal.unref();
    const round = new Map<string, unknown>();
    // Where each keyed message went before (an update, not a new post), read
    // with the claim instead of once per message.
    for (const row of claimed) if (row.message_key) round.set(postedRoundKey(row.message_key), row.posted_ref ?? undefined);
    // The incidents the round is about, so their first read takes them all at once.
    round.set(ROUND_INCIDENT_IDS, [...new Set(claimed.flatMap((row) => (row.incident_id ? [row.incident_id] : [])))]);
    // An incident whose message was not delivered: the rest of its chain waits, in order.
    const held = new Set<string>();
    const released: TClaimedRow[] = [];
    const delivered: TDelivered[] = [];
    try {
      for (const row of claimed) {
        if (row.incident_id && held.has(row.incident_id)) {
          released.push(row);
          continue;
        }
        let sent = false;
        try {
          sent = await this.deliverOne(toMessage(row, platform), round, delivered);
        } catch (error) {
          // Recording the outcome failed (the database went away): the row
          // is released if possible, else its lease runs out; the rest of
          // the batch is still tried.
          this.options.logger.error(
            { outboxId: String(row.id), error: (error as Error).message },
            "recording an outbox delivery failed; the message will be tried again",
          );
          await this.release([row]).catch(() => undefined);
        }
        if (!sent && row.incident_id) held.add(row.incident_id);
      }
      if (released.length > 0) await this.release(released);
    } finally {
      // Even when the round failed half-way: what was sent is recorded.
      if (delivered.length > 0)
        await this.recordDelivered(delivered).catch((error: Error) =>
          // Not released: the rows keep their "attempted" mark, so whoever claims them next looks before sending.
          this.options.logger.error(
            { outboxIds: delivered.map((row) => String(row.id)), error: error.message },
            "recording outbox deliveries failed; they will be looked for before being sent again",
          ),
        );
      clearInterval(renewal);
      for (const row of claimed) this.leaseSureUntil.delete(row.id);
    }
    return claimed.length;
  }

  /** Gives rows back unsent, as they were before this claim. */
  private async release(rows: readonly TClaimedRow[]): Promise<void> {
    await this.options.database.sql.$executeRaw`
      UPDATE outbox_message SET leased_until = NULL, claimed_by = NULL,
        attempts = outbox_message.attempts - 1, attempted_at = released.previous_attempt_at
      FROM unnest(${rows.map((row) => row.id)}::bigint[], ${rows.map((row) => row.previous_attempt_at)}::timestamptz[])
        AS released(id, previous_attempt_at)
      WHERE outbox_message.id = released.id AND outbox_message.claimed_by = ${this.holder}
        AND outbox_message.status = 'pending'`;
  }

  /** The round's deliveries in one statement, with where keyed messages went; only the holder records them. */
  private async recordDelivered(delivered: readonly TDelivered[]): Promise<void> {
    const { database, clock, platform } = this.options;
    // One row per key (the last place it went): a post and its update may share a round.
    const postedByKey = new Map<string, string>();
    for (const row of delivered) if (row.key && row.posted) postedByKey.set(row.key, row.posted);
    const rows = delivered.map((row) => ({
      id: String(row.id),
      result: row.result ?? {},
      at: row.at.toISOString(),
    }));
    const posted = [...postedByKey].map(([key, ref]) => ({ key, ref }));
    const now = clock.now();
    await database.sql.$executeRaw`
      WITH posted AS (
        INSERT INTO posted_message (key, platform, ref, posted_at, updated_at)
        SELECT key, ${platform}, ref, ${now}, ${now} FROM jsonb_to_recordset(${JSON.stringify(posted)}::jsonb) AS p(key text, ref text)
        ON CONFLICT (key, platform) DO UPDATE SET ref = EXCLUDED.ref, updated_at = EXCLUDED.updated_at)
      UPDATE outbox_message SET status = 'delivered', delivered_at = outcome.at, leased_until = NULL,
        claimed_by = NULL, attempted_at = NULL, last_error = NULL, result = outcome.result
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS outcome(id bigint, result jsonb, at timestamptz)
      WHERE outbox_message.id = outcome.id AND outbox_message.claimed_by = ${this.holder}`;
  }

  private async renewLeases(): Promise<void> {
    const askedAt = Date.now();
    const renewed = await this.options.database.sql.$queryRaw<{ id: bigint }[]>`
      UPDATE outbox_message SET leased_until = now() + make_interval(secs => ${this.leaseSeconds})
      WHERE claimed_by = ${this.holder} AND status = 'pending' AND leased_until IS NOT NULL
      RETURNING id`;
    this.noteLeases(
      renewed.map((row) => row.id),
      askedAt,
    );
  }

  /** Returns whether the message was delivered (so the rest of its incident's chain may follow). */
  private async deliverOne(
    message: TClaimedOutboxMessage,
    round: Map<string, unknown>,
    delivered: TDelivered[],
  ): Promise<boolean> {
    const { database, clock, logger, deliver, classifyFailure } = this.options;
    // Raw statements on the driver; a delivery is recorded with the round's others (recordDelivered).
    const sql = database.sql;
    const hooks: TDeliveryHooks = {
      beforeSend: async () => {
        // Only the holder of a lease may call the platform: past it, another worker may have taken the row over.
        if (Date.now() >= (this.leaseSureUntil.get(message.id) ?? 0)) throw new LeaseLostError();
      },
      round,
    };
    try {
      const outcome = await deliver(message, hooks);
      if (outcome.status === "delivered") {
        const posted = outcome.posted && message.key ? outcome.posted : null;
        delivered.push({ id: message.id, key: message.key, posted, result: outcome.result, at: clock.now() });
        if (posted) round.set(postedRoundKey(message.key!), posted);
        return true;
      }
      await sql.$executeRaw`
        UPDATE outbox_message SET leased_until = NULL, claimed_by = NULL, attempts = attempts - 1,
          attempted_at = ${message.interruptedAttemptAt}::timestamptz,
          next_attempt_at = ${new Date(clock.now().getTime() + outcome.retryInSeconds * 1000)}
        WHERE id = ${message.id} AND claimed_by = ${this.holder}`;
      return false;
    } catch (error) {
      if (error instanceof LeaseLostError) {
        logger.warn({ outboxId: String(message.id) }, "outbox lease lost to another worker; not sent");
        return false;
      }
      const failure = classifyFailure(error);
      this.options.onFailure?.(message, failure);
      // A permanent error (a revoked token, a channel the bot is not in) does
      // not heal by waiting: the message is parked, with its error, until an
      // administrator fixes the cause and re-queues it (datalek outbox retry).
      const park = failure.kind === "permanent";
      const delay = failure.kind === "rate_limited" ? failure.retryAfterSeconds : backoffSeconds(message.attempts);
      const fields = {
        outboxId: String(message.id),
        kind: message.kind,
        attempts: message.attempts,
        failure: failure.kind,
        error: failure.message,
      };
      if (park)
        logger.error(fields, "outbox message parked after a permanent error; fix the cause, then: npx datalek outbox retry");
      else logger.warn(fields, "outbox delivery failed; will retry");
      if (park) this.options.onParked?.(message, failure);
      // A refusal by the platform means nothing was sent (the mark goes back
      // to what it was); a transient failure (a timeout) may have been after the call.
      const attemptedAt = failure.kind === "transient" ? new Date() : message.interruptedAttemptAt;
      await sql.$executeRaw`
        UPDATE outbox_message SET status = ${park ? "failed" : "pending"}, leased_until = NULL, claimed_by = NULL,
          attempted_at = ${attemptedAt}::timestamptz,
          attempts = attempts - ${failure.kind === "rate_limited" ? 1 : 0}::int,
          last_error = ${failure.message.slice(0, 500)},
          next_attempt_at = ${new Date(clock.now().getTime() + delay * 1000)}
        WHERE id = ${message.id} AND claimed_by = ${this.holder}`;
      return false;
    }
  }

  /** Runs delivery rounds until nothing is due; rounds never overlap. */
  kick(): Promise<number> {
    return this.loop.kick();
  }

  start(intervalMs: number): void {
    // The embedded database belongs to one process: whatever a worker of it
    // held when it died is free now, so it is taken at once, not when the lease ends.
    if (this.options.database.kind === "pglite")
      void this.options.database.prisma.outboxMessage
        .updateMany({
          where: { platform: this.options.platform, status: "pending", claimedBy: { not: null } },
          data: { leasedUntil: null, claimedBy: null },
        })
        .catch((error: Error) => this.options.logger.warn({ error: error.message }, "releasing abandoned outbox leases failed"))
        .then(() => this.loop.start(intervalMs));
    else this.loop.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}

class LeaseLostError extends Error {}

function toMessage(row: TClaimedRow, platform: string): TClaimedOutboxMessage {
  const target = ZTarget.safeParse(row.target);
  return {
    id: row.id,
    platform,
    kind: row.kind,
    // A row whose target does not parse cannot be delivered: the delivery refuses it and it is parked.
    target: target.success ? target.data : { to: "legacy" },
    key: row.message_key,
    payload: row.payload,
    incidentId: row.incident_id,
    attempts: row.attempts,
    createdAt: row.created_at,
    interruptedAttemptAt: row.previous_attempt_at,
  };
}

/**
 * A stored outbox row as the message its delivery built, to build it again
 * (a card refreshed for one person, a file asked for later); undefined when
 * its target no longer parses.
 */
export function storedOutboxMessage(row: OutboxMessage): TClaimedOutboxMessage | undefined {
  const target = ZTarget.safeParse(row.target);
  if (!target.success) return undefined;
  return {
    id: row.id,
    platform: row.platform,
    kind: row.kind,
    target: target.data,
    key: row.messageKey,
    payload: row.payload,
    incidentId: row.incidentId,
    attempts: row.attempts,
    createdAt: row.createdAt,
    interruptedAttemptAt: null,
  };
}
