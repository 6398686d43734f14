// The countdown's messages: reminders and overdue notices (the thread as the
// record, a privacy officer's direct message, management), the re-page of an
// incident nobody took, and the notice in the thread that the moment of
// awareness was corrected. Each is built from the current record when it is
// delivered: a reminder for an incident decided in the meantime, or for a
// deadline that moved, is not sent at all.
//
// Reminders carry no buttons: a button in a reminder would go on offering
// the decision after it was recorded. The actions live on the incident's
// post and in its thread (both updated as the incident changes); a reminder
// in a direct message links there. A re-page carries the take button and is
// keyed, so that it can lose the button once someone took the incident.
import { z } from "zod";
import type { TBlock } from "../../core/messages/message.ts";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { isCountdownRunning } from "../../core/incidents/decisions.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import { messageLink, spansOf, type TRichText } from "../../core/text/richText.ts";
import { timeLeft } from "../../core/time/deadlines.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import { incidentFor, type TMessageContext } from "../messageContext.ts";
import { deadlineText, incidentFacts } from "../paging/incidentFacts.ts";
import { TAKE_ACTION } from "../paging/pagingActions.ts";
import { ZCountdownMark } from "./countdownJobKinds.ts";

export const COUNTDOWN_MESSAGE_KINDS = {
  reminder: "countdown.reminder",
  repage: "countdown.repage",
  awarenessCorrected: "countdown.awareness_corrected",
} as const;

/** Who a reminder is for: the thread (the record), one privacy officer's direct message, or management. */
export const REMINDER_AUDIENCES = ["thread", "dpo", "management"] as const;

export const ZReminderPayload = z.object({
  incidentId: z.string(),
  /** The deadline the reminder was planned for: a corrected awareness time makes it stale (absent in a row converted from the previous release). */
  deadlineAt: z.string().optional(),
  mark: ZCountdownMark,
  audience: z.enum(REMINDER_AUDIENCES),
  /** The reader, for a direct message. */
  person: z.string().optional(),
  late: z.boolean().default(false),
});
export type TReminderPayload = z.input<typeof ZReminderPayload>;

export const ZRepagePayload = z.object({
  incidentId: z.string(),
  audience: z.enum(["dpo", "management"]),
  person: z.string().optional(),
  index: z.number().int().min(0),
  reportedAt: z.iso.datetime(),
  late: z.boolean().default(false),
  /** An update of a re-page posted before: it always says how things stand now. */
  update: z.boolean().default(false),
});
export type TRepagePayload = z.input<typeof ZRepagePayload>;

export const ZAwarenessCorrectedPayload = z.object({
  incidentId: z.string(),
  actor: z.string(),
  awarenessAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  rescheduled: z.boolean(),
});
export type TAwarenessCorrectedPayload = z.input<typeof ZAwarenessCorrectedPayload>;

/** Where the re-pages of one incident went: `incident:<id>:repage:<index>:<person>`. */
export const repageKeyPrefix = (incidentId: string) => `incident:${incidentId}:repage:`;
export const repageKey = (incidentId: string, index: number, person: string) =>
  `${repageKeyPrefix(incidentId)}${index}:${person}`;

const findIncident = (context: TMessageContext, incidentId: string) => incidentFor(context, incidentId);

const local = (at: Date, context: TMessageContext) => formatLocal(at, context.organisation.zone, context.locale);

const threadLink = (incident: Incident, context: TMessageContext): TRichText => [
  messageLink(messageKeys.incidentPost(incident.id), context.texts.countdown.reminder.openThread),
];

