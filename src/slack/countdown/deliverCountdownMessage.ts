// Delivery of the countdown's and the notifications' outbox kinds. Like the
// others, each is rendered from the current record when it is sent: a
// reminder for an incident decided in the meantime is not sent at all.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { TBotContext } from "../../app/botContext.ts";
import { isCountdownRunning } from "../../domain/incidents/decisions.ts";
import { buildApNotificationDraft } from "../../domain/notifications/buildApNotificationDraft.ts";
import { buildSubjectNoticeDraft } from "../../domain/notifications/buildSubjectNoticeDraft.ts";
import type { TClaimedOutboxMessage, TDeliveryOutcome } from "../../services/outbox/deliverOutbox.ts";
import { OUTBOX_KINDS } from "../../services/outbox/outboxKinds.ts";
import { loadNotificationDraftInput } from "../../services/notifications/loadNotificationDraftInput.ts";
import { ZCountdownJobPayload } from "../../services/countdown/countdownJobKinds.ts";
import type { TRenderContext } from "../messages/incidentFacts.ts";
import { renderCountdownReminder, renderRepage, renderThreadNotice } from "./countdownMessages.ts";
import { renderDraftMessage } from "./draftMessages.ts";

const ZReminderPayload = z.object({
  incidentId: z.string(),
  mark: ZCountdownJobPayload.shape.mark,
  audience: z.enum(["thread", "dpo", "management"]),
  dpoUserId: z.string().optional(),
  late: z.boolean().default(false),
});
const ZRepagePayload = z.object({
  incidentId: z.string(),
  audience: z.enum(["dpo", "management"]),
  dpoUserId: z.string().optional(),
  late: z.boolean().default(false),
  reportedAt: z.iso.datetime().transform((value) => new Date(value)),
});
const ZThreadNoticePayload = z.object({
  incidentId: z.string(),
  notice: z.string(),
  params: z.record(z.string(), z.string()).default({}),
});
const ZDraftPayload = z.object({
  incidentId: z.string(),
  userId: z.string(),
  draft: z.enum(["ap_notification", "subject_notice"]),
});

const WAIT_FOR_THREAD_SECONDS = 2;

export async function deliverCountdownMessage(
  context: TBotContext,
  client: WebClient,
  message: TClaimedOutboxMessage,
  render: TRenderContext,
): Promise<TDeliveryOutcome> {
  const incidents = context.database.prisma.incident;
  const posted = (result: { channel?: string; ts?: string }) =>
    ({ status: "delivered", result: { channel: result.channel, ts: result.ts } }) as const;

  switch (message.kind) {
    case OUTBOX_KINDS.countdownReminder: {
      const payload = ZReminderPayload.parse(message.payload);
      const incident = await incidents.findUniqueOrThrow({ where: { id: payload.incidentId } });
      if (!isCountdownRunning(incident)) return { status: "delivered", result: { skipped: "decided" } };
      const rendered = renderCountdownReminder(incident, render, payload);
      if (payload.audience === "thread") {
        if (!incident.channelId || !incident.threadTs) return { status: "wait", retryInSeconds: WAIT_FOR_THREAD_SECONDS };
        return posted(await client.chat.postMessage({ channel: incident.channelId, thread_ts: incident.threadTs, ...rendered }));
      }
      const channel = payload.audience === "dpo" ? payload.dpoUserId! : context.settings.MANAGEMENT_CHANNEL_ID;
      return posted(await client.chat.postMessage({ channel, ...rendered, unfurl_links: false }));
    }
    case OUTBOX_KINDS.countdownRepage: {
      const payload = ZRepagePayload.parse(message.payload);
      const incident = await incidents.findUniqueOrThrow({ where: { id: payload.incidentId } });
      if (incident.ownerId || !isCountdownRunning(incident)) return { status: "delivered", result: { skipped: "taken" } };
      const channel = payload.audience === "dpo" ? payload.dpoUserId! : context.settings.MANAGEMENT_CHANNEL_ID;
      return posted(await client.chat.postMessage({ channel, ...renderRepage(incident, render, payload), unfurl_links: false }));
    }
    case OUTBOX_KINDS.countdownThreadNotice: {
      const payload = ZThreadNoticePayload.parse(message.payload);
      const incident = await incidents.findUniqueOrThrow({ where: { id: payload.incidentId } });
      if (!incident.channelId || !incident.threadTs) return { status: "wait", retryInSeconds: WAIT_FOR_THREAD_SECONDS };
      const rendered = renderThreadNotice(incident, render, payload.notice, payload.params);
      return posted(await client.chat.postMessage({ channel: incident.channelId, thread_ts: incident.threadTs, ...rendered }));
    }
    case OUTBOX_KINDS.notificationDraftMessage:
    case OUTBOX_KINDS.notificationDraftFile: {
      const payload = ZDraftPayload.parse(message.payload);
      const input = await loadNotificationDraftInput(context, payload.incidentId);
      if (!input) throw Object.assign(new Error("incident not found"), { code: "datalek_undeliverable" });
      const draft = payload.draft === "ap_notification" ? buildApNotificationDraft(input) : buildSubjectNoticeDraft(input);
      if (message.kind === OUTBOX_KINDS.notificationDraftMessage) {
        return posted(await client.chat.postMessage({ channel: payload.userId, ...renderDraftMessage(draft, render.locale) }));
      }
      // Files go to a conversation id, so open (or find) the DM first.
      const dm = await client.conversations.open({ users: payload.userId });
      const channelId = dm.channel?.id;
      if (!channelId) throw new Error("conversations.open returned no channel");
      const uploaded = await client.files.uploadV2({
        channel_id: channelId,
        content: draft.text,
        filename: draft.filename,
        title: draft.title,
      });
      const files = (uploaded as { files?: { files?: { id?: string }[] }[] }).files ?? [];
      return {
        status: "delivered",
        result: { channel: channelId, fileIds: files.flatMap((entry) => entry.files ?? []).map((f) => f.id) },
      };
    }
    default:
      throw Object.assign(new Error(`unknown outbox kind ${message.kind}`), { code: "datalek_undeliverable" });
  }
}
