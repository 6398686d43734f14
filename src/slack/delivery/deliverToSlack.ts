// Delivers one outbox message to Slack. The core said what (a kind and its
// payload) and where (a channel by its role, a person, the thread of an
// earlier message, a notice to one person); this resolves where to Slack's
// channels, builds the message in the reader's language from the current
// records, renders it to Block Kit, and posts it, or updates it in place
// when a message with its key was posted before.
//
// Exactly once: every post carries the outbox row's id in its metadata.
// When the worker says an earlier attempt was interrupted after its call,
// the channel (or thread) is searched for a message with that id first;
// what is found is recorded and not posted again. Each call checks the
// shared rate-limit pauses; a 429 pauses its method for every replica.
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { TMessage } from "../../core/messages/message.ts";
import type { TClaimedOutboxMessage, TDeliveryHooks, TDeliveryOutcome } from "../../core/outbox/OutboxWorker.ts";
import { findPostedRefInRound } from "../../core/outbox/postedMessages.ts";
import type { RateLimitPauses } from "../../core/outbox/RateLimitPauses.ts";
import type { TChannelRole } from "../../core/outbox/target.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { TLocale } from "../../core/text/locale.ts";
import type { Clock } from "../../core/time/clock.ts";
import { findMessageKind } from "../../features/index.ts";
import { incidentLoaderFor, type TMessageContext } from "../../features/messageContext.ts";
import { textsFor } from "../../texts/index.ts";
import { parseSlackRef, slackMessageRef, slackUserOf, SLACK_PLATFORM } from "../identity.ts";
import type { SlackLocales } from "../locale/SlackLocales.ts";
import { messageLinks, renderMessage, type TRenderedMessage } from "../render/renderMessage.ts";
import { slackErrorOf } from "../setup/checkSlackToken.ts";
import { setupProblemMessage } from "../setup/setupProblemMessage.ts";

/** Messages only this front end sends (about its own setup). */
const SLACK_MESSAGE_KINDS = new Map([[setupProblemMessage.kind, setupProblemMessage]]);
/** Errors of chat.postEphemeral after which the notice goes to the person's DM instead. */
const EPHEMERAL_FALLBACK_ERRORS = new Set(["channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived"]);
/** How long a message that waits for its thread to exist waits per round. */
const WAIT_FOR_THREAD_SECONDS = 2;
/** The metadata event type that carries an outbox row's id (Slack: letters, digits and underscores). */
export const OUTBOX_METADATA_TYPE = "datalek_outbox";
/** How far before an interrupted attempt the look-up starts (clocks differ a little). */
const LOOKUP_SLACK_SECONDS = 120;

export interface TSlackDeliveryOptions {
  client: WebClient;
  database: Database;
  clock: Clock;
  logger: Logger;
  locales: SlackLocales;
  pauses: RateLimitPauses;
  channels: Readonly<Record<TChannelRole, string>>;
  /** Everything a message builder reads, but the language and the time. */
  messageContext: Omit<TMessageContext, "locale" | "texts" | "now">;
}

/** A message that cannot be delivered, now or ever (an unknown kind, a payload that does not parse). */
export class UndeliverableError extends Error {
  readonly code = "datalek_undeliverable";
}

type TRound = TDeliveryHooks["round"];

/** What a posted message carries to be found again: its row's id and when the row was written (ids alone repeat in a new database). */
export function outboxMetadataPayload(message: Pick<TClaimedOutboxMessage, "id" | "createdAt">) {
  return { outbox_id: String(message.id), outbox_created: String(message.createdAt.getTime()) };
}

export function archiveUrl(ref: string): string | undefined {
  const parsed = parseSlackRef(ref);
  return parsed?.ts ? `https://slack.com/archives/${parsed.channel}/p${parsed.ts.replace(".", "")}` : undefined;
}

