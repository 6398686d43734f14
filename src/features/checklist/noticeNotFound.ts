// A click on a button of an incident that no longer exists is answered where
// it was made, so no click goes unanswered.
import { parseIncidentReference } from "../../core/incidents/incidentReference.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TMessaging } from "../../core/outbox/enqueueMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";

export async function noticeNotFound(
  tx: TDbTransaction,
  deps: { messaging: TMessaging },
  input: { reference: string; actor: TPersonId; where?: string | null },
  now: Date,
): Promise<void> {
  await enqueueNotice(
    tx,
    deps.messaging,
    {
      person: input.actor,
      notice: "not_found",
      // Only echoed when it looks like a reference: a forged value is not repeated.
      params: parseIncidentReference(input.reference) ? { reference: input.reference.trim().toUpperCase() } : {},
      where: input.where,
    },
    now,
  );
}