export const countdownReminderMessage = defineMessageKind({
  kind: COUNTDOWN_MESSAGE_KINDS.reminder,
  payload: ZReminderPayload,
  async build(payload, context: TMessageContext) {
    const incident = await findIncident(context, payload.incidentId);
    if (!incident || !isCountdownRunning(incident)) return undefined;
    if (payload.deadlineAt && incident.deadlineAt.toISOString() !== payload.deadlineAt) return undefined;
    const t = context.texts.countdown.reminder;
    const left = timeLeft(incident.deadlineAt, context.now);
    const when = {
      reference: incident.reference,
      deadline: local(incident.deadlineAt, context),
      left: context.texts.common.timeLeft(left),
    };
    const overdue = payload.mark.kind === "overdue";
    const overdueWhen = { ...when, overdueBy: left.overdue && left.totalMinutes > 0 ? when.left : undefined };
    const headline: TBlock = { kind: "text", text: overdue ? t.overdueHeadline(overdueWhen) : t.headline(when) };
    const lateNote: TBlock[] = payload.late ? [{ kind: "note", text: t.late }] : [];
    const summary = overdue ? t.overdueSummary(overdueWhen) : t.summary(when);
    switch (payload.audience) {
      case "thread":
        // The record of what was sent: no mention (the owner already has it in a direct message).
        return {
          summary,
          blocks: [
            headline,
            { kind: "note", text: incident.ownerId ? t.threadOwnerTold : t.threadNotTaken },
            { kind: "note", text: t.recordDecision },
            ...lateNote,
          ],
        };
      case "dpo": {
        const owner: TRichText =
          incident.ownerId === payload.person
            ? t.youOwnIt
            : incident.ownerId
              ? t.owner({ owner: incident.ownerId })
              : t.notTakenYet;
        return {
          summary,
          blocks: [
            headline,
            { kind: "note", text: owner },
            {
              kind: "text",
              text: [incident.ownerId ? t.recordDecisionInThread : t.takeInThread, ...threadLink(incident, context)],
            },
            ...lateNote,
          ],
        };
      }
      case "management":
        // The facts anyone in the DPO channel may read; no free text, no buttons.
        return {
          summary,
          blocks: [
            headline,
            { kind: "text", text: t.managementIntro },
            incidentFacts(incident, context),
            { kind: "note", text: incident.ownerId ? t.owner({ owner: incident.ownerId }) : t.notTakenByDpo },
            ...lateNote,
          ],
        };
    }
  },
});

export const countdownRepageMessage = defineMessageKind({
  kind: COUNTDOWN_MESSAGE_KINDS.repage,
  payload: ZRepagePayload,
  async build(payload, context: TMessageContext) {
    const incident = await findIncident(context, payload.incidentId);
    if (!incident) return undefined;
    // Taken or decided before it went out: nothing to page about.
    if (!payload.update && (incident.ownerId || !isCountdownRunning(incident))) return undefined;
    const t = context.texts.countdown.repage;
    const reference = incident.reference;
    const since = local(new Date(payload.reportedAt), context);
    const lateNote: TBlock[] = payload.late && !payload.update ? [{ kind: "note", text: t.late }] : [];
    if (payload.audience === "management")
      return {
        summary: t.managementSummary({ reference, since }),
        blocks: [
          { kind: "heading", text: t.managementHeading({ reference }) },
          { kind: "text", text: t.managementText({ since }) },
          incidentFacts(incident, context),
          { kind: "text", text: deadlineText(incident, context) },
          ...lateNote,
        ],
      };
    if (incident.ownerId)
      return {
        summary: t.takenSummary({ reference }),
        blocks: [
          {
            kind: "text",
            text: [...spansOf(t.takenBy({ reference, owner: incident.ownerId })), ...threadLink(incident, context)],
          },
        ],
      };
    return {
      summary: t.dpoSummary({ reference, since }),
      blocks: [
        { kind: "heading", text: t.dpoHeading({ reference }) },
        { kind: "text", text: t.dpoText({ since }) },
        incidentFacts(incident, context),
        { kind: "text", text: deadlineText(incident, context) },
        ...lateNote,
        {
          kind: "controls",
          id: "repage_actions",
          controls: [
            { kind: "button", action: TAKE_ACTION, label: context.texts.paging.take, value: reference, style: "primary" },
          ],
        },
      ],
    };
  },
});

export const awarenessCorrectedMessage = defineMessageKind({
  kind: COUNTDOWN_MESSAGE_KINDS.awarenessCorrected,
  payload: ZAwarenessCorrectedPayload,
  async build(payload, context: TMessageContext) {
    const incident = await findIncident(context, payload.incidentId);
    if (!incident) return undefined;
    const t = context.texts.countdown.awareness;
    const deadlineAt = new Date(payload.deadlineAt);
    const deadline = local(deadlineAt, context);
    // The reason is free text: it stays in the record, never in the channel.
    return {
      summary: t.summary({ reference: incident.reference, deadline }),
      blocks: [
        {
          kind: "text",
          text: t.corrected({
            actor: payload.actor,
            reference: incident.reference,
            awareness: local(new Date(payload.awarenessAt), context),
            deadline,
            left: context.texts.common.timeLeft(timeLeft(deadlineAt, context.now)),
            rescheduled: payload.rescheduled,
          }),
        },
      ],
    };
  },
});
