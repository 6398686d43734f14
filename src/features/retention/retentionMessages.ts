// The retention review's messages: the nudge in the owner's direct messages
// (and each reminder after a snooze), the answer that replaces it, and the
// escalation to management. Built from the review as it stands.
import { z } from "zod";
import type { TBlock } from "../../core/messages/message.ts";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TMessageContext } from "../messageContext.ts";
import { RETENTION_ACTIONS } from "./retentionActions.ts";
import { describeReview } from "./retentionPeriods.ts";

export const RETENTION_NUDGE_KIND = "retention.nudge";
export const RETENTION_ANSWERED_KIND = "retention.answered";
export const RETENTION_ESCALATION_KIND = "retention.escalation";

export const RETENTION_ANSWERS = ["done", "snooze_day", "snooze_week"] as const;
export type TRetentionAnswer = (typeof RETENTION_ANSWERS)[number];

const findReview = (context: TMessageContext, id: string) =>
  context.database.prisma.retentionReview.findUnique({ where: { id } });

function doneText(
  review: { completedBy: string | null; completedAt: Date | null },
  title: string,
  context: TMessageContext,
): TBlock | undefined {
  if (!review.completedAt || !review.completedBy) return undefined;
  const when = formatLocal(review.completedAt, context.organisation.zone, context.locale);
  return { kind: "text", text: context.texts.retention.answered.done({ title, by: review.completedBy, when }) };
}

export const retentionNudgeMessage = defineMessageKind({
  kind: RETENTION_NUDGE_KIND,
  payload: z.object({ reviewId: z.string(), reminder: z.boolean().default(false) }),
  async build({ reviewId, reminder }, context: TMessageContext) {
    const review = await findReview(context, reviewId);
    if (!review) return undefined;
    const t = context.texts.retention;
    const { system, name, title, action } = describeReview(review, context);
    // Shown again once it is done (a click elsewhere): no button stays behind.
    const done = doneText(review, title, context);
    if (done) return { summary: title, blocks: [done] };
    return {
      summary: t.nudge.summary({ system: name }),
      blocks: [
        { kind: "text", text: [reminder ? t.nudge.reminder : t.nudge.first, { strong: title }] },
        { kind: "text", text: t.nudge.remove({ system: name, action }) },
        {
          kind: "text",
          text: t.nudge.term({
            retention: system?.retention ?? t.nudge.unknownTerm,
            cadence: system ? context.texts.register.cadences[system.retention_review] : t.nudge.unknownTerm,
          }),
        },
        {
          kind: "controls",
          id: "retention_review",
          controls: [
            { kind: "button", action: RETENTION_ACTIONS.done, label: t.nudge.done, value: review.id, style: "primary" },
            { kind: "button", action: RETENTION_ACTIONS.snoozeDay, label: t.nudge.snoozeDay, value: review.id },
            { kind: "button", action: RETENTION_ACTIONS.snoozeWeek, label: t.nudge.snoozeWeek, value: review.id },
          ],
        },
      ],
    };
  },
});

export const retentionAnsweredMessage = defineMessageKind({
  kind: RETENTION_ANSWERED_KIND,
  payload: z.object({ reviewId: z.string(), answer: z.enum(RETENTION_ANSWERS), until: z.string().optional() }),
  async build({ reviewId, answer, until }, context: TMessageContext) {
    const review = await findReview(context, reviewId);
    if (!review) return undefined;
    const { title } = describeReview(review, context);
    const done = doneText(review, title, context);
    if (done) return { summary: title, blocks: [done] };
    // "Done" that is not on the record (yet) says nothing rather than something wrong.
    if (answer === "done" || !until) return undefined;
    const text = context.texts.retention.answered.snoozed({
      title,
      until: formatLocal(new Date(until), context.organisation.zone, context.locale),
    });
    return { summary: title, blocks: [{ kind: "text", text }] };
  },
});

export const retentionEscalationMessage = defineMessageKind({
  kind: RETENTION_ESCALATION_KIND,
  payload: z.object({ reviewId: z.string(), days: z.number().int() }),
  async build({ reviewId, days }, context: TMessageContext) {
    const review = await findReview(context, reviewId);
    if (!review) return undefined;
    const t = context.texts.retention.escalation;
    const { title, action } = describeReview(review, context);
    const firstNudge = formatLocal(review.firstNudgeAt, context.organisation.zone, context.locale);
    return {
      summary: t.summary({ title }),
      blocks: [{ kind: "text", text: t.text({ title, days, owner: review.ownerId, firstNudge, action }) }],
    };
  },
});
