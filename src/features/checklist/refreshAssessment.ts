// Recomputes the assessment after the answers changed, inside the change's
// transaction. A checklist that is no longer complete withdraws it; a
// different level undoes an earlier confirmation or override (the privacy
// officer settled another assessment than the one that now stands). Says
// whether the assessment changed, so only then is its message updated.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { evaluateBreach } from "./assessBreach.ts";
import { assessmentRecord, sameEvaluation } from "./assessmentRecord.ts";
import { answersFromRows, isChecklistComplete } from "./checklistAnswers.ts";

export type TRefreshAssessmentDeps = Pick<TFeatureDeps, "organisation" | "settings">;

export type TAssessmentChange = "none" | "made" | "updated" | "unchanged" | "withdrawn";

export async function refreshAssessment(
  tx: TDbTransaction,
  deps: TRefreshAssessmentDeps,
  input: { incidentId: string; actor: TPersonId; now: Date },
): Promise<TAssessmentChange> {
  const { incidentId, actor, now } = input;
  const rows = await tx.checklistAnswer.findMany({ where: { incidentId } });
  const answers = answersFromRows(rows);
  const previous = await tx.incidentAssessment.findUnique({ where: { incidentId } });
  if (!isChecklistComplete(answers)) {
    if (!previous) return "none";
    await tx.incidentAssessment.delete({ where: { incidentId } });
    await appendTimelineEntry(tx, {
      incidentId,
      at: now,
      actorId: actor,
      kind: "assessment_withdrawn",
      details: { previousLevel: previous.level, reason: "checklist_incomplete" },
    });
    return "withdrawn";
  }
  const evaluation = evaluateBreach(answers, { sector: deps.organisation.sector });
  const result = assessmentRecord(evaluation, deps.settings.DEFAULT_LOCALE);
  if (!previous) {
    await tx.incidentAssessment.create({ data: { incidentId, level: evaluation.level, result, assessedAt: now } });
    await appendTimelineEntry(tx, {
      incidentId,
      at: now,
      actorId: actor,
      kind: "assessment_made",
      details: { level: evaluation.level, severity: evaluation.severity.score, answers },
    });
    return "made";
  }
  // An answer that changes nothing in the assessment (a confirmation, a
  // detail that does not weigh) leaves it, its confirmation and its message alone.
  if (previous.level === evaluation.level && sameEvaluation(previous.result, evaluation)) return "unchanged";
  const levelChanged = previous.level !== evaluation.level;
  await tx.incidentAssessment.update({
    where: { incidentId },
    data: {
      level: evaluation.level,
      result,
      assessedAt: now,
      ...(levelChanged ? { confirmedBy: null, confirmedAt: null, overrideLevel: null, overrideReason: null } : {}),
    },
  });
  await appendTimelineEntry(tx, {
    incidentId,
    at: now,
    actorId: actor,
    kind: "assessment_updated",
    details: {
      previousLevel: previous.level,
      level: evaluation.level,
      severity: evaluation.severity.score,
      ...(levelChanged && (previous.confirmedBy || previous.overrideLevel)
        ? { settlementUndone: { confirmedBy: previous.confirmedBy, overrideLevel: previous.overrideLevel } }
        : {}),
    },
  });
  return "updated";
}
