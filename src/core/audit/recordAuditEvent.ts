// The one way to append to the audit trail, inside the caller's
// transaction. appendTimelineEntry calls it for everything that lands in a
// timeline; call it directly for events without a timeline entry (details
// viewed, export, refusals, settings changes). Appends are serialised with
// a transaction-scoped advisory lock, so the chain has one order even with
// several bot instances on one server.
// Details: ids, kinds, counts and digests only; never free text.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
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

export async function recordAuditEvent(tx: TDbTransaction, event: TAuditEventInput): Promise<void> {
  // Called with the root client: the lock and the append need one transaction.
  const root = tx as TDbTransaction & { $transaction?: (work: (inner: TDbTransaction) => Promise<void>) => Promise<void> };
  if (typeof root.$transaction === "function") {
    await root.$transaction((inner) => appendInTransaction(inner, event));
    return;
  }
  await appendInTransaction(tx, event);
}

async function appendInTransaction(tx: TDbTransaction, event: TAuditEventInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY}::bigint)`;
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const details = (event.details ?? {}) as Prisma.InputJsonValue;
  const incidentId = event.incidentId ?? null;
  const hash = auditEntryHash({ at: event.at, actorId: event.actorId, action: event.action, incidentId, details, prevHash });
  await tx.auditEntry.create({
    data: { at: event.at, actorId: event.actorId, action: event.action, incidentId, details, prevHash, hash },
  });
}
