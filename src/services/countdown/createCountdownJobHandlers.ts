// The scheduled jobs of the countdown: reminders before the deadline, the
// overdue notices after it, and the re-page of an incident nobody took.
// Each checks the current record when it runs: a decided incident, a moved
// deadline or a taken incident makes the job a no-op ("skipped").
import { isCountdownRunning } from "../../domain/incidents/decisions.ts";
import { nextOverdueIndex, nextRepageIndex, overdueAt, repageAt } from "../../domain/countdown/countdownPlan.ts";
import type { TJobHandlers, TJobRun, TJobOutcome } from "../scheduler/runDueJobs.ts";
import { scheduleJobs } from "../scheduler/scheduleJob.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";
import { enqueueOutboxMessages, type TOutboxMessageInput } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import {
  BOT_ACTOR_ID,
  COUNTDOWN_JOB_KINDS,
  countdownDedupeKey,
  countdownSeries,
  repageSeries,
  ZCountdownJobPayload,
  ZRepageJobPayload,
} from "./countdownJobKinds.ts";

export function createCountdownJobHandlers(): TJobHandlers {
  return {
    [COUNTDOWN_JOB_KINDS.reminder]: runCountdownReminder,
    [COUNTDOWN_JOB_KINDS.repage]: runRepage,
  };
}

async function runCountdownReminder(tx: TDbTransaction, run: TJobRun): Promise<TJobOutcome> {
  const { job, now, late, context } = run;
  const payload = ZCountdownJobPayload.parse(job.payload);
  const incident = job.incidentId ? await tx.incident.findUnique({ where: { id: job.incidentId } }) : null;
  if (!incident) return { status: "skipped", reason: "incident_not_found" };
  if (!isCountdownRunning(incident)) return { status: "skipped", reason: "decided" };
  // A corrected awareness time made a new series; this one is stale.
  if (incident.deadlineAt.toISOString() !== payload.deadlineAt) return { status: "skipped", reason: "deadline_moved" };

  const { mark } = payload;
  const base = { incidentId: incident.id, mark, late };
  const dpos = incident.ownerId ? [incident.ownerId] : context.settings.DPO_USER_IDS;
  const messages: TOutboxMessageInput[] = [
    { kind: OUTBOX_KINDS.countdownReminder, payload: { ...base, audience: "thread" }, incidentId: incident.id, notBefore: now },
    ...dpos.map((dpoUserId) => ({
      kind: OUTBOX_KINDS.countdownReminder,
      payload: { ...base, audience: "dpo", dpoUserId },
      incidentId: incident.id,
      notBefore: now,
    })),
  ];
  if (mark.kind === "overdue") {
    messages.push({
      kind: OUTBOX_KINDS.countdownReminder,
      payload: { ...base, audience: "management" },
      incidentId: incident.id,
      notBefore: now,
    });
    // Every 24 hours until decided; a gap is not replayed, the next one
    // is the first still ahead.
    const index = nextOverdueIndex(incident.deadlineAt, now, mark.index + 1);
    const next = { kind: "overdue" as const, index };
    await scheduleJobs(tx, [
      {
        kind: COUNTDOWN_JOB_KINDS.reminder,
        dedupeKey: countdownDedupeKey(incident.id, incident.deadlineAt, next),
        dueAt: overdueAt(incident.deadlineAt, index),
        incidentId: incident.id,
        series: countdownSeries(incident.id, incident.deadlineAt),
        payload: { deadlineAt: payload.deadlineAt, mark: next },
      },
    ]);
  }
  await enqueueOutboxMessages(tx, messages);
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: BOT_ACTOR_ID,
    kind: mark.kind === "overdue" ? "countdown_overdue" : "countdown_reminder",
    details: { mark, late, deadlineAt: payload.deadlineAt, dueAt: job.dueAt.toISOString() },
  });
  return { status: "done", outcome: { mark, recipients: dpos.length } };
}

async function runRepage(tx: TDbTransaction, run: TJobRun): Promise<TJobOutcome> {
  const { job, now, late, context } = run;
  const payload = ZRepageJobPayload.parse(job.payload);
  const incident = job.incidentId ? await tx.incident.findUnique({ where: { id: job.incidentId } }) : null;
  if (!incident) return { status: "skipped", reason: "incident_not_found" };
  if (incident.ownerId) return { status: "skipped", reason: "taken" };
  if (!isCountdownRunning(incident)) return { status: "skipped", reason: "decided" };

  const base = { incidentId: incident.id, index: payload.index, late, reportedAt: payload.reportedAt };
  await enqueueOutboxMessages(tx, [
    ...context.settings.DPO_USER_IDS.map((dpoUserId) => ({
      kind: OUTBOX_KINDS.countdownRepage,
      payload: { ...base, audience: "dpo", dpoUserId },
      incidentId: incident.id,
      notBefore: now,
    })),
    { kind: OUTBOX_KINDS.countdownRepage, payload: { ...base, audience: "management" }, incidentId: incident.id, notBefore: now },
  ]);
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: BOT_ACTOR_ID,
    kind: "repaged",
    details: { index: payload.index, late },
  });
  const { REPAGE_AFTER_MINUTES: after, REPAGE_REPEAT_MINUTES: repeat } = context.settings;
  const reportedAt = new Date(payload.reportedAt);
  const index = nextRepageIndex(reportedAt, after, repeat, payload.index, now);
  await scheduleJobs(tx, [
    {
      kind: COUNTDOWN_JOB_KINDS.repage,
      dedupeKey: `${repageSeries(incident.id)}:${index}`,
      dueAt: repageAt(reportedAt, after, repeat, index),
      incidentId: incident.id,
      series: repageSeries(incident.id),
      payload: { reportedAt: payload.reportedAt, index },
    },
  ]);
  return { status: "done", outcome: { index: payload.index } };
}
