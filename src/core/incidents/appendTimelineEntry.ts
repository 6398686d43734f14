// The one way to record who did what and when on an incident. Every
// service calls this inside its transaction, so the record and the change
// it describes are written together.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
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
}

export async function appendTimelineEntry(tx: TDbTransaction, entry: TTimelineEntryInput): Promise<void> {
  const details = entry.details ?? {};
  const created = await tx.timelineEntry.create({
    data: { incidentId: entry.incidentId, at: entry.at, actorId: entry.actorId, kind: entry.kind, details },
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
