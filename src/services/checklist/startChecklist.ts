// When a DPO takes an incident: the answers the report already gives are
// recorded as prefilled (the reporter gave them; the DPO may change or
// confirm each), and the checklist is posted in the thread. Runs inside the
// take's transaction. The prefill gets no timeline entry of its own: these
// are the reporter's answers, already in the "reported" entry; the DPO's
// confirmation or change of each is recorded when it happens.
import type { TDbTransaction } from "../../storage/transaction.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { prefillFromReport } from "../../domain/checklist/checklistAnswers.ts";
import { enqueueChecklistSync } from "./enqueueChecklistSync.ts";

export interface TStartChecklistInput {
  incident: Incident;
  /** The DPO who took the incident. */
  actorId: string;
  at: Date;
}

export async function startChecklist(tx: TDbTransaction, input: TStartChecklistInput): Promise<void> {
  const { incident, at } = input;
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
        answeredAt: at,
        prefilled: true,
      })),
    });
  }
  await enqueueChecklistSync(tx, incident.id, at);
}
