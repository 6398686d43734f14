// The one way to append to the audit trail, inside the caller's
// transaction. appendTimelineEntry calls it for everything that lands in a
// timeline; call it directly for events without a timeline entry (details
// viewed, export, refusals, settings changes). Appends are serialised with
// a transaction-scoped advisory lock, so the chain has one order even with
// several bot instances on one server.
// Details: ids, kinds, counts and digests only; never free text.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
import type { TCommitTail } from "../storage/commitTail.ts";
import { auditEntryHash, GENESIS_HASH } from "./auditHash.ts";

// Any fixed number, different from the migration lock's.
const AUDIT_CHAIN_LOCK_KEY = 727_073_691;

export interface TAuditEventInput {
  at: Date;
  actorId: string;
  action: string;
  incidentId?: string | null;
  details?: Record<string, Prisma.InputJsonValue | null>;
}

/** Audit entries written in a transaction, appended together just before it commits (see deferAuditToCommit). */
const pendingByTransaction = new WeakMap<object, TAuditEventInput[]>();

export async function recordAuditEvent(tx: TDbTransaction, event: TAuditEventInput): Promise<void> {
  // In a transaction of the database: queued, and appended last (below).
  const pending = pendingByTransaction.get(tx);
  if (pending) {
    pending.push(event);
    return;
  }
  // Called with the root client: the lock and the append need one transaction.
  const root = tx as TDbTransaction & { $transaction?: (work: (inner: TDbTransaction) => Promise<void>) => Promise<void> };
  if (typeof root.$transaction === "function") {
    await root.$transaction((inner) => appendInTransaction(inner, [event]));
    return;
  }
  await appendInTransaction(tx, [event]);
}

/** Audit entries are appended together at the end of each transaction (src/core/storage/commitTail.ts). */
export const auditCommitTail: TCommitTail = {
  begin: (tx) => pendingByTransaction.set(tx, []),
  async flush(tx) {
    const queue = pendingByTransaction.get(tx);
    pendingByTransaction.delete(tx);
    if (queue && queue.length > 0) await appendInTransaction(tx as TDbTransaction, queue);
  },
};

async function appendInTransaction(tx: TDbTransaction, events: readonly TAuditEventInput[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY}::bigint)`;
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((event) => {
    const details = (event.details ?? {}) as Prisma.InputJsonValue;
    const incidentId = event.incidentId ?? null;
    const hash = auditEntryHash({ at: event.at, actorId: event.actorId, action: event.action, incidentId, details, prevHash });
    const row = { at: event.at, actorId: event.actorId, action: event.action, incidentId, details, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One statement; the rows get their seq in this order, which is the chain's order.
  await tx.auditEntry.createMany({ data: rows });
}
