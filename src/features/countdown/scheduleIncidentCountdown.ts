// Puts an incident's countdown (and, for a new report, its re-page) on the
// durable schedule, inside the caller's transaction.
import { planCountdown, repageAt } from "./countdownPlan.ts";
import type { TSql } from "../../core/storage/sql.ts";
import { scheduleJobs, type TScheduleJobInput } from "../../core/scheduler/scheduleJobs.ts";
import { COUNTDOWN_JOB_KINDS, countdownDedupeKey, countdownSeries, repageDedupeKey, repageSeries } from "./countdownJobKinds.ts";

export interface TCountdownIncident {
  id: string;
  deadlineAt: Date;
}

export async function scheduleIncidentCountdown(
  tx: TSql,
  incident: TCountdownIncident,
  now: Date,
  /** Given for a new report: schedule the re-page too, this many minutes after the report. */
  repage?: { afterMinutes: number },
): Promise<number> {
  const jobs: TScheduleJobInput[] = planCountdown(incident.deadlineAt, now).map((planned) => ({
    kind: COUNTDOWN_JOB_KINDS.reminder,
    dedupeKey: countdownDedupeKey(incident.id, incident.deadlineAt, planned.mark),
    dueAt: planned.dueAt,
    incidentId: incident.id,
    series: countdownSeries(incident.id, incident.deadlineAt),
    payload: { deadlineAt: incident.deadlineAt.toISOString(), mark: planned.mark },
  }));
  if (repage) {
    jobs.push({
      kind: COUNTDOWN_JOB_KINDS.repage,
      dedupeKey: repageDedupeKey(incident.id, 0),
      dueAt: repageAt(now, repage.afterMinutes, 0, 0),
      incidentId: incident.id,
      series: repageSeries(incident.id),
      payload: { reportedAt: now.toISOString(), index: 0 },
    });
  }
  return scheduleJobs(tx, jobs);
}
