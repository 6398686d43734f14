// The weekly digest to management: open and overdue incidents, decisions of
// the past week, open and overdue measures, retention reviews awaiting
// confirmation. Only references, statuses and counts: no free text from a
// report goes to a channel. Switched off with WEEKLY_DIGEST=off.
import { DateTime } from "luxon";
import type { TBotContext } from "../../app/botContext.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../../domain/duties/dutyJobs.ts";
import { nextWeeklyOccurrence } from "../../domain/schedules/cadences.ts";
import { parseClockTime, workingHoursOf } from "../../domain/schedules/workingHours.ts";
import type { TSettings } from "../../settings/loadSettings.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { dutyMessage } from "../register/dutyOutbox.ts";
import { BOT_ACTOR, recordDutyEvent } from "../register/recordDutyEvent.ts";
import type { TJobHandler } from "../scheduler/runDueJobs.ts";
import { scheduleJobs } from "../scheduler/scheduleJob.ts";

export function nextWeeklyDigestJob(settings: TSettings, after: Date) {
  const next = nextWeeklyOccurrence(
    { weekday: settings.WEEKLY_DIGEST_DAY, minutes: parseClockTime(settings.WEEKLY_DIGEST_TIME)! },
    after,
    workingHoursOf(settings),
  );
  return {
    kind: DUTY_JOB_KINDS.weeklyDigest,
    dedupeKey: dutyKeys.weeklyDigest(next.key),
    dueAt: next.dueAt,
    payload: { week: next.key },
  };
}

export interface TDigestData {
  openIncidents: { reference: string; status: string; overdue: boolean }[];
  decisions: { reference: string; decision: string }[];
  measuresOpen: number;
  measuresOverdue: number;
  reviewsOpen: { systemKey: string; period: string; escalated: boolean }[];
}

export async function collectDigest(tx: TDbTransaction, context: TBotContext, now: Date): Promise<TDigestData> {
  const open = await tx.incident.findMany({ where: { closedAt: null }, orderBy: { reference: "asc" } });
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const decided = await tx.incident.findMany({
    where: { decidedAt: { gt: weekAgo, lte: now } },
    orderBy: { reference: "asc" },
  });
  const today = DateTime.fromJSDate(now, { zone: context.settings.TIMEZONE }).toISODate()!;
  const measuresOpen = await tx.correctiveMeasure.count({ where: { doneAt: null } });
  const measuresOverdue = await tx.correctiveMeasure.count({ where: { doneAt: null, dueDate: { lt: today } } });
  const reviews = await tx.retentionReview.findMany({ where: { completedAt: null }, orderBy: [{ systemKey: "asc" }] });
  return {
    openIncidents: open.map((incident) => ({
      reference: incident.reference,
      status: incident.status,
      overdue: incident.decision === null && incident.deadlineAt.getTime() < now.getTime(),
    })),
    decisions: decided.map((incident) => ({ reference: incident.reference, decision: incident.decision ?? "" })),
    measuresOpen,
    measuresOverdue,
    reviewsOpen: reviews.map((review) => ({
      systemKey: review.systemKey,
      period: review.period,
      escalated: !!review.escalatedAt,
    })),
  };
}

export const handleWeeklyDigest: TJobHandler = async (tx, { job, now, context }) => {
  // Switched off: the chain ends; switching it on again seeds it at start.
  if (context.settings.WEEKLY_DIGEST === "off") return { status: "skipped", reason: "weekly digest is off" };
  // Next week's; after an outage, the first one still ahead (missed weeks are not sent in a burst).
  await scheduleJobs(tx, [
    nextWeeklyDigestJob(context.settings, new Date(Math.max(job.dueAt.getTime() + 86_400_000, now.getTime()))),
  ]);
  const digest = await collectDigest(tx, context, now);
  await enqueueOutboxMessages(tx, [
    dutyMessage({
      message: "weekly_digest",
      channel: context.settings.MANAGEMENT_CHANNEL_ID,
      params: { ...digest } as never,
      notBefore: now,
    }),
  ]);
  await recordDutyEvent(tx, {
    at: now,
    actorId: BOT_ACTOR,
    duty: "weekly_digest",
    subject: String((job.payload as { week?: string }).week ?? job.dedupeKey),
    kind: "sent",
    details: { openIncidents: digest.openIncidents.length, measuresOpen: digest.measuresOpen },
  });
  return { status: "done" };
};
