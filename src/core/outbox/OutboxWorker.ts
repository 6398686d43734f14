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
// Exactly once: a delivery marks its row "attempted" just before it calls
// the platform, and the mark is cleared when the outcome is recorded. A row
// claimed with the mark still set was interrupted after a call that may have
// reached the platform; the delivery is told so and looks for the message
// (which carries the row's id) before sending it again.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Clock } from "../time/clock.ts";
import type { Database } from "../storage/openDatabase.ts";
import { PollingWorker } from "../jobs/PollingWorker.ts";
import { ZTarget, type TTarget } from "./target.ts";

export interface TClaimedOutboxMessage {
  id: bigint;
  platform: string;
  kind: string;
  target: TTarget;
  key: string | null;
  payload: unknown;
  incidentId: string | null;
  attempts: number;
  /** Set when an earlier attempt was interrupted after calling the platform: look before sending again. */
  interruptedAttemptAt: Date | null;
}

export type TDeliveryOutcome =
  | { status: "delivered"; result?: unknown }
  /** Not deliverable yet (it waits for another message); not a failure. */
  | { status: "wait"; retryInSeconds: number };

export type TDeliveryFailure =
  | { kind: "rate_limited"; retryAfterSeconds: number; message: string }
  | { kind: "transient"; message: string }
  | { kind: "permanent"; message: string };

export interface TDeliveryHooks {
  /** Call just before a call to the platform that could post something: marks the row as attempted. */
  beforeSend(): Promise<void>;
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
  attempted_at: Date | null;
}

export class OutboxWorker {
  private readonly loop: PollingWorker;
  /** This worker's name on the rows it holds. */
  private readonly holder = randomUUID();

  constructor(private readonly options: TOutboxWorkerOptions) {
    this.loop = new PollingWorker({
      name: `outbox:${options.platform}`,
      round: () => this.deliverDue(),
      batchSize: options.batchSize ?? 20,
      logger: options.logger,
    });
  }

  private leaseUntil(): Date {
    return new Date(Date.now() + (this.options.leaseSeconds ?? OUTBOX_LEASE_SECONDS) * 1000);
  }

  /** Delivers what is due now; returns how many messages were handled. */
  async deliverDue(): Promise<number> {
    const { database, clock, batchSize = 20, platform } = this.options;
    const now = clock.now();
    // Leases are wall-clock time: they are about processes dying, not about the bot's (test) clock.
    const claimed = await database.prisma.$queryRaw<TClaimedRow[]>`
      UPDATE outbox_message SET leased_until = ${this.leaseUntil()}, claimed_by = ${this.holder}, attempts = attempts + 1
      WHERE id IN (
        SELECT candidate.id FROM outbox_message candidate
        WHERE candidate.platform = ${platform} AND candidate.status = 'pending' AND candidate.next_attempt_at <= ${now}
          AND (candidate.leased_until IS NULL OR candidate.leased_until <= now())
          AND NOT EXISTS (
            SELECT 1 FROM outbox_message earlier
            WHERE earlier.incident_id = candidate.incident_id AND earlier.status = 'pending' AND earlier.id < candidate.id)
        ORDER BY candidate.next_attempt_at, candidate.id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, target, message_key, payload, incident_id, attempts, attempted_at`;
    if (claimed.length === 0) return 0;
    claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
    const renewal = setInterval(
      () =>
        void this.renewLeases().catch((error: Error) =>
          this.options.logger.warn({ error: error.message }, "renewing outbox leases failed"),
        ),
      ((this.options.leaseSeconds ?? OUTBOX_LEASE_SECONDS) * 1000) / 3,
    );
    renewal.unref();
    try {
      for (const row of claimed) {
        try {
          await this.deliverOne(toMessage(row, platform));
        } catch (error) {
          // Recording the outcome failed (the database went away): the row
          // is released if possible, else its lease runs out; the rest of
          // the batch is still tried.
          this.options.logger.error(
            { outboxId: String(row.id), error: (error as Error).message },
            "recording an outbox delivery failed; the message will be tried again",
          );
          await this.release(row.id).catch(() => undefined);
        }
      }
    } finally {
      clearInterval(renewal);
    }
    return claimed.length;
  }

  private async release(id: bigint): Promise<void> {
    await this.options.database.prisma.outboxMessage.updateMany({
      where: { id, claimedBy: this.holder, status: "pending" },
      data: { leasedUntil: null, claimedBy: null },
    });
  }

  private async renewLeases(): Promise<void> {
    await this.options.database.prisma.outboxMessage.updateMany({
      where: { claimedBy: this.holder, status: "pending", leasedUntil: { not: null } },
      data: { leasedUntil: this.leaseUntil() },
    });
  }

  private async deliverOne(message: TClaimedOutboxMessage): Promise<void> {
    const { database, clock, logger, deliver, classifyFailure } = this.options;
    const outbox = database.prisma.outboxMessage;
    // Only the holder of the lease may record the outcome: a worker whose lease ran out (another took over) records nothing.
    const mine = { id: message.id, claimedBy: this.holder };
    const hooks: TDeliveryHooks = {
      beforeSend: async () => {
        // Wall-clock time, as the platform stamps its messages: the look-up after a crash searches from here.
        const marked = await outbox.updateMany({ where: mine, data: { attemptedAt: new Date() } });
        if (marked.count === 0) throw new LeaseLostError();
      },
    };
    try {
      const outcome = await deliver(message, hooks);
      if (outcome.status === "delivered") {
        await outbox.updateMany({
          where: mine,
          data: {
            status: "delivered",
            deliveredAt: clock.now(),
            leasedUntil: null,
            claimedBy: null,
            attemptedAt: null,
            lastError: null,
            result: (outcome.result ?? {}) as object,
          },
        });
      } else {
        await outbox.updateMany({
          where: mine,
          data: {
            leasedUntil: null,
            claimedBy: null,
            attempts: { decrement: 1 },
            nextAttemptAt: new Date(clock.now().getTime() + outcome.retryInSeconds * 1000),
          },
        });
      }
    } catch (error) {
      if (error instanceof LeaseLostError) {
        logger.warn({ outboxId: String(message.id) }, "outbox lease lost to another worker; not sent");
        return;
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
      await outbox.updateMany({
        where: mine,
        data: {
          status: park ? "failed" : "pending",
          leasedUntil: null,
          claimedBy: null,
          // A refusal by the platform means nothing was sent; a transient failure (a timeout) may have been after the call.
          ...(failure.kind === "transient" ? {} : { attemptedAt: null }),
          // A rate limit is not the message's fault: it does not count as an attempt.
          ...(failure.kind === "rate_limited" ? { attempts: { decrement: 1 } } : {}),
          lastError: failure.message.slice(0, 500),
          nextAttemptAt: new Date(clock.now().getTime() + delay * 1000),
        },
      });
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
    interruptedAttemptAt: row.attempted_at,
  };
}
