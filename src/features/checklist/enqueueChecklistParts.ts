// Asks the outbox to post or update parts of the checklist in the
// incident's thread (checklist_1, checklist_2, assessment): only the parts
// that changed. Each is built from the current records when it is
// delivered, so one request after several changes shows the latest state.
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { enqueueMessages, type TMessaging } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toThread } from "../../core/outbox/target.ts";

export const CHECKLIST_PART_KIND = "checklist.part";

export async function enqueueChecklistParts(
  tx: TDbTransaction,
  messaging: TMessaging,
  incidentId: string,
  parts: readonly string[],
  now: Date,
): Promise<void> {
  await enqueueMessages(
    tx,
    messaging,
    parts.map((part) => ({
      kind: CHECKLIST_PART_KIND,
      target: toThread(messageKeys.incidentPost(incidentId)),
      key: messageKeys.checklistPart(incidentId, part),
      payload: { incidentId, part },
      incidentId,
      notBefore: now,
    })),
  );
}
