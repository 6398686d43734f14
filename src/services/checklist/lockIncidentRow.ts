// Serialises the checklist's writes per incident: two answers clicked at
// once must not each recompute the assessment without the other's answer,
// and an answer must not slip in beside the decision.
import type { TDbTransaction } from "../../storage/transaction.ts";

export async function lockIncidentRow(tx: TDbTransaction, incidentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM incident WHERE id = ${incidentId}::uuid FOR UPDATE`;
}
