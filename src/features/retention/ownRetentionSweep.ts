// The bot's OWN retention (not the register systems' retention reviews):
// OWN_RETENTION_YEARS (default 7) after an incident was closed, its free
// text and personal details are erased; a non-personal summary stays in the
// register (reference, dates, system, data kinds, counts, level, decision).
// A daily sweep job does it, records each erasure (timeline + audit trail)
// and schedules the next sweep. Erased are: every field listed in
// ENCRYPTED_FIELDS of the incident and of the models that carry its
// incidentId, and the reporter's person id (also as actor in the timeline).
import { DateTime } from "luxon";
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { BOT_ACTOR } from "../../core/people/person.ts";
import type { TJobHandler } from "../../core/scheduler/runDueJobs.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import { ENCRYPTED_FIELDS } from "../../core/security/encryptedFields.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import type { TFeatureDeps } from "../featureDeps.ts";

export const OWN_RETENTION_SWEEP = "own_retention.sweep";
export const ERASED = "erased";
export const ERASED_TEXT = "[gewist / erased]";
const BATCH = 50;
/** The sweep runs daily at this local hour. */
const SWEEP_HOUR = 3;

export type TOwnRetentionDeps = Pick<TFeatureDeps, "database" | "clock" | "settings">;

type TDelegate = { updateMany(args: unknown): Promise<{ count: number }> };

function delegateOf(tx: TDbTransaction, model: string): TDelegate {
  return (tx as unknown as Record<string, TDelegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
}

function hasIncidentId(database: Database, model: string): boolean {
  const models = (
    database.prisma as unknown as { _runtimeDataModel?: { models: Record<string, { fields: { name: string }[] }> } }
  )._runtimeDataModel?.models;
  return models?.[model]?.fields.some((field) => field.name === "incidentId") ?? false;
}

export function nextSweepAt(now: Date, zone: string): Date {
  let next = DateTime.fromJSDate(now, { zone }).set({ hour: SWEEP_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (next.toMillis() <= now.getTime()) next = next.plus({ days: 1 });
  return next.toJSDate();
}

/** Puts the next sweep on the schedule (idempotent: one per day). */
export async function scheduleOwnRetentionSweep(tx: TDbTransaction, now: Date, zone: string): Promise<number> {
  const dueAt = nextSweepAt(now, zone);
  return scheduleJobs(tx, [
    { kind: OWN_RETENTION_SWEEP, dedupeKey: `${OWN_RETENTION_SWEEP}:${DateTime.fromJSDate(dueAt, { zone }).toISODate()}`, dueAt },
  ]);
}

/** Erases one incident's free text and personal details, inside the caller's transaction. */
export async function eraseIncidentFreeText(
  deps: TOwnRetentionDeps,
  tx: TDbTransaction,
  incident: { id: string; reference: string; reporterId: string },
  now: Date,
): Promise<void> {
  for (const [model, fields] of Object.entries(ENCRYPTED_FIELDS)) {
    const isIncident = model === "Incident";
    if (!isIncident && !hasIncidentId(deps.database, model)) continue; // not incident data (e.g. duty events)
    const scope = isIncident ? { id: incident.id } : { incidentId: incident.id };
    for (const [field, kind] of Object.entries(fields)) {
      await delegateOf(tx, model).updateMany({
        // gte "": "not null" that is also valid on required fields.
        where: { ...scope, ...(kind === "text" ? { [field]: { gte: "" } } : {}) },
        data: { [field]: kind === "text" ? ERASED_TEXT : { erased: true } },
      });
    }
  }
  await tx.incident.update({ where: { id: incident.id }, data: { reporterId: ERASED } });
  await tx.timelineEntry.updateMany({
    where: { incidentId: incident.id, actorId: incident.reporterId },
    data: { actorId: ERASED },
  });
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: BOT_ACTOR,
    kind: "own_retention_erased",
    details: { reference: incident.reference, retentionYears: deps.settings.OWN_RETENTION_YEARS },
  });
}

export function sweepOwnRetention(deps: TOwnRetentionDeps): TJobHandler {
  return async (tx, { now }) => {
    const closedBefore = DateTime.fromJSDate(now).minus({ years: deps.settings.OWN_RETENTION_YEARS }).toJSDate();
    const due = await tx.incident.findMany({
      where: { closedAt: { not: null, lt: closedBefore }, reporterId: { not: ERASED } },
      select: { id: true, reference: true, reporterId: true },
      orderBy: { closedAt: "asc" },
      take: BATCH,
    });
    for (const incident of due) await eraseIncidentFreeText(deps, tx, incident, now);
    // A full batch: look again soon; otherwise tomorrow.
    if (due.length === BATCH) {
      await scheduleJobs(tx, [
        { kind: OWN_RETENTION_SWEEP, dedupeKey: `${OWN_RETENTION_SWEEP}:more:${now.toISOString()}`, dueAt: now },
      ]);
    } else {
      await scheduleOwnRetentionSweep(tx, now, deps.settings.TIMEZONE);
    }
    return { status: "done", outcome: { erased: due.map((incident) => incident.reference) } };
  };
}

/** At start: make sure a sweep is scheduled. */
export async function seedOwnRetentionSweep(deps: TOwnRetentionDeps): Promise<number> {
  return deps.database.prisma.$transaction((tx) => scheduleOwnRetentionSweep(tx, deps.clock.now(), deps.settings.TIMEZONE));
}
