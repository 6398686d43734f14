// A click on a button of an incident that no longer exists is answered where
// it was made, so no click goes unanswered.
import { parseIncidentReference } from "../../core/incidents/incidentReference.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TMessaging } from "../../core/outbox/enqueueMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import type { TFeatureDeps } from "../featureDeps.ts";

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

/** A checklist control in a message no incident is known for (erased, or not the bot's): say it does nothing now. */
export async function answerStaleChecklistClick(
  deps: Pick<TFeatureDeps, "database" | "clock" | "messaging">,
  input: { actor: TPersonId; where?: string | null },
): Promise<void> {
  const now = deps.clock.now();
  await deps.database.prisma.$transaction((tx) =>
    enqueueNotice(tx, deps.messaging, { person: input.actor, notice: "no_longer_applies", where: input.where }, now),
  );
}
