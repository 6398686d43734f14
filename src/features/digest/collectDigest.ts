// What the weekly digest says, read from the records: open incidents (and
// whether their deadline passed without a decision), the past week's
// decisions, open and overdue measures, and retention reviews awaiting
// confirmation. References, statuses and counts only: no free text.
import { DateTime } from "luxon";
import type { TDbTransaction } from "../../core/storage/transaction.ts";

export interface TDigest {
  openIncidents: { reference: string; status: string; overdue: boolean }[];
  decisions: { reference: string; decision: string }[];
  measuresOpen: number;
  measuresOverdue: number;
  reviewsOpen: { systemKey: string; period: string; escalated: boolean }[];
}

export async function collectDigest(db: TDbTransaction, now: Date, zone: string): Promise<TDigest> {
  const open = await db.incident.findMany({ where: { closedAt: null }, orderBy: { reference: "asc" } });
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const decided = await db.incident.findMany({
    where: { decidedAt: { gt: weekAgo, lte: now } },
    orderBy: { reference: "asc" },
  });
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const measuresOpen = await db.correctiveMeasure.count({ where: { doneAt: null } });
  const measuresOverdue = await db.correctiveMeasure.count({ where: { doneAt: null, dueDate: { lt: today } } });
  const reviews = await db.retentionReview.findMany({
    where: { completedAt: null },
    orderBy: [{ systemKey: "asc" }, { period: "asc" }],
  });
  return {
    openIncidents: open.map((incident) => ({
      reference: incident.reference,
      status: incident.status,
      overdue: incident.decision === null && incident.deadlineAt.getTime() < now.getTime(),
    })),
    decisions: decided.flatMap((incident) =>
      incident.decision ? [{ reference: incident.reference, decision: incident.decision }] : [],
    ),
    measuresOpen,
    measuresOverdue,
    reviewsOpen: reviews.map((review) => ({
      systemKey: review.systemKey,
      period: review.period,
      escalated: review.escalatedAt !== null,
    })),
  };
}
