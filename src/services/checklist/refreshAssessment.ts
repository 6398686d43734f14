// Recomputes the assessment after the answers changed, inside the change's
// transaction. A different level undoes an earlier confirmation or override:
// the DPO settled another assessment than the one that now stands.
import { assessBreach, type TAssessment } from "../../assessment/assessBreach.ts";
import type { TBotContext } from "../../app/botContext.ts";
import { answersFromRows, isChecklistComplete } from "../../domain/checklist/checklistAnswers.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";

export interface TRefreshAssessmentInput {
  incidentId: string;
  actorId: string;
  at: Date;
}

export async function refreshAssessment(
  tx: TDbTransaction,
  context: TBotContext,
  input: TRefreshAssessmentInput,
): Promise<TAssessment | null> {
  const rows = await tx.checklistAnswer.findMany({ where: { incidentId: input.incidentId } });
  const answers = answersFromRows(rows);
  const previous = await tx.incidentAssessment.findUnique({ where: { incidentId: input.incidentId } });
  if (!isChecklistComplete(answers)) {
    if (previous) {
      await tx.incidentAssessment.delete({ where: { incidentId: input.incidentId } });
      await appendTimelineEntry(tx, {
        incidentId: input.incidentId,
        at: input.at,
        actorId: input.actorId,
        kind: "assessment_withdrawn",
        details: { previousLevel: previous.level, reason: "checklist_incomplete" },
      });
    }
    return null;
  }
  const assessment = assessBreach(answers, { sector: context.settings.ORGANISATION_SECTOR }, context.locale);
  const result = JSON.parse(JSON.stringify(assessment)) as object;
  if (!previous) {
    await tx.incidentAssessment.create({
      data: { incidentId: input.incidentId, level: assessment.level, result, assessedAt: input.at },
    });
    await appendTimelineEntry(tx, {
      incidentId: input.incidentId,
      at: input.at,
      actorId: input.actorId,
      kind: "assessment_made",
      details: { level: assessment.level, severity: assessment.severity.score, answers },
    });
    return assessment;
  }
  const levelChanged = previous.level !== assessment.level;
  await tx.incidentAssessment.update({
    where: { incidentId: input.incidentId },
    data: {
      level: assessment.level,
      result,
      assessedAt: input.at,
      ...(levelChanged ? { confirmedBy: null, confirmedAt: null, overrideLevel: null, overrideReason: null } : {}),
    },
  });
  await appendTimelineEntry(tx, {
    incidentId: input.incidentId,
    at: input.at,
    actorId: input.actorId,
    kind: "assessment_updated",
    details: {
      previousLevel: previous.level,
      level: assessment.level,
      severity: assessment.severity.score,
      ...(levelChanged && (previous.confirmedBy || previous.overrideLevel)
        ? { settlementUndone: { confirmedBy: previous.confirmedBy, overrideLevel: previous.overrideLevel } }
        : {}),
    },
  });
  return assessment;
}
