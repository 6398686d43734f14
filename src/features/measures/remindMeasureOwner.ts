// A measure's reminder to its owner: on its due date (start of working
// hours), then on the next working day once overdue, then weekly until it
// is confirmed. Each is a new message, so it is seen.
import { DateTime } from "luxon";
import { z } from "zod";
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import { BOT_ACTOR } from "../../core/people/person.ts";
import type { TJobHandler } from "../../core/scheduler/runDueJobs.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import { workingHoursOf, workingStartOnOrAfter } from "../../core/time/workingHours.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../retention/dutyJobs.ts";
import { measureMessageKeys } from "./measuresActions.ts";
import { MEASURE_REMINDER_KIND } from "./measuresMessages.ts";

const ZPayload = z.object({ measureId: z.string(), index: z.number().int().min(0) });

export function remindMeasureOwner(deps: Pick<TFeatureDeps, "settings" | "messaging">): TJobHandler {
  return async (tx, { job, now }) => {
    const payload = ZPayload.safeParse(job.payload);
    if (!payload.success) return { status: "skipped", reason: "payload does not parse" };
    const { measureId, index } = payload.data;
    const measure = await tx.correctiveMeasure.findUnique({ where: { id: measureId } });
    if (!measure) return { status: "skipped", reason: "measure not found" };
    if (measure.doneAt) return { status: "skipped", reason: "already done" };
    const hours = workingHoursOf(deps.settings);
    // Overdue from the day after the due date; weekly after that.
    const nextDay = DateTime.fromISO(measure.dueDate, { zone: hours.zone }).plus({ days: 1 + 7 * index });
    await scheduleJobs(tx, [
      {
        kind: DUTY_JOB_KINDS.measureReminder,
        dedupeKey: dutyKeys.measureReminder(measure.id, index + 1),
        dueAt: workingStartOnOrAfter(nextDay.toISODate()!, hours),
        payload: { measureId: measure.id, index: index + 1 },
        incidentId: measure.incidentId,
        series: dutyKeys.measureSeries(measure.id),
      },
    ]);
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: MEASURE_REMINDER_KIND,
        target: toPerson(measure.ownerId),
        key: measureMessageKeys.reminder(measure.id, index),
        payload: { measureId: measure.id, overdue: index > 0 },
        incidentId: measure.incidentId,
        notBefore: now,
      },
    ]);
    await appendTimelineEntry(tx, {
      incidentId: measure.incidentId,
      at: now,
      actorId: BOT_ACTOR,
      kind: index > 0 ? "measure_overdue_reminder" : "measure_due_reminder",
      details: { measureId: measure.id, ownerId: measure.ownerId },
    });
    return { status: "done" };
  };
}
