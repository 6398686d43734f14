// The yearly evaluation of the policy (care centre policy section 8): on
// POLICY_EVALUATION_DATE at POLICY_EVALUATION_TIME (moved into working
// hours) the management channel and each privacy officer are asked to
// review the data-traffic policy, the register, the security measures and
// the breach procedure, with last year's incidents summarised. It repeats
// weekly until someone records completion; next year's request is on the
// schedule whatever happens to this one.
import { z } from "zod";
import { BOT_ACTOR, recordDutyEvent } from "../../core/duties/recordDutyEvent.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toChannel, toPerson } from "../../core/outbox/target.ts";
import type { TJobHandler } from "../../core/scheduler/runDueJobs.ts";
import { scheduleJobs, type TScheduleJobInput } from "../../core/scheduler/scheduleJobs.ts";
import { nextYearlyOccurrence, parseMonthDay } from "../../core/time/cadences.ts";
import { nextWorkingMoment, parseClockTime, workingHoursOf } from "../../core/time/workingHours.ts";
import type { TFeatureDeps, TFeatureSettings } from "../featureDeps.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../retention/dutyJobs.ts";
import { evaluationMessageKeys, MANAGEMENT_COPY } from "./evaluationActions.ts";
import { POLICY_EVALUATION_REQUEST_KIND } from "./evaluationMessages.ts";

export const policyEvaluationSeries = (year: number) => `policy-evaluation:${year}`;

export function policyEvaluationJob(year: number, repeat: number, dueAt: Date): TScheduleJobInput {
  return {
    kind: DUTY_JOB_KINDS.policyEvaluation,
    dedupeKey: dutyKeys.policyEvaluation(year, repeat),
    dueAt,
    payload: { year, repeat },
    series: policyEvaluationSeries(year),
  };
}

/** The first yearly request at or after `after`. */
export function nextPolicyEvaluationJob(settings: TFeatureSettings, after: Date): TScheduleJobInput {
  const date = { ...parseMonthDay(settings.POLICY_EVALUATION_DATE)!, minutes: parseClockTime(settings.POLICY_EVALUATION_TIME)! };
  const next = nextYearlyOccurrence(date, after, workingHoursOf(settings));
  return policyEvaluationJob(next.year, 0, next.dueAt);
}

const ZPayload = z.object({ year: z.number().int(), repeat: z.number().int().min(0) });

export function requestPolicyEvaluation(deps: Pick<TFeatureDeps, "settings" | "roles" | "messaging">): TJobHandler {
  return async (tx, { job, now }) => {
    const payload = ZPayload.safeParse(job.payload);
    if (!payload.success) return { status: "skipped", reason: "payload does not parse" };
    const { year, repeat } = payload.data;
    await scheduleJobs(tx, [nextPolicyEvaluationJob(deps.settings, new Date(Math.max(job.dueAt.getTime() + 1, now.getTime())))]);
    const evaluation = await tx.policyEvaluation.upsert({ where: { year }, create: { year, firstAskedAt: now }, update: {} });
    if (evaluation.completedAt) return { status: "skipped", reason: "already completed" };
    const request = { year, repeat };
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: POLICY_EVALUATION_REQUEST_KIND,
        target: toChannel("management"),
        key: evaluationMessageKeys.policyRequest(year, repeat, MANAGEMENT_COPY),
        payload: request,
        notBefore: now,
      },
      ...deps.roles.dpos.map((dpo) => ({
        kind: POLICY_EVALUATION_REQUEST_KIND,
        target: toPerson(dpo),
        key: evaluationMessageKeys.policyRequest(year, repeat, dpo),
        payload: request,
        notBefore: now,
      })),
    ]);
    await scheduleJobs(tx, [
      policyEvaluationJob(
        year,
        repeat + 1,
        nextWorkingMoment(new Date(Math.max(job.dueAt.getTime(), now.getTime()) + 7 * 86_400_000), workingHoursOf(deps.settings)),
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
}

/** At start: the next yearly request; returns how many jobs were new. */
export async function seedPolicyEvaluation(deps: Pick<TFeatureDeps, "database" | "clock" | "settings">): Promise<number> {
  return deps.database.prisma.$transaction((tx) => scheduleJobs(tx, [nextPolicyEvaluationJob(deps.settings, deps.clock.now())]));
}
