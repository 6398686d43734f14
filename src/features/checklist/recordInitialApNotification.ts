// The decision "notified to the AP" is also the first entry in the history
// of AP notifications (sequence 0, with the AP's reference), so follow-ups
// and the drafts see one history. Written in the decision's transaction;
// idempotent.
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";

export async function recordInitialApNotification(
  tx: TDbTransaction,
  incident: Pick<Incident, "id" | "decision" | "apReference" | "decidedAt" | "decidedBy">,
  now: Date,
): Promise<boolean> {
  if (incident.decision !== "ap_notified" || !incident.apReference) return false;
  const created = await tx.apNotification.createMany({
    data: [
      {
        incidentId: incident.id,
        sequence: 0,
        kind: "initial",
        apReference: incident.apReference,
        notifiedAt: incident.decidedAt ?? now,
        recordedBy: incident.decidedBy ?? "unknown",
        recordedAt: now,
      },
    ],
    skipDuplicates: true,
  });
  return created.count > 0;
}
