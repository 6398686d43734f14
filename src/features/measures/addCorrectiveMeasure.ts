// A privacy officer adds a corrective measure to an incident: what, owner,
// due date. The owner is told in a direct message, reminders are scheduled
// (on the due date, then weekly while overdue, in working hours), and the
// follow-up in the thread is updated, all in one transaction.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction, type TGuardDeps } from "../../core/incidents/guardIncidentAction.ts";
import type { TFormValues } from "../../core/messages/form.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import { workingHoursOf, workingStartOnOrAfter } from "../../core/time/workingHours.ts";
import type { TFeatureSettings } from "../featureDeps.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../retention/dutyJobs.ts";
import { validateMeasure, type TMeasureField, type TMeasureProblem } from "./measureInput.ts";
import { measureMessageKeys } from "./measuresActions.ts";
import { MEASURE_ASSIGNED_KIND, progressUpdate } from "./measuresMessages.ts";

export interface TAddMeasureDeps extends TGuardDeps {
  database: Database;
  clock: Clock;
  settings: Pick<TFeatureSettings, "TIMEZONE" | "WORKING_DAYS" | "WORKING_HOURS">;
}

export type TAddMeasureResult =
  | { outcome: "added"; measureId: string }
  | { outcome: "invalid"; problems: Partial<Record<TMeasureField, TMeasureProblem>> }
  | { outcome: "refused" | "not_found" | "closed" };

export async function addCorrectiveMeasure(
  deps: TAddMeasureDeps,
  input: { reference: string; actor: TPersonId; values: TFormValues },
): Promise<TAddMeasureResult> {
  const now = deps.clock.now();
  const checked = validateMeasure(input.values, now, deps.settings.TIMEZONE);
  if (!checked.ok) return { outcome: "invalid", problems: checked.problems };
  const fields = checked.measure;
  return deps.database.prisma.$transaction(async (tx) => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: "measure_add" },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome } as const;
    const { incident } = guard;
    if (incident.closedAt) return { outcome: "closed" } as const;
    const measure = await tx.correctiveMeasure.create({
      data: {
        incidentId: incident.id,
        what: fields.what,
        ownerId: fields.owner,
        dueDate: fields.dueDate,
        createdBy: input.actor,
        createdAt: now,
      },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "measure_added",
      details: { measureId: measure.id, ownerId: measure.ownerId, dueDate: measure.dueDate },
    });
    await scheduleJobs(tx, [
      {
        kind: DUTY_JOB_KINDS.measureReminder,
        dedupeKey: dutyKeys.measureReminder(measure.id, 0),
        dueAt: workingStartOnOrAfter(measure.dueDate, workingHoursOf(deps.settings)),
        payload: { measureId: measure.id, index: 0 },
        incidentId: incident.id,
        series: dutyKeys.measureSeries(measure.id),
      },
    ]);
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: MEASURE_ASSIGNED_KIND,
        target: toPerson(measure.ownerId),
        key: measureMessageKeys.assigned(measure.id),
        payload: { measureId: measure.id },
        incidentId: incident.id,
        notBefore: now,
      },
      progressUpdate(incident.id, now),
    ]);
    return { outcome: "added", measureId: measure.id } as const;
  });
}
