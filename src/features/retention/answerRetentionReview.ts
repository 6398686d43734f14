// The owner's answer to a retention nudge: done (recorded with who and
// when), remind me tomorrow, or remind me next week (at the start of the
// next working day). Only the system's owner or a privacy officer may
// answer; a refusal is recorded and answered where they clicked. Every
// nudge of the review then shows the answer instead of its buttons.
import { recordDutyEvent } from "../../core/duties/recordDutyEvent.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TMessaging } from "../../core/outbox/enqueueMessages.ts";
import { updateKeyedMessages } from "../../core/outbox/updateKeyedMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { isDpo, type TRoleDirectory } from "../../core/people/roles.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import { workingHoursOf, workingStartAfterDays } from "../../core/time/workingHours.ts";
import type { TFeatureSettings } from "../featureDeps.ts";
import type { TRegister } from "../register/loadRegister.ts";
import { systemOwnerPerson } from "../register/systemOwner.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "./dutyJobs.ts";
import { retentionMessageKeys } from "./retentionActions.ts";
import { RETENTION_ANSWERED_KIND, type TRetentionAnswer } from "./retentionMessages.ts";

export interface TAnswerRetentionDeps {
  database: Database;
  clock: Clock;
  roles: TRoleDirectory;
  register: TRegister;
  messaging: TMessaging;
  settings: Pick<TFeatureSettings, "TIMEZONE" | "WORKING_DAYS" | "WORKING_HOURS">;
}

export interface TAnswerRetentionInput {
  reviewId: string;
  answer: TRetentionAnswer;
  actor: TPersonId;
  /** Where they clicked (the front end's note), to answer a refusal there. */
  where?: string | null;
}

export type TAnswerRetentionResult =
  { outcome: "done" | "already_done" | "refused" | "not_found" } | { outcome: "snoozed"; until: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function answerRetentionReview(
  deps: TAnswerRetentionDeps,
  input: TAnswerRetentionInput,
): Promise<TAnswerRetentionResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const notice = (name: "retention_owner_only" | "already_done" | "no_longer_applies", system?: string) =>
      enqueueNotice(
        tx,
        deps.messaging,
        { person: input.actor, notice: name, params: system ? { system } : {}, where: input.where },
        now,
      );
    // A button value that is not an id (a forged or broken payload) finds nothing, and says so.
    const review = UUID.test(input.reviewId) ? await tx.retentionReview.findUnique({ where: { id: input.reviewId } }) : null;
    if (!review) {
      await notice("no_longer_applies");
      return { outcome: "not_found" } as const;
    }
    const subject = `${review.systemKey}:${review.period}`;
    const system = deps.register.systems.find((candidate) => candidate.key === review.systemKey);
    const allowed =
      input.actor === review.ownerId ||
      input.actor === systemOwnerPerson(deps, review.systemKey) ||
      isDpo(input.actor, deps.roles);
    if (!allowed) {
      await recordDutyEvent(tx, { at: now, actorId: input.actor, duty: "retention_review", subject, kind: "refused" });
      await notice("retention_owner_only", system?.name ?? review.systemKey);
      return { outcome: "refused" } as const;
    }
    const showAnswer = (payload: { reviewId: string; answer: TRetentionAnswer; until?: string }) =>
      updateKeyedMessages(tx, {
        keyPrefix: retentionMessageKeys.nudges(review.id),
        now,
        as: { kind: RETENTION_ANSWERED_KIND, payload },
      });
    if (review.completedAt) {
      await notice("already_done");
      return { outcome: "already_done" } as const;
    }
    if (input.answer === "done") {
      // Conditional: of two clicks at once, one records.
      const claimed = await tx.retentionReview.updateMany({
        where: { id: review.id, completedAt: null },
        data: { completedAt: now, completedBy: input.actor },
      });
      if (claimed.count === 0) {
        await notice("already_done");
        return { outcome: "already_done" } as const;
      }
      await recordDutyEvent(tx, { at: now, actorId: input.actor, duty: "retention_review", subject, kind: "done" });
      await showAnswer({ reviewId: review.id, answer: "done" });
      return { outcome: "done" } as const;
    }
    const until = workingStartAfterDays(now, input.answer === "snooze_day" ? 1 : 7, workingHoursOf(deps.settings));
    const snoozed = await tx.retentionReview.update({ where: { id: review.id }, data: { snoozeCount: { increment: 1 } } });
    await scheduleJobs(tx, [
      {
        kind: DUTY_JOB_KINDS.retentionReminder,
        dedupeKey: dutyKeys.retentionReminder(review.id, snoozed.snoozeCount),
        dueAt: until,
        payload: { reviewId: review.id, count: snoozed.snoozeCount },
      },
    ]);
    await recordDutyEvent(tx, {
      at: now,
      actorId: input.actor,
      duty: "retention_review",
      subject,
      kind: "snoozed",
      details: { until: until.toISOString(), answer: input.answer },
    });
    await showAnswer({ reviewId: review.id, answer: input.answer, until: until.toISOString() });
    return { outcome: "snoozed", until } as const;
  });
}
