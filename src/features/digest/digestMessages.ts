// The weekly digest in the management channel, read from the records when
// it is delivered.
import { z } from "zod";
import type { TDecision, TIncidentStatus } from "../../core/incidents/decisions.ts";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { formatNumber } from "../../core/time/formatLocal.ts";
import type { TMessageContext } from "../messageContext.ts";
import { describeReview } from "../retention/retentionPeriods.ts";
import { collectDigest } from "./collectDigest.ts";

export const WEEKLY_DIGEST_KIND = "digest.weekly";

export const weeklyDigestMessage = defineMessageKind({
  kind: WEEKLY_DIGEST_KIND,
  payload: z.object({ week: z.string().optional() }),
  async build(_payload, context: TMessageContext) {
    const t = context.texts.digest;
    const vocabulary = context.texts.vocabulary;
    const digest = await collectDigest(context.database.prisma, context.now, context.organisation.zone);
    const number = (value: number) => formatNumber(value, context.locale);
    const listOr = (items: string[]) => (items.length > 0 ? items.join(", ") : t.none);
    const incidents = digest.openIncidents.map(
      (incident) =>
        `${incident.reference} (${vocabulary.statuses[incident.status as TIncidentStatus] ?? incident.status})${incident.overdue ? ` ${t.overdue}` : ""}`,
    );
    const decisions = digest.decisions.map(
      (item) => `${item.reference}: ${vocabulary.decisions[item.decision as TDecision] ?? item.decision}`,
    );
    const reviews = digest.reviewsOpen.map((review) => {
      const { name, period } = describeReview(review, context);
      return `${name} (${period})${review.escalated ? ` ${t.escalated}` : ""}`;
    });
    return {
      summary: t.summary,
      blocks: [
        { kind: "heading", text: t.heading },
        { kind: "text", text: t.openIncidents({ count: number(digest.openIncidents.length), list: listOr(incidents) }) },
        { kind: "text", text: t.decisions({ list: listOr(decisions) }) },
        { kind: "text", text: t.measures({ open: number(digest.measuresOpen), overdue: number(digest.measuresOverdue) }) },
        { kind: "text", text: t.reviews({ list: listOr(reviews) }) },
      ],
    };
  },
});
