// The DPO confirms the assessed level as it stands (undoing an override).
import { lockIncidentRow } from "./lockIncidentRow.ts";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { enqueueChecklistSync } from "./enqueueChecklistSync.ts";
import { recordRefusal } from "./recordRefusal.ts";

export interface TConfirmAssessmentInput {
  reference: string;
  userId: string;
  channelId: string | undefined;
}

export type TConfirmOutcome = "confirmed" | "already_confirmed" | "no_assessment" | "locked" | "refused" | "not_found";

export async function confirmAssessment(
  context: TBotContext,
  input: TConfirmAssessmentInput,
): Promise<{ outcome: TConfirmOutcome }> {
  const now = context.clock.now();
  const incident = await context.database.prisma.incident.findUnique({ where: { reference: input.reference } });
  if (!incident) return { outcome: "not_found" };
  if (!isDpo(context, input.userId)) {
    await recordRefusal(context, {
      incidentId: incident.id,
      userId: input.userId,
      kind: "assessment_confirm_refused",
      notice: "dpo_only",
      details: { reason: "not_a_dpo" },
      channelId: input.channelId,
    });
    return { outcome: "refused" };
  }
  const outcome = await context.database.prisma.$transaction(async (tx): Promise<TConfirmOutcome> => {
    await lockIncidentRow(tx, incident.id);
    const current = await tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
    if (current.decision !== null) return "locked";
    const assessment = await tx.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
    if (!assessment) return "no_assessment";
    if (assessment.confirmedBy && !assessment.overrideLevel) return "already_confirmed";
    await tx.incidentAssessment.update({
      where: { incidentId: incident.id },
      data: { confirmedBy: input.userId, confirmedAt: now, overrideLevel: null, overrideReason: null },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: "assessment_confirmed",
      details: { level: assessment.level, ...(assessment.overrideLevel ? { undoesOverride: assessment.overrideLevel } : {}) },
    });
    await enqueueChecklistSync(tx, incident.id, now);
    return "confirmed";
  });
  if (outcome === "locked") {
    await recordRefusal(context, {
      incidentId: incident.id,
      userId: input.userId,
      kind: "assessment_confirm_refused",
      notice: "checklist_locked",
      details: { reason: "decided" },
      channelId: input.channelId,
    });
  }
  return { outcome };
}
