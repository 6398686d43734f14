// Shows again, from the current records, every keyed message whose key
// starts with a prefix (every reminder of one measure, every copy of one
// request): each is updated in place, on the platform and for the reader it
// went to. Used when a click settles what those messages asked, so no stale
// button stays behind, wherever the click came from.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";

export interface TKeyedUpdate {
  /** Keys that start with this (end it with a separator: "measure:<id>:"). */
  keyPrefix: string;
  now: Date;
  /** Show them as this kind with this payload; absent: as they were first sent. */
  as?: { kind: string; payload: Prisma.InputJsonValue };
}

export async function updateKeyedMessages(tx: TDbTransaction, update: TKeyedUpdate): Promise<number> {
  const rows = await tx.outboxMessage.findMany({
    where: { messageKey: { startsWith: update.keyPrefix } },
    orderBy: { id: "asc" },
    select: { platform: true, kind: true, target: true, messageKey: true, payload: true, incidentId: true },
  });
  // The first row of each key on each platform says where it went.
  const first = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const id = `${row.platform}\u0000${row.messageKey}`;
    if (!first.has(id)) first.set(id, row);
  }
  if (first.size === 0) return 0;
  const created = await tx.outboxMessage.createMany({
    data: [...first.values()].map((row) => ({
      platform: row.platform,
      kind: update.as?.kind ?? row.kind,
      target: row.target as Prisma.InputJsonValue,
      messageKey: row.messageKey,
      payload: update.as?.payload ?? (row.payload as Prisma.InputJsonValue),
      incidentId: row.incidentId,
      nextAttemptAt: update.now,
    })),
  });
  return created.count;
}
