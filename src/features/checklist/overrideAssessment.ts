// A privacy officer sets another level than the assessment's, with a
// written reason (kept in the timeline, not shown in the channel). Anyone
// else is refused and recorded; after the decision the level is locked.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { ASSESSMENT_LEVELS, type TAssessmentLevel } from "./assessmentLevels.ts";
import { ASSESSMENT_PART, DECISION_FIELDS, TIMELINE_ACTIONS } from "./checklistActions.ts";
import { checkReason, type TReasonProblem } from "./decisionRules.ts";
import { enqueueChecklistParts } from "./enqueueChecklistParts.ts";

export type TOverrideAssessmentDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export type TOverrideProblems = {
  [DECISION_FIELDS.level]?: "missing" | "same_as_assessed";
  [DECISION_FIELDS.reason]?: TReasonProblem;
};

export type TOverrideResult =
  | { outcome: "overridden"; level: TAssessmentLevel }
  | { outcome: "invalid"; problems: TOverrideProblems }
  | { outcome: "no_assessment" | "refused" | "decided" | "not_found" };

export async function overrideAssessment(
  deps: TOverrideAssessmentDeps,
  input: { reference: string; actor: TPersonId; level: string | null | undefined; reason: string | null | undefined },
): Promise<TOverrideResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx): Promise<TOverrideResult> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      {
        reference: input.reference,
        actor: input.actor,
        action: TIMELINE_ACTIONS.override,
        beforeDecision: true,
        decidedNotice: "checklist_locked",
      },
      now,
    );
    if (!guard.ok)
      return { outcome: guard.outcome === "not_found" ? "not_found" : guard.reason === "decided" ? "decided" : "refused" };
    const { incident } = guard;
    const assessment = await tx.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
    if (!assessment) return { outcome: "no_assessment" };
    const problems: TOverrideProblems = {};
    const level = ASSESSMENT_LEVELS.find((candidate) => candidate === input.level);
    if (!level) problems.override_level = "missing";
    else if (level === assessment.level) problems.override_level = "same_as_assessed";
    const reasonProblem = checkReason(input.reason);
    if (reasonProblem) problems.reason = reasonProblem;
    if (!level || Object.keys(problems).length > 0) return { outcome: "invalid", problems };
    const reason = input.reason!.trim();
    await tx.incidentAssessment.update({
      where: { incidentId: incident.id },
      data: { confirmedBy: input.actor, confirmedAt: now, overrideLevel: level, overrideReason: reason },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "assessment_overridden",
      details: { assessedLevel: assessment.level, level, reason },
    });
    await enqueueChecklistParts(tx, deps.messaging, incident.id, [ASSESSMENT_PART], now);
    return { outcome: "overridden", level };
  });
}
