// The evaluation of a closed incident is recorded on its follow-up and in
// its timeline; the thread's follow-up and the request say so.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction, type TGuardDeps } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { updateKeyedMessages } from "../../core/outbox/updateKeyedMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import { progressUpdate } from "../measures/measuresMessages.ts";
import { evaluationMessageKeys } from "./evaluationActions.ts";
import type { TMeasuresWorked, TProcedureChange } from "./evaluationAnswers.ts";
import { EVALUATION_NOTES_MAX } from "./evaluationForm.ts";

export interface TRecordEvaluationDeps extends TGuardDeps {
  database: Database;
  clock: Clock;
}

export interface TRecordEvaluationInput {
  reference: string;
  actor: TPersonId;
  measuresWorked: TMeasuresWorked;
  procedureChange: TProcedureChange;
  notes?: string | null;
}

export async function recordIncidentEvaluation(
  deps: TRecordEvaluationDeps,
  input: TRecordEvaluationInput,
): Promise<{ outcome: "recorded" | "refused" | "not_closed" | "not_found" }> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: "evaluation" },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome } as const;
    const { incident } = guard;
    if (!incident.closedAt) return { outcome: "not_closed" } as const;
    const notes = input.notes?.trim().slice(0, EVALUATION_NOTES_MAX) || null;
    const answers = {
      measuresWorked: input.measuresWorked,
      procedureChange: input.procedureChange,
      evaluationNotes: notes,
      evaluatedBy: input.actor,
      evaluatedAt: now,
    };
    await tx.incidentFollowUp.upsert({
      where: { incidentId: incident.id },
      create: { incidentId: incident.id, ...answers },
      update: answers,
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "evaluation",
      details: { measuresWorked: input.measuresWorked, procedureChange: input.procedureChange, notes },
    });
    await enqueueMessages(tx, deps.messaging, [progressUpdate(incident.id, now)]);
    await updateKeyedMessages(tx, { keyPrefix: evaluationMessageKeys.incidentRequest(incident.id), now });
    return { outcome: "recorded" } as const;
  });
}
