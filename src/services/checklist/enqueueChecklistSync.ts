// Asks the outbox to bring the thread's checklist and assessment messages up
// to date. The messages are rendered from the database at delivery, so one
// request after any number of changes shows the latest state.
import type { TDbTransaction } from "../../storage/transaction.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";

export async function enqueueChecklistSync(tx: TDbTransaction, incidentId: string, now: Date): Promise<void> {
  await enqueueOutboxMessages(tx, [{ kind: OUTBOX_KINDS.checklistSync, payload: { incidentId }, incidentId, notBefore: now }]);
}
