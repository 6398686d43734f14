// The one way to append to the audit trail, inside the caller's
// transaction. appendTimelineEntry calls it for everything that lands in a
// timeline; call it directly for events without a timeline entry (details
// viewed, export, refusals, settings changes). Appends are serialised with
// a transaction-scoped advisory lock, so the chain has one order even with
// several bot instances on one server.
// Details: ids, kinds, counts and digests only; never free text.
import type { Prisma } from "../storage/generated/client.ts";
import { sendDeferredWrites, type TSql } from "../storage/sql.ts";
import type { TCommitTail } from "../storage/commitTail.ts";
import { auditEntryHead, GENESIS_HASH } from "./auditHash.ts";

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

export async function recordAuditEvent(tx: TSql, event: TAuditEventInput): Promise<void> {
  // In a transaction of the database: queued, and appended last (below).
  const pending = pendingByTransaction.get(tx);
  if (pending) {
    pending.push(event);
    return;
  }
  // Called with the root client: the lock and the append need one transaction.
  const root = tx as TSql & { $transaction?: (work: (inner: TSql) => Promise<void>) => Promise<void> };
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
    if (queue && queue.length > 0) await appendInTransaction(tx as TSql, queue);
  },
};

async function appendInTransaction(tx: TSql, events: readonly TAuditEventInput[]): Promise<void> {
  // Nothing may wait on another transaction while the chain's lock is held
  // (two could wait on each other): writes still queued go before it.
  await sendDeferredWrites(tx);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY}::bigint)`;
  // Raw statements: every report appends here, and the trail has no
  // encrypted field. One statement after the lock (a statement of its own,
  // so it sees what the lock's previous holder committed): the database
  // chains the rows from its last hash, sha256 over each row's canonical
  // text (auditEntryHead, then the previous hash), in the array's order,
  // which is the order of their seq.
  const rows = events.map((event) => {
    const details = (event.details ?? {}) as Prisma.InputJsonValue;
    const incidentId = event.incidentId ?? null;
    return {
      at: event.at,
      actor_id: event.actorId,
      action: event.action,
      incident_id: incidentId,
      details,
      head: auditEntryHead({ at: event.at, actorId: event.actorId, action: event.action, incidentId, details }),
    };
  });
  await tx.$executeRaw`
    WITH RECURSIVE input AS (
      SELECT * FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS (at timestamptz, actor_id text, action text, incident_id uuid, details jsonb, head text))
        WITH ORDINALITY AS row(at, actor_id, action, incident_id, details, head, position)),
    chain (position, prev_hash, hash) AS (
      SELECT input.position, last.hash, encode(sha256(convert_to(input.head || last.hash || '"}', 'UTF8')), 'hex')
      FROM input, (SELECT coalesce((SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1), ${GENESIS_HASH}) AS hash) AS last
      WHERE input.position = 1
      UNION ALL
      SELECT input.position, chain.hash, encode(sha256(convert_to(input.head || chain.hash || '"}', 'UTF8')), 'hex')
      FROM chain JOIN input ON input.position = chain.position + 1)
    INSERT INTO audit_entry (at, actor_id, action, incident_id, details, prev_hash, hash)
    SELECT input.at, input.actor_id, input.action, input.incident_id, input.details, chain.prev_hash, chain.hash
    FROM input JOIN chain ON chain.position = input.position
    ORDER BY input.position`;
}
