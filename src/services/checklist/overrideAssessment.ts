// The DPO sets another level than the engine's, with a written reason.
import { lockIncidentRow } from "./lockIncidentRow.ts";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { ASSESSMENT_LEVELS, type TAssessmentLevel } from "../../assessment/assessBreach.ts";
import type { TText } from "../../assessment/questions.ts";
import { checkReason } from "../../domain/checklist/decisionRules.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { enqueueChecklistSync } from "./enqueueChecklistSync.ts";
import { recordRefusal } from "./recordRefusal.ts";
import { REASON_PROBLEM_TEXT } from "../../domain/checklist/reasonProblemText.ts";

export interface TOverrideAssessmentInput {
  reference: string;
  userId: string;
  level: string | null | undefined;
  reason: string | null | undefined;
}

/** Errors are keyed by the modal's block ids: `override_level` and `reason`. */
export type TOverrideResult =
  | { outcome: "overridden"; level: TAssessmentLevel }
  | { outcome: "invalid"; errors: Record<string, TText> }
  | { outcome: "no_assessment" | "locked" | "refused" | "not_found" };

export async function overrideAssessment(context: TBotContext, input: TOverrideAssessmentInput): Promise<TOverrideResult> {
  const now = context.clock.now();
  const incident = await context.database.prisma.incident.findUnique({ where: { reference: input.reference } });
  if (!incident) return { outcome: "not_found" };
  if (!isDpo(context, input.userId)) {
    await recordRefusal(context, {
      incidentId: incident.id,
      userId: input.userId,
      kind: "assessment_override_refused",
      notice: "dpo_only",
      details: { reason: "not_a_dpo" },
    });
    return { outcome: "refused" };
  }
  return context.database.prisma.$transaction(async (tx): Promise<TOverrideResult> => {
    await lockIncidentRow(tx, incident.id);
    const current = await tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
    if (current.decision !== null) return { outcome: "locked" };
    const assessment = await tx.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
    if (!assessment) return { outcome: "no_assessment" };
    const errors: Record<string, TText> = {};
    const level = ASSESSMENT_LEVELS.find((candidate) => candidate === input.level);
    if (!level) errors.override_level = { nl: "Kies een niveau.", en: "Choose a level." };
    else if (level === assessment.level)
      errors.override_level = {
        nl: "Dit is het beoordeelde niveau: kies een ander niveau, of sluit dit venster en bevestig de beoordeling.",
        en: "This is the assessed level: choose another level, or close this window and confirm the assessment.",
      };
    const reasonProblem = checkReason(input.reason);
    if (reasonProblem) errors.reason = REASON_PROBLEM_TEXT[reasonProblem];
    if (!level || Object.keys(errors).length > 0) return { outcome: "invalid", errors };
    const reason = input.reason!.trim();
    await tx.incidentAssessment.update({
      where: { incidentId: incident.id },
      data: { confirmedBy: input.userId, confirmedAt: now, overrideLevel: level, overrideReason: reason },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: "assessment_overridden",
      details: { assessedLevel: assessment.level, level, reason },
    });
    await enqueueChecklistSync(tx, incident.id, now);
    return { outcome: "overridden", level };
  });
}
