// The notifications' messages: a draft in the requesting privacy officer's
// direct message (one section per part of the form, so each can be copied
// into the matching field, and the whole draft as a file), the answer where
// the draft was asked for, and the short notices in the incident's thread
// that a follow-up, a withdrawal or the letter to the people concerned was
// recorded. The thread hears that it happened, never the DPO's text.
import { z } from "zod";
import type { TBlock } from "../../core/messages/message.ts";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { strong } from "../../core/text/richText.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import { incidentFor, type TMessageContext } from "../messageContext.ts";
import { buildApNotificationDraft } from "./buildApNotificationDraft.ts";
import { buildSubjectNoticeDraft } from "./buildSubjectNoticeDraft.ts";
import { loadNotificationDraftInput } from "./loadNotificationDraftInput.ts";
import { DRAFT_KINDS, SUBJECT_NOTICE_METHODS } from "./notificationCodes.ts";

export const NOTIFICATION_MESSAGE_KINDS = {
  draft: "notifications.draft",
  draftSent: "notifications.draft_sent",
  recorded: "notifications.recorded",
} as const;

export const ZDraftPayload = z.object({ incidentId: z.string(), person: z.string(), draft: z.enum(DRAFT_KINDS) });
export type TDraftPayload = z.input<typeof ZDraftPayload>;

export const ZDraftSentPayload = z.object({ incidentId: z.string(), draft: z.enum(DRAFT_KINDS) });
export type TDraftSentPayload = z.input<typeof ZDraftSentPayload>;

/** What was recorded, for the thread: no free text, only codes, numbers and the AP's reference. */
export const ZRecordedPayload = z.discriminatedUnion("notice", [
  z.object({
    notice: z.enum(["ap_followup", "ap_withdrawal"]),
    incidentId: z.string(),
    actor: z.string(),
    apReference: z.string(),
  }),
  z.object({
    notice: z.literal("subject_notice"),
    incidentId: z.string(),
    actor: z.string(),
    sentAt: z.iso.datetime(),
    method: z.enum(SUBJECT_NOTICE_METHODS),
    recipientsCount: z.number().int(),
  }),
]);
export type TRecordedPayload = z.input<typeof ZRecordedPayload>;

export const notificationDraftMessage = defineMessageKind({
  kind: NOTIFICATION_MESSAGE_KINDS.draft,
  payload: ZDraftPayload,
  async build(payload, context: TMessageContext) {
    const input = await loadNotificationDraftInput(context, payload.incidentId, context.now);
    if (!input) return undefined;
    const draft = payload.draft === "ap_notification" ? buildApNotificationDraft(input) : buildSubjectNoticeDraft(input);
    const t = context.texts.notifications.draft;
    const summary =
      payload.draft === "ap_notification"
        ? t.apSummary({ reference: input.reference })
        : t.subjectSummary({ reference: input.reference });
    // A direct message to the privacy officer who asked: it may hold the report's text.
    const blocks: TBlock[] = [
      { kind: "heading", text: draft.title },
      { kind: "note", text: t.forYouOnly({ filename: draft.filename }) },
      ...draft.sections.map((section, index): TBlock => ({
        kind: "text",
        text: [strong(`${index + 1}. ${section.title}`), `\n${section.lines.join("\n")}`],
      })),
    ];
    return { summary, blocks, files: [{ filename: draft.filename, title: draft.title, content: draft.text }] };
  },
});

export const draftSentMessage = defineMessageKind({
  kind: NOTIFICATION_MESSAGE_KINDS.draftSent,
  payload: ZDraftSentPayload,
  async build(payload, context: TMessageContext) {
    const incident = await incidentFor(context, payload.incidentId);
    if (!incident) return undefined;
    const text = context.texts.notifications.draft.sent({ reference: incident.reference });
    return { summary: text, blocks: [{ kind: "text", text }] };
  },
});

export const notificationRecordedMessage = defineMessageKind({
  kind: NOTIFICATION_MESSAGE_KINDS.recorded,
  payload: ZRecordedPayload,
  async build(payload, context: TMessageContext) {
    const incident = await incidentFor(context, payload.incidentId);
    if (!incident) return undefined;
    const t = context.texts.notifications.thread;
    const reference = incident.reference;
    if (payload.notice === "subject_notice") {
      const text = t.subjectNotice({
        actor: payload.actor,
        sentAt: formatLocal(new Date(payload.sentAt), context.organisation.zone, context.locale),
        method: context.texts.notifications.methods[payload.method],
        count: payload.recipientsCount,
      });
      return { summary: t.subjectNoticeSummary({ reference }), blocks: [{ kind: "text", text }] };
    }
    const about = { actor: payload.actor, apReference: payload.apReference };
    return payload.notice === "ap_followup"
      ? {
          summary: t.apFollowupSummary({ reference, apReference: payload.apReference }),
          blocks: [{ kind: "text", text: t.apFollowup(about) }],
        }
      : {
          summary: t.apWithdrawalSummary({ reference, apReference: payload.apReference }),
          blocks: [{ kind: "text", text: t.apWithdrawal(about) }],
        };
  },
});
