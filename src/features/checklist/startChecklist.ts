// When a privacy officer takes an incident: the answers the report already
// gives are recorded as prefilled (the reporter gave them; the privacy
// officer confirms or changes each), and the checklist is posted in the
// thread. Runs inside the take's transaction. The prefill gets no timeline
// entry of its own: these are the reporter's answers, already in the
// "reported" entry; the confirmation or change of each is recorded when it
// happens.
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TMessaging } from "../../core/outbox/enqueueMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { prefillFromReport } from "./checklistAnswers.ts";
import { enqueueChecklistParts } from "./enqueueChecklistParts.ts";
import { CHECKLIST_GROUPS } from "./checklistAnswers.ts";

export async function startChecklist(
  tx: TDbTransaction,
  deps: { messaging: TMessaging },
  input: { incident: Incident; actor: TPersonId; now: Date },
): Promise<void> {
  const { incident, now } = input;
  const prefilled = prefillFromReport(incident);
  // A checklist already started (never expected: take happens once) keeps its answers.
  const existing = await tx.checklistAnswer.count({ where: { incidentId: incident.id } });
  if (existing === 0 && Object.keys(prefilled).length > 0) {
    await tx.checklistAnswer.createMany({
      data: Object.entries(prefilled).map(([questionId, value]) => ({
        incidentId: incident.id,
        questionId,
        value: value as string | number | string[],
        answeredBy: incident.reporterId,
        answeredAt: now,
        prefilled: true,
      })),
    });
  }
  await enqueueChecklistParts(
    tx,
    deps.messaging,
    incident.id,
    CHECKLIST_GROUPS.map((group) => group.part),
    now,
  );
}
