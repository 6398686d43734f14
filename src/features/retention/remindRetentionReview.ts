// The reminder after the owner snoozed a retention review ("remind me
// tomorrow / next week"): the nudge again, as a new message, unless the
// review was done meanwhile.
import { z } from "zod";
import { BOT_ACTOR, recordDutyEvent } from "../../core/duties/recordDutyEvent.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import type { TJobHandler } from "../../core/scheduler/runDueJobs.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { retentionMessageKeys } from "./retentionActions.ts";
import { RETENTION_NUDGE_KIND } from "./retentionMessages.ts";

const ZReminderPayload = z.object({ reviewId: z.string(), count: z.number().int().min(1).default(1) });

export function remindRetentionReview(deps: Pick<TFeatureDeps, "messaging">): TJobHandler {
  return async (tx, { job, now }) => {
    const payload = ZReminderPayload.safeParse(job.payload);
    if (!payload.success) return { status: "skipped", reason: "payload does not parse" };
    const review = await tx.retentionReview.findUnique({ where: { id: payload.data.reviewId } });
    if (!review) return { status: "skipped", reason: "review not found" };
    if (review.completedAt) return { status: "skipped", reason: "already done" };
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: RETENTION_NUDGE_KIND,
        target: toPerson(review.ownerId),
        key: retentionMessageKeys.nudge(review.id, payload.data.count),
        payload: { reviewId: review.id, reminder: true },
        notBefore: now,
      },
    ]);
    await recordDutyEvent(tx, {
      at: now,
      actorId: BOT_ACTOR,
      duty: "retention_review",
      subject: `${review.systemKey}:${review.period}`,
      kind: "reminded",
    });
    return { status: "done" };
  };
}
