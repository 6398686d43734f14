// The measures' messages: to the owner (assigned, due today, overdue; each
// shows "done" once it is, without its button), and the follow-up in the
// incident's thread (measures and their progress, closing, evaluation).
// The thread carries no free text: what a measure asks is in its owner's
// messages, the reason none are needed in the record.
import { DateTime } from "luxon";
import { z } from "zod";
import type { TBlock, TMessage } from "../../core/messages/message.ts";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import type { TOutgoingMessage } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toThread } from "../../core/outbox/target.ts";
import { formatLocal, formatLocalDay } from "../../core/time/formatLocal.ts";
import { whoEvaluates } from "../evaluation/whoEvaluates.ts";
import { incidentFor, type TMessageContext } from "../messageContext.ts";
import { MEASURE_DONE_ACTION } from "./measuresActions.ts";

export const MEASURE_ASSIGNED_KIND = "measure.assigned";
export const MEASURE_REMINDER_KIND = "measure.reminder";
export const MEASURES_PROGRESS_KIND = "measures.progress";

/** The follow-up in the incident's thread: posted once, then updated in place. */
export function progressUpdate(incidentId: string, now: Date): TOutgoingMessage {
  return {
    kind: MEASURES_PROGRESS_KIND,
    target: toThread(messageKeys.incidentPost(incidentId)),
    key: messageKeys.incidentProgress(incidentId),
    payload: { incidentId },
    incidentId,
    notBefore: now,
  };
}

async function ownerMessage(
  measureId: string,
  context: TMessageContext,
  intro: "assigned" | "dueToday" | "overdue",
): Promise<TMessage | undefined> {
  const measure = await context.database.prisma.correctiveMeasure.findUnique({ where: { id: measureId } });
  if (!measure) return undefined;
  const incident = await incidentFor(context, measure.incidentId);
  if (!incident) return undefined;
  const t = context.texts.measures.owner;
  const reference = incident.reference;
  const due = formatLocalDay(measure.dueDate, context.locale);
  if (measure.doneAt && measure.doneBy) {
    const when = formatLocal(measure.doneAt, context.organisation.zone, context.locale);
    return {
      summary: t.doneSummary({ reference }),
      blocks: [
        { kind: "text", text: t.done({ reference, by: measure.doneBy, when }) },
        { kind: "quote", text: measure.what },
      ],
    };
  }
  const summary =
    intro === "assigned"
      ? t.assignedSummary({ reference, due })
      : intro === "dueToday"
        ? t.dueTodaySummary({ reference })
        : t.overdueSummary({ reference });
  return {
    summary,
    blocks: [
      { kind: "text", text: t[intro]({ reference, due }) },
      // Only its owner reads this: what the measure asks, as the privacy officer wrote it.
      { kind: "quote", text: measure.what },
      {
        kind: "controls",
        id: "measure",
        controls: [{ kind: "button", action: MEASURE_DONE_ACTION, label: t.doneButton, value: measure.id, style: "primary" }],
      },
    ],
  };
}

export const measureAssignedMessage = defineMessageKind({
  kind: MEASURE_ASSIGNED_KIND,
  payload: z.object({ measureId: z.string() }),
  build: ({ measureId }, context: TMessageContext) => ownerMessage(measureId, context, "assigned"),
});

export const measureReminderMessage = defineMessageKind({
  kind: MEASURE_REMINDER_KIND,
  payload: z.object({ measureId: z.string(), overdue: z.boolean() }),
  build: ({ measureId, overdue }, context: TMessageContext) => ownerMessage(measureId, context, overdue ? "overdue" : "dueToday"),
});

export const measuresProgressMessage = defineMessageKind({
  kind: MEASURES_PROGRESS_KIND,
  payload: z.object({ incidentId: z.string() }),
  async build({ incidentId }, context: TMessageContext) {
    const prisma = context.database.prisma;
    const incident = await prisma.incident.findUnique({ where: { id: incidentId } });
    if (!incident) return undefined;
    const measures = await prisma.correctiveMeasure.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" } });
    const followUp = await prisma.incidentFollowUp.findUnique({ where: { incidentId } });
    const t = context.texts.measures.progress;
    const zone = context.organisation.zone;
    const at = (instant: Date) => formatLocal(instant, zone, context.locale);
    const today = DateTime.fromJSDate(context.now, { zone }).toISODate()!;
    const done = measures.filter((measure) => measure.doneAt).length;
    const title = t.title({ reference: incident.reference });
    const count = t.count({ done, total: measures.length });
    const lines = measures.map((measure, index) => {
      const number = index + 1;
      if (measure.doneAt && measure.doneBy) return t.done({ number, by: measure.doneBy, when: at(measure.doneAt) });
      const due = formatLocalDay(measure.dueDate, context.locale);
      return measure.dueDate < today
        ? t.late({ number, owner: measure.ownerId, due })
        : t.open({ number, owner: measure.ownerId, due });
    });
    const blocks: TBlock[] = [{ kind: "text", text: [{ strong: title }, ` — ${count}`] }];
    for (const line of lines) blocks.push({ kind: "text", text: line });
    if (measures.length > 0) blocks.push({ kind: "note", text: t.whereText });
    if (followUp?.noMeasuresReason && measures.length === 0) blocks.push({ kind: "note", text: t.noMeasures });
    if (incident.closedAt && incident.closedBy)
      blocks.push({ kind: "note", text: t.closed({ by: incident.closedBy, when: at(incident.closedAt) }) });
    const asked = whoEvaluates(incident, context.roles);
    if (followUp?.evaluatedAt && followUp.evaluatedBy)
      blocks.push({ kind: "note", text: t.evaluated({ by: followUp.evaluatedBy, when: at(followUp.evaluatedAt) }) });
    else if (followUp?.evaluationDueAt && asked)
      blocks.push({
        kind: "note",
        // Before its moment the evaluation is announced, after it reported as asked.
        text:
          followUp.evaluationDueAt.getTime() > context.now.getTime()
            ? t.evaluationPlanned({ when: at(followUp.evaluationDueAt), asked })
            : t.evaluationAsked({ when: at(followUp.evaluationDueAt), asked }),
      });
    return { summary: `${title}: ${count}`, blocks };
  },
});
