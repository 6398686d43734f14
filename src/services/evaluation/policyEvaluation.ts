// The yearly evaluation of the policy (care centre policy section 8): on
// POLICY_EVALUATION_DATE at POLICY_EVALUATION_TIME (moved into working
// hours) the management channel and each privacy officer are asked to
// review the data-traffic policy, the register, the security measures and
// the breach procedure, with last year's incidents summarised. It repeats
// weekly until someone records completion.
import { DateTime } from "luxon";
import { z } from "zod";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../../domain/duties/dutyJobs.ts";
import { summariseYear, type TYearSummary } from "../../domain/duties/yearSummary.ts";
import { nextYearlyOccurrence, parseMonthDay } from "../../domain/schedules/cadences.ts";
import { nextWorkingMoment, parseClockTime, workingHoursOf } from "../../domain/schedules/workingHours.ts";
import type { TSettings } from "../../settings/loadSettings.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { dutyMessage, noticeMessage } from "../register/dutyOutbox.ts";
import { BOT_ACTOR, recordDutyEvent } from "../register/recordDutyEvent.ts";
import type { TJobHandler } from "../scheduler/runDueJobs.ts";
import { cancelPendingJobs, scheduleJobs } from "../scheduler/scheduleJob.ts";

export function policyEvaluationDate(settings: TSettings) {
  return { ...parseMonthDay(settings.POLICY_EVALUATION_DATE)!, minutes: parseClockTime(settings.POLICY_EVALUATION_TIME)! };
}

export function policyEvaluationJob(year: number, repeat: number, dueAt: Date) {
  return {
    kind: DUTY_JOB_KINDS.policyEvaluation,
    dedupeKey: dutyKeys.policyEvaluation(year, repeat),
    dueAt,
    payload: { year, repeat },
    series: `policy-evaluation:${year}`,
  };
}

/** The first yearly request at or after `after`. */
export function nextPolicyEvaluationJob(settings: TSettings, after: Date) {
  const next = nextYearlyOccurrence(policyEvaluationDate(settings), after, workingHoursOf(settings));
  return policyEvaluationJob(next.year, 0, next.dueAt);
}

/** Incidents whose awareness fell in the local calendar year. */
export async function summariseIncidentYear(tx: TDbTransaction, year: number, zone: string): Promise<TYearSummary> {
  const from = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toJSDate();
  const to = DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone }).toJSDate();
  const incidents = await tx.incident.findMany({ where: { awarenessAt: { gte: from, lt: to } } });
  const ids = incidents.map((incident) => incident.id);
  const assessments = await tx.incidentAssessment.findMany({ where: { incidentId: { in: ids } } });
  const informed = new Set(
    (await tx.subjectNotice.findMany({ where: { incidentId: { in: ids } }, select: { incidentId: true } })).map(
      (notice) => notice.incidentId,
    ),
  );
  const measuresOpen = await tx.correctiveMeasure.count({ where: { incidentId: { in: ids }, doneAt: null } });
  return summariseYear(
    year,
    incidents.map((incident) => {
      const assessment = assessments.find((candidate) => candidate.incidentId === incident.id);
      return {
        level: assessment ? (assessment.overrideLevel ?? assessment.level) : null,
        decision: incident.decision,
        decidedAt: incident.decidedAt,
        deadlineAt: incident.deadlineAt,
        peopleInformed: informed.has(incident.id),
      };
    }),
    measuresOpen,
  );
}

const ZPayload = z.object({ year: z.number().int(), repeat: z.number().int().min(0) });

