// Renders and sends one outbox message. Messages about an incident are
// rendered from its current record, so what Slack shows is never stale.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { TBotContext } from "../../app/botContext.ts";
import type { TClaimedOutboxMessage, TDeliveryOutcome } from "../../services/outbox/deliverOutbox.ts";
import { OUTBOX_KINDS } from "../../services/outbox/outboxKinds.ts";
import { deliverChecklistSync } from "../checklist/deliverChecklistSync.ts";
import { deliverCountdownMessage } from "../countdown/deliverCountdownMessage.ts";
import { deliverDutyMessage, deliverFollowUpProgress } from "../duties/deliverDutyOutbox.ts";
import { renderChannelPost } from "../messages/channelPost.ts";
import { renderDpoPage } from "../messages/dpoPage.ts";
import type { TRenderContext } from "../messages/incidentFacts.ts";
import { renderNotice } from "../messages/notices.ts";
import { renderSetupNotice } from "../messages/setupNotice.ts";
import { slackErrorOf } from "../setup/checkSlackToken.ts";
import { renderReporterReceipt } from "../messages/reporterReceipt.ts";
import { deliverExportUpload } from "../commands/exportSubcommand.ts";
import { localeFor } from "../i18n/localeFor.ts";
import type { TLocale } from "../../assessment/questions.ts";

const ZIncidentPayload = z.object({ incidentId: z.string() });
const ZDpoPagePayload = ZIncidentPayload.extend({ dpoUserId: z.string() });
const ZNoticePayload = z.object({
  userId: z.string(),
  channelId: z.string(),
  threadTs: z.string().nullish(),
  notice: z.string(),
  params: z.record(z.string(), z.string()).default({}),
});
const ZSlackCallPayload = z.object({ method: z.string(), args: z.record(z.string(), z.unknown()) });
const ZSetupNoticePayload = z.object({
  userId: z.string(),
  setting: z.string(),
  channelId: z.string(),
  state: z.enum(["not_member", "not_found", "archived"]),
  name: z.string().nullish(),
});

/** Errors of chat.postEphemeral after which the notice goes to the person's DM instead. */
const EPHEMERAL_FALLBACK_ERRORS = new Set(["channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived"]);

/** How long a message that waits for the thread to exist waits per round. */
const WAIT_FOR_THREAD_SECONDS = 2;

