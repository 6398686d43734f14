// The initial AP notification is recorded with the decision ap_notified
// (incident.apReference). It is mirrored into the history of AP
// notifications as sequence 0, idempotently, so follow-ups and the drafts
// see one history. Call it inside the transaction that records the
// decision, or before reading or extending the history.
import type { Incident } from "../../storage/generated/client.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";

export async function mirrorInitialApNotification(
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
