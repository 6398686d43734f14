// The one way to record who did what and when on an incident. Every
// service calls this inside its transaction, so the record and the change
// it describes are written together.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
import { deferredWrites, isSqlTransaction, type TSqlTransaction } from "../storage/sql.ts";
import { encryptJson } from "../security/fieldCipher.ts";
import { canonicalJson, sha256Hex } from "../audit/auditHash.ts";
import { recordAuditEvent } from "../audit/recordAuditEvent.ts";
import { requestOverviewRefresh } from "./requestOverviewRefresh.ts";
import type { TTimelineKind } from "./timelineKinds.ts";

export interface TTimelineEntryInput {
  incidentId: string;
  at: Date;
  /** A person id, or BOT_ACTOR / CLI_ACTOR. */
  actorId: string;
  /** What happened: one of the closed set, so that every kind has a label a person can read. */
  kind: TTimelineKind;
  details?: Prisma.InputJsonValue;
  /**
   * An id taken from the table's sequence beforehand, with a read the
   * caller makes anyway (`nextval(pg_get_serial_sequence('timeline_entry',
   * 'id'))`): on the driver the entry is then a deferred write
   * (deferredWrites), not a statement of its own. Ignored on Prisma.
   */
  reservedId?: bigint;
}

export async function appendTimelineEntry(tx: TDbTransaction | TSqlTransaction, entry: TTimelineEntryInput): Promise<void> {
  const details = entry.details ?? {};
  const created = isSqlTransaction(tx)
    ? await insertTimelineEntry(tx, entry, details)
    : await tx.timelineEntry.create({
        data: { incidentId: entry.incidentId, at: entry.at, actorId: entry.actorId, kind: entry.kind, details },
        // Only the id: the details come back encrypted and would be decrypted for nothing.
        select: { id: true },
      });
  // Every timeline entry is also in the tamper-evident audit trail; its
  // details (which may hold free text) only as a digest.
  await recordAuditEvent(tx, {
    at: entry.at,
    actorId: entry.actorId,
    action: entry.kind,
    incidentId: entry.incidentId,
    details: { timelineEntryId: String(created.id), detailsDigest: sha256Hex(canonicalJson(details)) },
  });
  // The overviews of the people concerned show the change (debounced per person).
  await requestOverviewRefresh(tx, entry.incidentId, entry.at);
}

/** On the driver (a report's registration): the details encrypted here, as the client's extension would. */
async function insertTimelineEntry(
  tx: TSqlTransaction,
  entry: TTimelineEntryInput,
  details: Prisma.InputJsonValue,
): Promise<{ id: bigint }> {
  const stored = tx.keyRing ? encryptJson(tx.keyRing, details) : details;
  if (entry.reservedId !== undefined) {
    await deferredWrites(tx).$executeRaw`
      INSERT INTO timeline_entry (id, incident_id, at, actor_id, kind, details)
      VALUES (${entry.reservedId}::bigint, ${entry.incidentId}::uuid, ${entry.at}::timestamptz, ${entry.actorId}, ${entry.kind}, ${JSON.stringify(stored)}::jsonb)`;
    return { id: entry.reservedId };
  }
  const [created] = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO timeline_entry (incident_id, at, actor_id, kind, details)
    VALUES (${entry.incidentId}::uuid, ${entry.at}::timestamptz, ${entry.actorId}, ${entry.kind}, ${JSON.stringify(stored)}::jsonb)
    RETURNING id`;
  return created!;
}