export function createSlackDelivery(options: TSlackDeliveryOptions) {
  const { client, database, clock, locales, pauses } = options;

  /** One Web API call: refused at once while its method is paused; a 429 pauses it for everyone. */
  const call = async <T>(method: string, work: () => Promise<T>): Promise<T> => {
    await pauses.check(method);
    try {
      return await work();
    } catch (error) {
      const failure = error as { code?: string; retryAfter?: number };
      if (failure.code === ErrorCode.RateLimitedError) await pauses.pause(method, Math.max(1, Number(failure.retryAfter ?? 1)));
      throw error;
    }
  };

  const build = async (message: TClaimedOutboxMessage, locale: TLocale, round: TRound): Promise<TMessage | undefined> => {
    const kind = findMessageKind(message.kind) ?? SLACK_MESSAGE_KINDS.get(message.kind);
    if (!kind) throw new UndeliverableError(`unknown message kind ${message.kind}`);
    const payload = kind.payload.safeParse(message.payload);
    if (!payload.success)
      throw new UndeliverableError(`payload of ${message.kind} does not parse: ${payload.error.issues[0]?.message}`);
    return kind.build(payload.data, {
      ...options.messageContext,
      locale,
      texts: textsFor(locale),
      now: clock.now(),
      loadIncident: incidentLoaderFor(database, round),
    });
  };

  const postedRef = (key: string, round: TRound) => findPostedRefInRound(database, key, SLACK_PLATFORM, round);

  const render = async (content: TMessage, locale: TLocale, round: TRound): Promise<TRenderedMessage> => {
    const links = new Map<string, string>();
    for (const key of messageLinks(content)) {
      const url = archiveUrl((await postedRef(key, round)) ?? "");
      if (url) links.set(key, url);
    }
    return renderMessage(content, { links, someone: textsFor(locale).common.someone });
  };

  /** After an interrupted attempt: the message this row posted, if it reached Slack. */
  const lookForPosted = async (message: TClaimedOutboxMessage, channel: string, thread: string | undefined, since: Date) => {
    // A direct message is looked up in the DM channel with the person.
    const conversation = /^[UW]/.test(channel)
      ? ((await call("conversations.open", () => client.conversations.open({ users: channel }))).channel?.id ?? channel)
      : channel;
    const oldest = String(Math.floor(since.getTime() / 1000) - LOOKUP_SLACK_SECONDS);
    const page = thread
      ? await call("conversations.replies", () =>
          client.conversations.replies({ channel: conversation, ts: thread, oldest, include_all_metadata: true, limit: 200 }),
        )
      : await call("conversations.history", () =>
          client.conversations.history({ channel: conversation, oldest, include_all_metadata: true, limit: 200 }),
        );
    const expected = outboxMetadataPayload(message);
    const found = (page.messages ?? []).find((candidate) => {
      const metadata = (candidate as { metadata?: { event_type?: string; event_payload?: { outbox_id?: unknown } } }).metadata;
      return (
        metadata?.event_type === OUTBOX_METADATA_TYPE &&
        metadata.event_payload?.outbox_id === expected.outbox_id &&
        (metadata.event_payload as { outbox_created?: unknown }).outbox_created === expected.outbox_created
      );
    });
    return found?.ts ? slackMessageRef(conversation, found.ts) : undefined;
  };

  const uploadFiles = async (content: TMessage, channel: string) => {
    for (const file of content.files ?? [])
      await call("files.uploadV2", () =>
        client.files.uploadV2({ channel_id: channel, filename: file.filename, title: file.title, content: file.content }),
      );
  };

  /** Posts, or updates the message posted before under the same key. */
  const postOrUpdate = async (
    message: TClaimedOutboxMessage,
    hooks: TDeliveryHooks,
    channel: string,
    locale: TLocale,
    thread?: string,
  ): Promise<TDeliveryOutcome> => {
    const content = await build(message, locale, hooks.round);
    if (!content) return { status: "delivered", result: { skipped: "nothing to say" } };
    const rendered = await render(content, locale, hooks.round);
    const previous = message.key ? parseSlackRef(await postedRef(message.key, hooks.round)) : undefined;
    if (previous?.ts) {
      // An update is the same however often it is sent: no look-up needed.
      await call("chat.update", () =>
        client.chat.update({ channel: previous.channel, ts: previous.ts!, text: rendered.text, blocks: rendered.blocks }),
      );
      return { status: "delivered", result: { updated: slackMessageRef(previous.channel, previous.ts) } };
    }
    if (message.interruptedAttemptAt) {
      const found = await lookForPosted(message, channel, thread, message.interruptedAttemptAt);
      if (found) {
        // The files may not have gone out before the interruption: sending them again loses nothing.
        await uploadFiles(content, parseSlackRef(found)!.channel);
        options.logger.info(
          { outboxId: String(message.id), ref: found },
          "interrupted delivery had reached Slack; not posted again",
        );
        return { status: "delivered", result: { recovered: found }, posted: found };
      }
    }
    await hooks.beforeSend();
    const posted = await call("chat.postMessage", () =>
      client.chat.postMessage({
        channel,
        text: rendered.text,
        blocks: rendered.blocks,
        unfurl_links: false,
        metadata: { event_type: OUTBOX_METADATA_TYPE, event_payload: outboxMetadataPayload(message) },
        ...(thread ? { thread_ts: thread } : {}),
      }),
    );
    const ref = slackMessageRef(posted.channel ?? channel, posted.ts!);
    await uploadFiles(content, posted.channel ?? channel);
    // The worker records where it went, with the outcome.
    return { status: "delivered", result: { posted: ref }, posted: ref };
  };

  return async function deliver(message: TClaimedOutboxMessage, hooks: TDeliveryHooks): Promise<TDeliveryOutcome> {
    const target = message.target;
    switch (target.to) {
      case "channel":
        return postOrUpdate(message, hooks, options.channels[target.channel], locales.defaultLocale);
      case "person": {
        const user = slackUserOf(target.person);
        if (!user) throw new UndeliverableError(`${target.person} is not a Slack person`);
        return postOrUpdate(message, hooks, user, await locales.of(user));
      }
      case "thread": {
        const root = parseSlackRef(await postedRef(target.of, hooks.round));
        // The thread's first message has not gone out yet: wait for it.
        if (!root?.ts) return { status: "wait", retryInSeconds: WAIT_FOR_THREAD_SECONDS };
        return postOrUpdate(message, hooks, root.channel, locales.defaultLocale, root.ts);
      }
      case "notice": {
        const user = slackUserOf(target.person);
        if (!user) throw new UndeliverableError(`${target.person} is not a Slack person`);
        const locale = await locales.of(user);
        const content = await build(message, locale, hooks.round);
        if (!content) return { status: "delivered", result: { skipped: "nothing to say" } };
        const rendered = await render(content, locale, hooks.round);
        const where = parseSlackRef(target.where);
        // An ephemeral message cannot be looked up afterwards: after a crash at this
        // point the person may see a short notice twice, never a report or a page.
        await hooks.beforeSend();
        if (where) {
          try {
            await call("chat.postEphemeral", () =>
              client.chat.postEphemeral({
                channel: where.channel,
                user,
                text: rendered.text,
                blocks: rendered.blocks,
                ...(where.ts ? { thread_ts: where.ts } : {}),
              }),
            );
            return { status: "delivered" };
          } catch (error) {
            // Where the bot cannot answer in place (a channel it is not in, someone
            // else's DM), the person still gets the answer, in a direct message.
            if (!EPHEMERAL_FALLBACK_ERRORS.has(slackErrorOf(error) ?? "")) throw error;
          }
        }
        await call("chat.postMessage", () =>
          client.chat.postMessage({ channel: user, text: rendered.text, blocks: rendered.blocks }),
        );
        return { status: "delivered", result: { fallback: "direct_message" } };
      }
      case "legacy":
        throw new UndeliverableError(`a message of the previous release (${message.kind}) was not converted`);
    }
  };
}
