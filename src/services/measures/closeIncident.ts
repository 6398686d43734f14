// A privacy officer closes an incident. Refused while the decision is not
// recorded, and while there are neither measures nor a reason why none are
// needed. Closing schedules the evaluation (seed protocol section 8) after
// EVALUATION_AFTER_DAYS, in working hours.
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../../domain/duties/dutyJobs.ts";
import { nextWorkingMoment, workingHoursOf } from "../../domain/schedules/workingHours.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { followUpProgressMessage, noticeMessage } from "../register/dutyOutbox.ts";
import { scheduleJobs } from "../scheduler/scheduleJob.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";

export type TCloseCheck =
  { outcome: "ok"; measureCount: number } | { outcome: "refused" | "needs_decision" | "already_closed" | "not_found" };

/** Whether this user may close now; a refusal is noticed and recorded. Called by the button before the modal opens. */
export async function checkIncidentClosable(
  context: TBotContext,
  input: { reference: string; userId: string; channelId: string; threadTs?: string },
): Promise<TCloseCheck> {
  const now = context.clock.now();
  return context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return { outcome: "not_found" } as const;
    const refuse = async (notice: string, kind: string) => {
      await appendTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        actorId: input.userId,
        kind,
        details: { reason: notice },
      });
      await enqueueOutboxMessages(tx, [
        noticeMessage({
          userId: input.userId,
          channelId: input.channelId,
          threadTs: input.threadTs ?? null,
          notice,
          params: { reference: incident.reference },
          incidentId: incident.id,
          notBefore: now,
        }),
      ]);
    };
    if (!isDpo(context, input.userId)) {
      await refuse("dpo_only", "close_refused");
      return { outcome: "refused" } as const;
    }
    if (incident.closedAt) {
      await refuse("already_closed", "close_refused");
      return { outcome: "already_closed" } as const;
    }
    if (!incident.decision) {
      await refuse("close_needs_decision", "close_refused");
      return { outcome: "needs_decision" } as const;
    }
    const measureCount = await tx.correctiveMeasure.count({ where: { incidentId: incident.id } });
    return { outcome: "ok", measureCount } as const;
  });
}

export type TCloseResult =
  | { outcome: "closed"; evaluationDueAt: Date }
  | { outcome: "needs_reason" | "needs_decision" | "refused" | "already_closed" | "not_found" };

export async function closeIncident(
  context: TBotContext,
  input: { reference: string; userId: string; noMeasuresReason?: string },
): Promise<TCloseResult> {
  const now = context.clock.now();
  return context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return { outcome: "not_found" } as const;
    if (!isDpo(context, input.userId)) return { outcome: "refused" } as const;
    if (incident.closedAt) return { outcome: "already_closed" } as const;
    if (!incident.decision) return { outcome: "needs_decision" } as const;
    const measureCount = await tx.correctiveMeasure.count({ where: { incidentId: incident.id } });
    const reason = input.noMeasuresReason?.trim() || null;
    if (measureCount === 0 && !reason) return { outcome: "needs_reason" } as const;
    const claimed = await tx.incident.updateMany({
      where: { id: incident.id, closedAt: null },
      data: { status: "closed", closedAt: now, closedBy: input.userId },
    });
    if (claimed.count === 0) return { outcome: "already_closed" } as const;
    const evaluationDueAt = nextWorkingMoment(
      new Date(now.getTime() + context.settings.EVALUATION_AFTER_DAYS * 86_400_000),
      workingHoursOf(context.settings),
    );
    await tx.incidentFollowUp.upsert({
      where: { incidentId: incident.id },
      create: { incidentId: incident.id, noMeasuresReason: reason, evaluationDueAt },
      update: { noMeasuresReason: reason, evaluationDueAt },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: "closed",
      details: { measureCount, noMeasuresReason: reason, evaluationDueAt: evaluationDueAt.toISOString() },
    });
    await scheduleJobs(tx, [
      {
        kind: DUTY_JOB_KINDS.evaluationRequest,
        dedupeKey: dutyKeys.evaluationRequest(incident.id),
        dueAt: evaluationDueAt,
        payload: { incidentId: incident.id },
        incidentId: incident.id,
      },
    ]);
    await enqueueOutboxMessages(tx, [
      { kind: OUTBOX_KINDS.channelPostUpdate, payload: { incidentId: incident.id }, incidentId: incident.id, notBefore: now },
      followUpProgressMessage(incident.id, now),
    ]);
    return { outcome: "closed", evaluationDueAt } as const;
  });
}
