// A checklist control in a message no incident is known for is answered
// where it was clicked, so no click goes unanswered (a click on an incident
// that is gone is answered by the guard: answerNotFound).
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TFeatureDeps } from "../featureDeps.ts";

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
