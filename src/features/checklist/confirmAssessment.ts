// A privacy officer confirms the assessed level as it stands (which also
// undoes an override). Anyone else is refused and recorded; after the
// decision the level is locked.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { ASSESSMENT_PART, TIMELINE_ACTIONS } from "./checklistActions.ts";
import { enqueueChecklistParts } from "./enqueueChecklistParts.ts";

export type TConfirmAssessmentDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export type TConfirmOutcome = "confirmed" | "already_confirmed" | "no_assessment" | "refused" | "not_found";

export async function confirmAssessment(
  deps: TConfirmAssessmentDeps,
  input: { reference: string; actor: TPersonId; where?: string | null },
): Promise<{ outcome: TConfirmOutcome }> {
  const now = deps.clock.now();
  const outcome = await deps.database.prisma.$transaction(async (tx): Promise<TConfirmOutcome> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      {
        reference: input.reference,
        actor: input.actor,
        action: TIMELINE_ACTIONS.confirm,
        where: input.where,
        // A button of an incident that is gone (erased by retention): said so rather than nothing.
        answerNotFound: true,
        beforeDecision: true,
        decidedNotice: "checklist_locked",
      },
      now,
    );
    if (!guard.ok) {
      return guard.outcome === "not_found" ? "not_found" : "refused";
    }
    const { incident } = guard;
    const assessment = await tx.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
    if (!assessment || (assessment.confirmedBy && !assessment.overrideLevel)) {
      // A button from an earlier state (the checklist changed since, or someone confirmed first): said so.
      await enqueueNotice(
        tx,
        deps.messaging,
        {
          person: input.actor,
          notice: assessment ? "already_done" : "no_longer_applies",
          where: input.where,
          incidentId: incident.id,
        },
        now,
      );
      return assessment ? "already_confirmed" : "no_assessment";
    }
    await tx.incidentAssessment.update({
      where: { incidentId: incident.id },
      data: { confirmedBy: input.actor, confirmedAt: now, overrideLevel: null, overrideReason: null },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "assessment_confirmed",
      details: { level: assessment.level, ...(assessment.overrideLevel ? { undoesOverride: assessment.overrideLevel } : {}) },
    });
    await enqueueChecklistParts(tx, deps.messaging, incident.id, [ASSESSMENT_PART], now);
    return "confirmed";
  });
  return { outcome };
}
