// Delivers one outbox message to Slack. The core said what (a kind and its
// payload) and where (a channel by its role, a person, the thread of an
// earlier message, a notice to one person); this resolves where to Slack's
// channels, builds the message in the reader's language from the current
// records, renders it to Block Kit, and posts it, or updates it in place
// when a message with its key was posted before.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { TMessage } from "../../core/messages/message.ts";
import type { TClaimedOutboxMessage, TDeliveryOutcome } from "../../core/outbox/OutboxWorker.ts";
import { findPostedRef, recordPostedRef } from "../../core/outbox/postedMessages.ts";
import type { TChannelRole } from "../../core/outbox/target.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { TLocale } from "../../core/text/locale.ts";
import type { Clock } from "../../core/time/clock.ts";
import { findMessageKind } from "../../features/index.ts";
import type { TMessageContext } from "../../features/messageContext.ts";
import { textsFor } from "../../texts/index.ts";
import { parseSlackRef, slackMessageRef, slackUserOf, SLACK_PLATFORM } from "../identity.ts";
import type { SlackLocales } from "../locale/SlackLocales.ts";
import { messageLinks, renderMessage } from "../render/renderMessage.ts";
import { slackErrorOf } from "../setup/checkSlackToken.ts";
import { setupProblemMessage } from "../setup/setupProblemMessage.ts";

/** Messages only this front end sends (about its own setup). */
const SLACK_MESSAGE_KINDS = new Map([[setupProblemMessage.kind, setupProblemMessage]]);

/** Errors of chat.postEphemeral after which the notice goes to the person's DM instead. */
const EPHEMERAL_FALLBACK_ERRORS = new Set(["channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived"]);
/** How long a message that waits for its thread to exist waits per round. */
const WAIT_FOR_THREAD_SECONDS = 2;

export interface TSlackDeliveryOptions {
  client: WebClient;
  database: Database;
  clock: Clock;
  logger: Logger;
  locales: SlackLocales;
  channels: Readonly<Record<TChannelRole, string>>;
  /** Everything a message builder reads, but the language and the time. */
  messageContext: Omit<TMessageContext, "locale" | "texts" | "now">;
}

/** A message that cannot be delivered, now or ever (an unknown kind, a payload that does not parse). */
export class UndeliverableError extends Error {
  readonly code = "datalek_undeliverable";
}

export function archiveUrl(ref: string): string | undefined {
  const parsed = parseSlackRef(ref);
  return parsed?.ts ? `https://slack.com/archives/${parsed.channel}/p${parsed.ts.replace(".", "")}` : undefined;
}

export function createSlackDelivery(options: TSlackDeliveryOptions) {
  const { client, database, clock, locales } = options;

  const build = async (message: TClaimedOutboxMessage, locale: TLocale): Promise<TMessage | undefined> => {
    const kind = findMessageKind(message.kind) ?? SLACK_MESSAGE_KINDS.get(message.kind);
    if (!kind) throw new UndeliverableError(`unknown message kind ${message.kind}`);
    const payload = kind.payload.safeParse(message.payload);
    if (!payload.success)
      throw new UndeliverableError(`payload of ${message.kind} does not parse: ${payload.error.issues[0]?.message}`);
    return kind.build(payload.data, { ...options.messageContext, locale, texts: textsFor(locale), now: clock.now() });
  };

  const render = async (content: TMessage, locale: TLocale) => {
    const links = new Map<string, string>();
    for (const key of messageLinks(content)) {
      const url = archiveUrl((await findPostedRef(database, key, SLACK_PLATFORM)) ?? "");
      if (url) links.set(key, url);
    }
    return renderMessage(content, { links, someone: textsFor(locale).common.someone });
  };

  /** Posts, or updates the message posted before under the same key. */
  const postOrUpdate = async (
    message: TClaimedOutboxMessage,
    channel: string,
    locale: TLocale,
    thread?: string,
  ): Promise<TDeliveryOutcome> => {
    const content = await build(message, locale);
    if (!content) return { status: "delivered", result: { skipped: "nothing to say" } };
    const rendered = await render(content, locale);
    const previous = message.key ? parseSlackRef(await findPostedRef(database, message.key, SLACK_PLATFORM)) : undefined;
    if (previous?.ts) {
      await client.chat.update({ channel: previous.channel, ts: previous.ts, text: rendered.text, blocks: rendered.blocks });
      return { status: "delivered", result: { updated: slackMessageRef(previous.channel, previous.ts) } };
    }
    const posted = await client.chat.postMessage({
      channel,
      text: rendered.text,
      blocks: rendered.blocks,
      unfurl_links: false,
      ...(thread ? { thread_ts: thread } : {}),
    });
    const ref = slackMessageRef(posted.channel ?? channel, posted.ts!);
    if (message.key) await recordPostedRef(database, message.key, SLACK_PLATFORM, ref, clock.now());
    for (const file of content.files ?? [])
      await client.files.uploadV2({
        channel_id: posted.channel ?? channel,
        filename: file.filename,
        title: file.title,
        content: file.content,
      });
    return { status: "delivered", result: { posted: ref } };
  };

  return async function deliver(message: TClaimedOutboxMessage): Promise<TDeliveryOutcome> {
    const target = message.target;
    switch (target.to) {
      case "channel":
        return postOrUpdate(message, options.channels[target.channel], locales.defaultLocale);
      case "person": {
        const user = slackUserOf(target.person);
        if (!user) throw new UndeliverableError(`${target.person} is not a Slack person`);
        return postOrUpdate(message, user, await locales.of(user));
      }
      case "thread": {
        const root = parseSlackRef(await findPostedRef(database, target.of, SLACK_PLATFORM));
        // The thread's first message has not gone out yet: wait for it.
        if (!root?.ts) return { status: "wait", retryInSeconds: WAIT_FOR_THREAD_SECONDS };
        return postOrUpdate(message, root.channel, locales.defaultLocale, root.ts);
      }
      case "notice": {
        const user = slackUserOf(target.person);
        if (!user) throw new UndeliverableError(`${target.person} is not a Slack person`);
        const locale = await locales.of(user);
        const content = await build(message, locale);
        if (!content) return { status: "delivered", result: { skipped: "nothing to say" } };
        const rendered = await render(content, locale);
        const where = parseSlackRef(target.where);
        if (where) {
          try {
            await client.chat.postEphemeral({
              channel: where.channel,
              user,
              text: rendered.text,
              blocks: rendered.blocks,
              ...(where.ts ? { thread_ts: where.ts } : {}),
            });
            return { status: "delivered" };
          } catch (error) {
            // Where the bot cannot answer in place (a channel it is not in, someone
            // else's DM), the person still gets the answer, in a direct message.
            if (!EPHEMERAL_FALLBACK_ERRORS.has(slackErrorOf(error) ?? "")) throw error;
          }
        }
        await client.chat.postMessage({ channel: user, text: rendered.text, blocks: rendered.blocks });
        return { status: "delivered", result: { fallback: "direct_message" } };
      }
      case "legacy":
        throw new UndeliverableError(`a message of the previous release (${message.kind}) was not converted`);
    }
  };
}