export const handlePolicyEvaluationRequest: TJobHandler = async (tx, { job, now, context }) => {
  const { year, repeat } = ZPayload.parse(job.payload);
  const settings = context.settings;
  // Next year's request, whatever happens to this one.
  await scheduleJobs(tx, [nextPolicyEvaluationJob(settings, new Date(Math.max(job.dueAt.getTime() + 1, now.getTime())))]);
  const evaluation = await tx.policyEvaluation.upsert({
    where: { year },
    create: { year, firstAskedAt: now },
    update: {},
  });
  if (evaluation.completedAt) return { status: "skipped", reason: "already completed" };
  const summary = await summariseIncidentYear(tx, year - 1, settings.TIMEZONE);
  const params = { year, repeat, summary: { ...summary } };
  await enqueueOutboxMessages(tx, [
    dutyMessage({ message: "policy_evaluation_request", channel: settings.MANAGEMENT_CHANNEL_ID, params, notBefore: now }),
    ...settings.DPO_USER_IDS.map((dpo) =>
      dutyMessage({ message: "policy_evaluation_request", channel: dpo, params, notBefore: now }),
    ),
  ]);
  await scheduleJobs(tx, [
    policyEvaluationJob(
      year,
      repeat + 1,
      nextWorkingMoment(new Date(Math.max(job.dueAt.getTime(), now.getTime()) + 7 * 86_400_000), workingHoursOf(settings)),
    ),
  ]);
  await recordDutyEvent(tx, {
    at: now,
    actorId: BOT_ACTOR,
    duty: "policy_evaluation",
    subject: String(year),
    kind: "requested",
    details: { repeat },
  });
  return { status: "done" };
};

/** Who may record the yearly evaluation: a DPO; MANAGEMENT_USER_IDS when set, else anyone clicking in the management channel. */
export function mayRecordPolicyEvaluation(context: TBotContext, userId: string, channelId: string): boolean {
  if (isDpo(context, userId)) return true;
  const management = context.settings.MANAGEMENT_USER_IDS;
  if (management.length > 0) return management.includes(userId);
  return channelId === context.settings.MANAGEMENT_CHANNEL_ID;
}

export async function completePolicyEvaluation(
  context: TBotContext,
  input: { year: number; userId: string; channelId: string; messageTs?: string },
): Promise<{ outcome: "done" | "already_done" | "refused" | "not_found" }> {
  const now = context.clock.now();
  return context.database.prisma.$transaction(async (tx) => {
    const evaluation = await tx.policyEvaluation.findUnique({ where: { year: input.year } });
    if (!evaluation) return { outcome: "not_found" } as const;
    const subject = String(input.year);
    if (!mayRecordPolicyEvaluation(context, input.userId, input.channelId)) {
      await recordDutyEvent(tx, { at: now, actorId: input.userId, duty: "policy_evaluation", subject, kind: "refused" });
      await enqueueOutboxMessages(tx, [
        noticeMessage({ userId: input.userId, channelId: input.channelId, notice: "management_only", notBefore: now }),
      ]);
      return { outcome: "refused" } as const;
    }
    const claimed = await tx.policyEvaluation.updateMany({
      where: { year: input.year, completedAt: null },
      data: { completedAt: now, completedBy: input.userId },
    });
    if (claimed.count === 0) {
      await enqueueOutboxMessages(tx, [
        noticeMessage({ userId: input.userId, channelId: input.channelId, notice: "already_done", notBefore: now }),
      ]);
      return { outcome: "already_done" } as const;
    }
    // The weekly repeats stop; next year's request stays.
    await cancelPendingJobs(tx, { series: `policy-evaluation:${input.year}` }, now);
    await scheduleJobs(tx, [nextPolicyEvaluationJob(context.settings, now)]);
    await recordDutyEvent(tx, { at: now, actorId: input.userId, duty: "policy_evaluation", subject, kind: "done" });
    await enqueueOutboxMessages(tx, [
      dutyMessage({
        message: "policy_evaluation_done",
        channel: input.channelId,
        params: { year: input.year, by: input.userId },
        ...(input.messageTs ? { update: { channel: input.channelId, ts: input.messageTs } } : {}),
        notBefore: now,
      }),
    ]);
    return { outcome: "done" } as const;
  });
}
