// A privacy officer adds a corrective measure to an incident: what, owner,
// due date. The owner is told in a direct message, reminders are scheduled
// (on the due date, then weekly while overdue), and the thread's progress
// message is updated.
import { DateTime } from "luxon";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../../domain/duties/dutyJobs.ts";
import { workingHoursOf, workingStartOnOrAfter } from "../../domain/schedules/workingHours.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { dutyMessage, followUpProgressMessage } from "../register/dutyOutbox.ts";
import { scheduleJobs } from "../scheduler/scheduleJob.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { recordRefusalIn } from "../timeline/recordRefusal.ts";

export interface TAddMeasureInput {
  reference: string;
  userId: string;
  what: string;
  ownerId: string;
  /** yyyy-MM-dd, a local date. */
  dueDate: string;
}

export type TMeasureField = "measure_what" | "measure_owner" | "measure_due";

export type TAddMeasureResult =
  | { outcome: "added"; measureId: string }
  | { outcome: "invalid"; errors: Partial<Record<TMeasureField, { nl: string; en: string }>> }
  | { outcome: "refused" | "not_found" | "closed" };

export const MEASURE_WHAT_MAX = 500;

export function validateMeasure(input: TAddMeasureInput, now: Date, zone: string) {
  const errors: Partial<Record<TMeasureField, { nl: string; en: string }>> = {};
  const what = input.what.trim();
  if (what.length === 0) errors.measure_what = { nl: "Beschrijf de maatregel.", en: "Describe the measure." };
  else if (what.length > MEASURE_WHAT_MAX)
    errors.measure_what = { nl: `Hooguit ${MEASURE_WHAT_MAX} tekens.`, en: `At most ${MEASURE_WHAT_MAX} characters.` };
  if (!/^[UW][A-Z0-9]{2,}$/.test(input.ownerId)) errors.measure_owner = { nl: "Kies een eigenaar.", en: "Choose an owner." };
  const due = DateTime.fromISO(input.dueDate, { zone });
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate) || !due.isValid)
    errors.measure_due = { nl: "Kies een datum.", en: "Choose a date." };
  else if (input.dueDate < today) errors.measure_due = { nl: "De datum ligt in het verleden.", en: "The date is in the past." };
  return errors;
}

export async function addCorrectiveMeasure(context: TBotContext, input: TAddMeasureInput): Promise<TAddMeasureResult> {
  const now = context.clock.now();
  const errors = validateMeasure(input, now, context.settings.TIMEZONE);
  if (Object.keys(errors).length > 0) return { outcome: "invalid", errors };
  return context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return { outcome: "not_found" } as const;
    if (!isDpo(context, input.userId)) {
      await appendTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        actorId: input.userId,
        kind: "measure_add_refused",
        details: { reason: "not_a_dpo" },
      });
      return { outcome: "refused" } as const;
    }
    if (incident.closedAt) return { outcome: "closed" } as const;
    const measure = await tx.correctiveMeasure.create({
      data: {
        incidentId: incident.id,
        what: input.what.trim(),
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        createdBy: input.userId,
        createdAt: now,
      },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
      kind: "measure_added",
      details: { measureId: measure.id, ownerId: measure.ownerId, dueDate: measure.dueDate },
    });
    await scheduleJobs(tx, [
      {
        kind: DUTY_JOB_KINDS.measureReminder,
        dedupeKey: dutyKeys.measureReminder(measure.id, 0),
        dueAt: workingStartOnOrAfter(measure.dueDate, workingHoursOf(context.settings)),
        payload: { measureId: measure.id, index: 0 },
        incidentId: incident.id,
        series: dutyKeys.measureSeries(measure.id),
      },
    ]);
    await enqueueOutboxMessages(tx, [
      dutyMessage({
        message: "measure_assigned",
        channel: measure.ownerId,
        params: { measureId: measure.id },
        incidentId: incident.id,
        notBefore: now,
      }),
      followUpProgressMessage(incident.id, now),
    ]);
    return { outcome: "added", measureId: measure.id } as const;
  });
}

/** The refusal notice when someone other than a DPO presses "measure_add" or "incident_close". */
export async function refuseFollowUpAction(
  context: TBotContext,
  input: { reference: string; userId: string; channelId: string; threadTs?: string; action: string },
): Promise<void> {
  const now = context.clock.now();
  await context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return;
    await recordRefusalIn(
      tx,
      {
        incident,
        userId: input.userId,
        kind: `${input.action}_refused`,
        notice: "dpo_only",
        details: { reason: "not_a_dpo" },
        channelId: input.channelId,
        threadTs: input.threadTs ?? null,
      },
      now,
    );
  });
}
