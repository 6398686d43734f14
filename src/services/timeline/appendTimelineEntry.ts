// The one way to record who did what and when on an incident. Every
// service calls this inside its transaction, so the record and the change
// it describes are written together.
import type { Prisma } from "../../storage/generated/client.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";

export interface TTimelineEntryInput {
  incidentId: string;
  at: Date;
  actorId: string;
  /** What happened, e.g. reported, taken, take_refused, answer, decision. */
  kind: string;
  details?: Prisma.InputJsonValue;
}

export async function appendTimelineEntry(tx: TDbTransaction, entry: TTimelineEntryInput): Promise<void> {
  await tx.timelineEntry.create({
    data: { incidentId: entry.incidentId, at: entry.at, actorId: entry.actorId, kind: entry.kind, details: entry.details ?? {} },
  });
}
