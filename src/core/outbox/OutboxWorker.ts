// The outbox worker of one chat platform: claims due messages with a lease
// (a conditional update with FOR UPDATE SKIP LOCKED, so replicas never take
// the same row and a crashed worker's rows come back when the lease ends),
// hands each to the platform's delivery, and records the outcome. Failures
// retry with back-off; a platform's Retry-After is honoured; a permanent
// error parks the message until an administrator fixes the cause.
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
}

export type TDeliveryOutcome =
  | { status: "delivered"; result?: unknown }
  /** Not deliverable yet (it waits for another message); not a failure. */
  | { status: "wait"; retryInSeconds: number };

export type TDeliveryFailure =
  | { kind: "rate_limited"; retryAfterSeconds: number; message: string }
  | { kind: "transient"; message: string }
  | { kind: "permanent"; message: string };

export type TDeliver = (message: TClaimedOutboxMessage) => Promise<TDeliveryOutcome>;
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
  leaseSeconds?: number;
  /** Told of every failed delivery (metrics). */
  onFailure?: (message: TClaimedOutboxMessage, failure: TDeliveryFailure) => void;
  /** Told when a message is parked after a permanent error (metrics, health). */
  onParked?: (message: TClaimedOutboxMessage, failure: TDeliveryFailure) => void;
}

const MAX_BACKOFF_SECONDS = 600;

export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, attempts - 1));
}

export class OutboxWorker {
  private readonly loop: PollingWorker;

  constructor(private readonly options: TOutboxWorkerOptions) {
    this.loop = new PollingWorker({
      name: `outbox:${options.platform}`,
      round: () => this.deliverDue(),
      batchSize: options.batchSize ?? 20,
      logger: options.logger,
    });
  }

  /** Delivers what is due now; returns how many messages were handled. */
  async deliverDue(): Promise<number> {
    const { database, clock, batchSize = 20, leaseSeconds = 120 } = this.options;
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
    const platform = this.options.platform;
    const claimed = await database.prisma.$queryRaw<
      {
        id: bigint;
        kind: string;
        target: unknown;
        message_key: string | null;
        payload: unknown;
        incident_id: string | null;
        attempts: number;
      }[]
    >`
      UPDATE outbox_message SET leased_until = ${leaseUntil}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM outbox_message
        WHERE platform = ${platform} AND status = 'pending' AND next_attempt_at <= ${now}
          AND (leased_until IS NULL OR leased_until <= ${now})
        ORDER BY next_attempt_at, id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, target, message_key, payload, incident_id, attempts`;
    claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
    const holder = randomUUID();
    for (const row of claimed) {
      const target = ZTarget.safeParse(row.target);
      const message: TClaimedOutboxMessage = {
        id: row.id,
        platform,
        kind: row.kind,
        // A row whose target does not parse cannot be delivered: it is parked below.
        target: target.success ? target.data : { to: "legacy" },
        key: row.message_key,
        payload: row.payload,
        incidentId: row.incident_id,
        attempts: row.attempts,
      };
      if (message.incidentId && !(await this.leaseIncident(message.incidentId, holder, now, leaseUntil))) {
        // Another worker is delivering a message about this incident: hand
        // this one back, untried, for the next round.
        await database.prisma.outboxMessage.updateMany({
          where: { id: message.id, leasedUntil: leaseUntil },
          data: { leasedUntil: null, attempts: { decrement: 1 } },
        });
        continue;
      }
      try {
        await this.deliverOne(message, leaseUntil);
      } finally {
        if (message.incidentId) await this.releaseIncident(message.incidentId, holder);
      }
    }
    return claimed.length;
  }

  /** A mutex per incident across workers: an upsert that only wins when the lease is free. */
  private async leaseIncident(incidentId: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const rows = await this.options.database.prisma.$queryRaw<{ incident_id: string }[]>`
      INSERT INTO outbox_incident_lease (incident_id, holder, leased_until)
      VALUES (${incidentId}::uuid, ${holder}, ${until})
      ON CONFLICT (incident_id) DO UPDATE SET holder = EXCLUDED.holder, leased_until = EXCLUDED.leased_until
      WHERE outbox_incident_lease.leased_until <= ${now}
      RETURNING incident_id`;
    return rows.length === 1;
  }

  private async releaseIncident(incidentId: string, holder: string): Promise<void> {
    await this.options.database.prisma.outboxIncidentLease.updateMany({
      where: { incidentId, holder },
      data: { leasedUntil: new Date(0) },
    });
  }

  private async deliverOne(message: TClaimedOutboxMessage, leaseUntil: Date): Promise<void> {
    const { database, clock, logger, deliver, classifyFailure } = this.options;
    const outbox = database.prisma.outboxMessage;
    // Only the holder of the lease may record the outcome.
    const mine = { id: message.id, leasedUntil: leaseUntil };
    try {
      const outcome = await deliver(message);
      if (outcome.status === "delivered") {
        await outbox.updateMany({
          where: mine,
          data: {
            status: "delivered",
            deliveredAt: clock.now(),
            leasedUntil: null,
            lastError: null,
            result: (outcome.result ?? {}) as object,
          },
        });
      } else {
        await outbox.updateMany({
          where: mine,
          data: {
            leasedUntil: null,
            attempts: { decrement: 1 },
            nextAttemptAt: new Date(clock.now().getTime() + outcome.retryInSeconds * 1000),
          },
        });
      }
    } catch (error) {
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
        logger.error(
          fields,
          "outbox message parked after a permanent Slack error; fix the cause, then: npx datalek outbox retry",
        );
      else logger.warn(fields, "outbox delivery failed; will retry");
      if (park) this.options.onParked?.(message, failure);
      await outbox.updateMany({
        where: mine,
        data: {
          status: park ? "failed" : "pending",
          leasedUntil: null,
          lastError: failure.message.slice(0, 500),
          nextAttemptAt: new Date(clock.now().getTime() + delay * 1000),
        },
      });
    }
  }

  /** Runs a delivery round soon; rounds never overlap. */
  kick(): Promise<number> {
    return this.loop.kick();
  }

  start(intervalMs: number): void {
    this.loop.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
