// The evaluation after a closed incident (seed protocol section 8): after
// EVALUATION_AFTER_DAYS the privacy officer who closed it is asked whether
// the measures worked and whether the procedure needs to change; the answer
// is recorded on the incident and in its timeline.
import { z } from "zod";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { dutyMessage, followUpProgressMessage } from "../register/dutyOutbox.ts";
import type { TJobHandler } from "../scheduler/runDueJobs.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";

export const MEASURES_WORKED = ["yes", "partly", "no", "none_taken"] as const;
export const PROCEDURE_CHANGE = ["no", "yes"] as const;

export const handleEvaluationRequest: TJobHandler = async (tx, { job, now, context }) => {
  const { incidentId } = z.object({ incidentId: z.string() }).parse(job.payload);
  const incident = await tx.incident.findUnique({ where: { id: incidentId } });
  if (!incident) return { status: "skipped", reason: "incident not found" };
  const followUp = await tx.incidentFollowUp.findUnique({ where: { incidentId } });
  if (followUp?.evaluatedAt) return { status: "skipped", reason: "already evaluated" };
  const asked =
    incident.closedBy && isDpo(context, incident.closedBy)
      ? incident.closedBy
      : (incident.ownerId ?? context.settings.DPO_USER_IDS[0]!);
  await enqueueOutboxMessages(tx, [
    dutyMessage({ message: "evaluation_request", channel: asked, params: { incidentId }, incidentId, notBefore: now }),
  ]);
  await appendTimelineEntry(tx, { incidentId, at: now, actorId: "bot", kind: "evaluation_requested", details: { asked } });
  return { status: "done" };
};

export interface TRecordEvaluationInput {
  reference: string;
  userId: string;
  measuresWorked: (typeof MEASURES_WORKED)[number];
  procedureChange: (typeof PROCEDURE_CHANGE)[number];
  notes?: string;
}

export async function recordIncidentEvaluation(
  context: TBotContext,
  input: TRecordEvaluationInput,
): Promise<{ outcome: "recorded" | "refused" | "not_closed" | "not_found" }> {
  const now = context.clock.now();
  return context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return { outcome: "not_found" } as const;
    if (!isDpo(context, input.userId)) {
      await appendTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        actorId: input.userId,
        kind: "evaluation_refused",
        details: { reason: "not_a_dpo" },
      });
      return { outcome: "refused" } as const;
    }
    if (!incident.closedAt) return { outcome: "not_closed" } as const;
    const notes = input.notes?.trim() || null;
    await tx.incidentFollowUp.upsert({
      where: { incidentId: incident.id },
      create: {
        incidentId: incident.id,
        measuresWorked: input.measuresWorked,
        procedureChange: input.procedureChange,
        evaluationNotes: notes,
        evaluatedBy: input.userId,
        evaluatedAt: now,
      },
      update: {
        measuresWorked: input.measuresWorked,
        procedureChange: input.procedureChange,
        evaluationNotes: notes,
        evaluatedBy: input.userId,
        evaluatedAt: now,
      },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: "evaluation",
      details: { measuresWorked: input.measuresWorked, procedureChange: input.procedureChange, notes },
    });
    await enqueueOutboxMessages(tx, [followUpProgressMessage(incident.id, now)]);
    return { outcome: "recorded" } as const;
  });
}
