// A measure's reminder: on its due date (start of working hours), then on
// the next working day once overdue, then weekly until it is confirmed.
import { DateTime } from "luxon";
import { z } from "zod";
import { DUTY_JOB_KINDS, dutyKeys } from "../../domain/duties/dutyJobs.ts";
import { workingHoursOf, workingStartOnOrAfter } from "../../domain/schedules/workingHours.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { dutyMessage } from "../register/dutyOutbox.ts";
import type { TJobHandler } from "../scheduler/runDueJobs.ts";
import { scheduleJobs } from "../scheduler/scheduleJob.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";

const ZPayload = z.object({ measureId: z.string(), index: z.number().int().min(0) });

export const handleMeasureReminder: TJobHandler = async (tx, { job, now, context }) => {
  const { measureId, index } = ZPayload.parse(job.payload);
  const measure = await tx.correctiveMeasure.findUnique({ where: { id: measureId } });
  if (!measure) return { status: "skipped", reason: "measure not found" };
  if (measure.doneAt) return { status: "skipped", reason: "already done" };
  const hours = workingHoursOf(context.settings);
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
  await enqueueOutboxMessages(tx, [
    dutyMessage({
      message: "measure_reminder",
      channel: measure.ownerId,
      params: { measureId: measure.id, overdue: index > 0 },
      incidentId: measure.incidentId,
      notBefore: now,
    }),
  ]);
  await appendTimelineEntry(tx, {
    incidentId: measure.incidentId,
    at: now,
    actorId: "bot",
    kind: index > 0 ? "measure_overdue_reminder" : "measure_due_reminder",
    details: { measureId: measure.id, ownerId: measure.ownerId },
  });
  return { status: "done" };
};
