// Nobody confirmed a retention review within RETENTION_ESCALATE_AFTER_DAYS
// of its nudge: management is told in its channel.
import { z } from "zod";
import { BOT_ACTOR, recordDutyEvent } from "../../core/duties/recordDutyEvent.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toChannel } from "../../core/outbox/target.ts";
import type { TJobHandler } from "../../core/scheduler/runDueJobs.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { RETENTION_ESCALATION_KIND } from "./retentionMessages.ts";

const ZReviewPayload = z.object({ reviewId: z.string() });

export function escalateRetentionReview(deps: Pick<TFeatureDeps, "messaging" | "settings">): TJobHandler {
  return async (tx, { job, now }) => {
    const payload = ZReviewPayload.safeParse(job.payload);
    if (!payload.success) return { status: "skipped", reason: "payload does not parse" };
    const review = await tx.retentionReview.findUnique({ where: { id: payload.data.reviewId } });
    if (!review) return { status: "skipped", reason: "review not found" };
    if (review.completedAt) return { status: "skipped", reason: "already done" };
    await tx.retentionReview.update({ where: { id: review.id }, data: { escalatedAt: now } });
    const days = deps.settings.RETENTION_ESCALATE_AFTER_DAYS;
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: RETENTION_ESCALATION_KIND,
        target: toChannel("management"),
        payload: { reviewId: review.id, days },
        notBefore: now,
      },
    ]);
    await recordDutyEvent(tx, {
      at: now,
      actorId: BOT_ACTOR,
      duty: "retention_review",
      subject: `${review.systemKey}:${review.period}`,
      kind: "escalated",
      details: { to: "management", days },
    });
    return { status: "done" };
  };
}
