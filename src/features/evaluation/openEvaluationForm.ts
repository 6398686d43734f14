// A privacy officer pressed "Evaluatie invullen": the evaluation form, with
// an earlier answer shown. Anyone else is refused (recorded, and answered
// where they clicked).
import { guardIncidentAction, type TGuardDeps } from "../../core/incidents/guardIncidentAction.ts";
import type { TForm } from "../../core/messages/form.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import type { TTexts } from "../../texts/index.ts";
import { evaluationForm } from "./evaluationForm.ts";

export interface TOpenEvaluationFormDeps extends TGuardDeps {
  database: Database;
  clock: Clock;
}

export async function openEvaluationForm(
  deps: TOpenEvaluationFormDeps,
  input: { reference: string; actor: TPersonId; where?: string | null; texts: TTexts },
): Promise<{ outcome: "form"; form: TForm } | { outcome: "refused" | "not_found" }> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: "evaluation", where: input.where, answerNotFound: true },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome } as const;
    const earlier = await tx.incidentFollowUp.findUnique({
      where: { incidentId: guard.incident.id },
      select: { measuresWorked: true, procedureChange: true },
    });
    return { outcome: "form", form: evaluationForm(guard.incident.reference, input.texts, earlier ?? undefined) } as const;
  });
}