export function createOutboxDelivery(context: TBotContext, client: WebClient) {
  // A message to one person speaks their language (localeFor); channel posts use the default.
  const render = (locale: TLocale = context.locale): TRenderContext => ({
    register: context.register,
    locale,
    zone: context.settings.TIMEZONE,
    now: context.clock.now(),
  });
  const incidents = context.database.prisma.incident;
  const channelPostParked = async (incidentId: string) =>
    (await context.database.prisma.outboxMessage.count({
      where: { incidentId, kind: OUTBOX_KINDS.channelPost, status: "failed" },
    })) > 0;

  return async function deliver(message: TClaimedOutboxMessage): Promise<TDeliveryOutcome> {
    switch (message.kind) {
      case OUTBOX_KINDS.channelPost: {
        const { incidentId } = ZIncidentPayload.parse(message.payload);
        const incident = await incidents.findUniqueOrThrow({ where: { id: incidentId } });
        if (incident.threadTs) return { status: "delivered", result: { alreadyPosted: incident.threadTs } };
        const channel = context.settings.DPO_CHANNEL_ID;
        const posted = await client.chat.postMessage({ channel, ...renderChannelPost(incident, render()), unfurl_links: false });
        // The post's ts identifies the incident's thread from now on.
        await incidents.update({
          where: { id: incidentId },
          data: { channelId: posted.channel ?? channel, threadTs: posted.ts! },
        });
        return { status: "delivered", result: { channel: posted.channel, ts: posted.ts } };
      }
      case OUTBOX_KINDS.channelPostUpdate: {
        const { incidentId } = ZIncidentPayload.parse(message.payload);
        const incident = await incidents.findUniqueOrThrow({ where: { id: incidentId } });
        if (!incident.threadTs || !incident.channelId) return { status: "wait", retryInSeconds: WAIT_FOR_THREAD_SECONDS };
        await client.chat.update({
          channel: incident.channelId,
          ts: incident.threadTs,
          ...renderChannelPost(incident, render()),
        });
        return { status: "delivered" };
      }
      case OUTBOX_KINDS.dpoPage: {
        const { incidentId, dpoUserId } = ZDpoPagePayload.parse(message.payload);
        const incident = await incidents.findUniqueOrThrow({ where: { id: incidentId } });
        let permalink: string | undefined;
        if (incident.threadTs && incident.channelId) {
          permalink = (await client.chat.getPermalink({ channel: incident.channelId, message_ts: incident.threadTs })).permalink;
        } else if (!(await channelPostParked(incidentId))) {
          // The page links to the thread, so it waits for the channel post;
          // but when that post cannot go out (the bot is not in the DPO
          // channel), the page goes out without the link: the DPO is paged.
          return { status: "wait", retryInSeconds: WAIT_FOR_THREAD_SECONDS };
        }
        const posted = await client.chat.postMessage({
          channel: dpoUserId,
          ...renderDpoPage(incident, render(await localeFor(context, dpoUserId)), permalink),
          unfurl_links: false,
        });
        return { status: "delivered", result: { channel: posted.channel, ts: posted.ts } };
      }
      case OUTBOX_KINDS.reporterReceipt: {
        const { incidentId } = ZIncidentPayload.parse(message.payload);
        const incident = await incidents.findUniqueOrThrow({ where: { id: incidentId } });
        const posted = await client.chat.postMessage({
          channel: incident.reporterId,
          ...renderReporterReceipt(incident, render(await localeFor(context, incident.reporterId))),
        });
        return { status: "delivered", result: { channel: posted.channel, ts: posted.ts } };
      }
      case OUTBOX_KINDS.ephemeralNotice: {
        const notice = ZNoticePayload.parse(message.payload);
        const text = renderNotice(notice.notice, notice.params, await localeFor(context, notice.userId));
        try {
          await client.chat.postEphemeral({
            channel: notice.channelId,
            user: notice.userId,
            text,
            ...(notice.threadTs ? { thread_ts: notice.threadTs } : {}),
          });
        } catch (error) {
          // Where the bot cannot answer in place (a channel it is not in),
          // the person still gets the answer, in a direct message.
          if (!EPHEMERAL_FALLBACK_ERRORS.has(slackErrorOf(error) ?? "")) throw error;
          await client.chat.postMessage({ channel: notice.userId, text });
          return { status: "delivered", result: { fallback: "direct_message" } };
        }
        return { status: "delivered" };
      }
      case OUTBOX_KINDS.checklistSync:
        return deliverChecklistSync(context, client, render(), message);
      case OUTBOX_KINDS.exportUpload:
        return deliverExportUpload(context, client, message.payload);
      case OUTBOX_KINDS.countdownReminder:
      case OUTBOX_KINDS.countdownRepage:
      case OUTBOX_KINDS.countdownThreadNotice:
      case OUTBOX_KINDS.notificationDraftMessage:
      case OUTBOX_KINDS.notificationDraftFile:
        return deliverCountdownMessage(context, client, message, render());
      case OUTBOX_KINDS.dutyMessage:
        return deliverDutyMessage(context, client, message);
      case OUTBOX_KINDS.followUpProgress:
        return deliverFollowUpProgress(context, client, message);
      case OUTBOX_KINDS.setupNotice: {
        const notice = ZSetupNoticePayload.parse(message.payload);
        const text = renderSetupNotice(notice, await localeFor(context, notice.userId));
        const posted = await client.chat.postMessage({ channel: notice.userId, text });
        return { status: "delivered", result: { channel: posted.channel, ts: posted.ts } };
      }
      case OUTBOX_KINDS.slackCall: {
        const call = ZSlackCallPayload.parse(message.payload);
        const result = await client.apiCall(call.method, call.args);
        return { status: "delivered", result: { ts: (result as { ts?: string }).ts ?? null } };
      }
      default:
        throw Object.assign(new Error(`unknown outbox kind ${message.kind}`), { code: "datalek_undeliverable" });
    }
  };
}
