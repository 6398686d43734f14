// Someone records that the yearly evaluation is done: a privacy officer;
// the named management members when MANAGEMENT_USER_IDS is set, else anyone
// who clicks in the management channel. The weekly repeats stop, next
// year's request stays, and every copy of the request says who completed
// it. Anyone else is refused, recorded and told why.
import { recordDutyEvent } from "../../core/duties/recordDutyEvent.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TMessaging } from "../../core/outbox/enqueueMessages.ts";
import { updateKeyedMessages } from "../../core/outbox/updateKeyedMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { isDpo, type TRoleDirectory } from "../../core/people/roles.ts";
import { cancelPendingJobs, scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import type { TFeatureSettings } from "../featureDeps.ts";
import { evaluationMessageKeys } from "./evaluationActions.ts";
import { nextPolicyEvaluationJob, policyEvaluationSeries } from "./requestPolicyEvaluation.ts";

export interface TCompletePolicyEvaluationDeps {
  database: Database;
  clock: Clock;
  roles: TRoleDirectory;
  messaging: TMessaging;
  settings: TFeatureSettings;
}

export interface TCompletePolicyEvaluationInput {
  year: number;
  actor: TPersonId;
  /** The front end's word that the click was on the copy in the management channel. */
  inManagementChannel: boolean;
  where?: string | null;
}

export function mayRecordPolicyEvaluation(roles: TRoleDirectory, actor: TPersonId, inManagementChannel: boolean): boolean {
  if (isDpo(actor, roles)) return true;
  if (roles.management.length > 0) return roles.management.includes(actor);
  return inManagementChannel;
}

export async function completePolicyEvaluation(
  deps: TCompletePolicyEvaluationDeps,
  input: TCompletePolicyEvaluationInput,
): Promise<{ outcome: "done" | "already_done" | "refused" | "not_found" }> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const notice = (name: "management_only" | "already_done" | "no_longer_applies") =>
      enqueueNotice(tx, deps.messaging, { person: input.actor, notice: name, where: input.where }, now);
    const evaluation = Number.isInteger(input.year)
      ? await tx.policyEvaluation.findUnique({ where: { year: input.year } })
      : null;
    if (!evaluation) {
      await notice("no_longer_applies");
      return { outcome: "not_found" } as const;
    }
    const subject = String(evaluation.year);
    if (!mayRecordPolicyEvaluation(deps.roles, input.actor, input.inManagementChannel)) {
      await recordDutyEvent(tx, { at: now, actorId: input.actor, duty: "policy_evaluation", subject, kind: "refused" });
      await notice("management_only");
      return { outcome: "refused" } as const;
    }
    const claimed = await tx.policyEvaluation.updateMany({
      where: { year: evaluation.year, completedAt: null },
      data: { completedAt: now, completedBy: input.actor },
    });
    if (claimed.count === 0) {
      await notice("already_done");
      return { outcome: "already_done" } as const;
    }
    // The weekly repeats stop; next year's request stays.
    await cancelPendingJobs(tx, { series: policyEvaluationSeries(evaluation.year) }, now);
    await scheduleJobs(tx, [nextPolicyEvaluationJob(deps.settings, now)]);
    await recordDutyEvent(tx, { at: now, actorId: input.actor, duty: "policy_evaluation", subject, kind: "done" });
    await updateKeyedMessages(tx, { keyPrefix: evaluationMessageKeys.policyYear(evaluation.year), now });
    return { outcome: "done" } as const;
  });
}
