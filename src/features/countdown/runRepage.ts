// The re-page falls due: nobody took the incident within REPAGE_AFTER_MINUTES
// (then every REPAGE_REPEAT_MINUTES), so every privacy officer is paged again
// and management is told. Taking the incident ends the series (takeIncident
// tidies up the re-pages already sent); a re-page still found due for a taken
// or decided incident pages no one.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { isCountdownRunning } from "../../core/incidents/decisions.ts";
import { enqueueMessages, type TOutgoingMessage } from "../../core/outbox/enqueueMessages.ts";
import { toChannel, toPerson } from "../../core/outbox/target.ts";
import { BOT_ACTOR } from "../../core/people/person.ts";
import type { TJobOutcome, TJobRun } from "../../core/scheduler/runDueJobs.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { COUNTDOWN_MESSAGE_KINDS, repageKey, type TRepagePayload } from "./countdownMessages.ts";
import { COUNTDOWN_JOB_KINDS, repageDedupeKey, repageSeries, ZRepageJobPayload } from "./countdownJobKinds.ts";
import { nextRepageIndex, repageAt } from "./countdownPlan.ts";

export type TRepageDeps = Pick<TFeatureDeps, "roles" | "messaging" | "limits">;

export async function runRepage(deps: TRepageDeps, tx: TDbTransaction, run: TJobRun): Promise<TJobOutcome> {
  const { job, now, late } = run;
  const parsed = ZRepageJobPayload.safeParse(job.payload);
  if (!parsed.success) return { status: "skipped", reason: "payload_invalid" };
  const payload = parsed.data;
  const incident = job.incidentId ? await tx.incident.findUnique({ where: { id: job.incidentId } }) : null;
  if (!incident) return { status: "skipped", reason: "incident_not_found" };
  if (incident.ownerId) return { status: "skipped", reason: "taken" };
  if (!isCountdownRunning(incident)) return { status: "skipped", reason: "decided" };

  const base = { incidentId: incident.id, index: payload.index, late, reportedAt: payload.reportedAt };
  const message = (target: TOutgoingMessage["target"], payload: TRepagePayload, key?: string): TOutgoingMessage => ({
    kind: COUNTDOWN_MESSAGE_KINDS.repage,
    target,
    ...(key ? { key } : {}),
    payload,
    incidentId: incident.id,
    notBefore: now,
  });
  await enqueueMessages(tx, deps.messaging, [
    // Keyed, so that the take button can be taken away once someone took it.
    ...deps.roles.dpos.map((person) =>
      message(toPerson(person), { ...base, audience: "dpo", person }, repageKey(incident.id, payload.index, person)),
    ),
    message(toChannel("management"), { ...base, audience: "management" }),
  ]);
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: BOT_ACTOR,
    kind: "repaged",
    details: { index: payload.index, late },
  });
  const { repageAfterMinutes: after, repageRepeatMinutes: repeat } = deps.limits;
  const reportedAt = new Date(payload.reportedAt);
  const index = nextRepageIndex(reportedAt, after, repeat, payload.index, now);
  await scheduleJobs(tx, [
    {
      kind: COUNTDOWN_JOB_KINDS.repage,
      dedupeKey: repageDedupeKey(incident.id, index),
      dueAt: repageAt(reportedAt, after, repeat, index),
      incidentId: incident.id,
      series: repageSeries(incident.id),
      payload: { reportedAt: payload.reportedAt, index },
    },
  ]);
  return { status: "done", outcome: { index: payload.index } };
}
