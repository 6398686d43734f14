// Parked messages (a permanent Slack error: a revoked token, a channel the
// bot is not in) wait until the cause is fixed; this puts them back in the
// outbox. Used by `datalek outbox retry`, the administrator's Home tab
// button, and the setup monitor once a channel problem is gone.
import type { Database } from "../storage/openDatabase.ts";

export interface TRequeueFilter {
  /** Only these outbox ids. */
  ids?: bigint[];
  /** Only messages parked with one of these Slack errors (e.g. not_in_channel). */
  errors?: string[];
}

export async function requeueParkedMessages(database: Database, now: Date, filter: TRequeueFilter = {}): Promise<number> {
  const result = await database.prisma.outboxMessage.updateMany({
    where: {
      status: "failed",
      ...(filter.ids ? { id: { in: filter.ids } } : {}),
      ...(filter.errors ? { OR: filter.errors.map((error) => ({ lastError: { contains: error } })) } : {}),
    },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, leasedUntil: null },
  });
  return result.count;
}
