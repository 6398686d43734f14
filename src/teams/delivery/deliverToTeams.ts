// Delivers one outbox message to Teams. The core said what (a kind and its
// payload) and where (a channel by its role, a person, the thread of an
// earlier message, a notice to one person); this resolves where to Teams'
// conversations, builds the message in the reader's language from the
// current records, renders it to an Adaptive Card, and posts it, or updates
// it in place when a message with its key was posted before.
//
// - A channel message starts a new thread (createConversation with the
//   channel); replies go to "<channel>;messageid=<root>".
// - A person is reached in the personal chat with the bot: the stored
//   conversation, or one created from their Teams user id (Teams refuses
//   that until the app is installed for them: the message is parked, and
//   put back in the queue when they install it).
// - A notice (Slack: an ephemeral message where they clicked) goes to the
//   personal chat: Teams has no message only one person sees in a channel.
// - Files (drafts, exports) follow as file consent cards in the personal
//   chat; the bytes go to the person's OneDrive when they accept.
//
// Exactly once, as far as the Connector allows: it offers no way to find a
// message by something the bot put in it, so a message whose send reached
// Teams but whose outcome was not recorded (the process died in between)
// is sent again. Updates are idempotent; a rate limit pauses the call for
// every replica.
import type { Logger } from "pino";
import { ConversationClient } from "@microsoft/teams.api";
import type { TMessage } from "../../core/messages/message.ts";
import {
  storedOutboxMessage,
  type TClaimedOutboxMessage,
  type TDeliveryHooks,
  type TDeliveryOutcome,
} from "../../core/outbox/OutboxWorker.ts";
import { findPostedRef, findPostedRefInRound } from "../../core/outbox/postedMessages.ts";
import type { RateLimitPauses } from "../../core/outbox/RateLimitPauses.ts";
import type { TChannelRole } from "../../core/outbox/target.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import { toBotLocale, type TLocale } from "../../core/text/locale.ts";
import type { Clock } from "../../core/time/clock.ts";
import { findMessageKind } from "../../features/index.ts";
import type { TMessageContext } from "../../features/messageContext.ts";
import { textsFor } from "../../texts/index.ts";
import { parseTeamsRef, teamsMessageRef, teamsObjectIdOf, TEAMS_PLATFORM, threadRootOf, channelOf } from "../identity.ts";
import { FILE_CONSENT_CONTENT_TYPE } from "../render/cardTypes.ts";
import { renderActivity, type TCardContext, type TRenderedActivity } from "../render/renderCard.ts";
import { TEAMS_LIMITS } from "../render/teamsLimits.ts";
import { connectorErrorOf } from "./classifyTeamsFailure.ts";
import { UndeliverableError } from "./deliveryErrors.ts";
import { channelKey, personKey, type TeamsConversations } from "./teamsConversations.ts";

/** The verb of the refresh that asks for a reader's own version of a card (User Specific Views). */
export const REFRESH_VERB = "datalek_refresh";

/** How long a message that waits for its thread to exist waits per round. */
const WAIT_FOR_THREAD_SECONDS = 2;

export interface TTeamsDeliveryOptions {
  /** The SDK's HTTP client, which carries the bot's token. */
  http: ConstructorParameters<typeof ConversationClient>[1];
  database: Database;
  clock: Clock;
  logger: Logger;
  conversations: TeamsConversations;
  pauses: RateLimitPauses;
  tenantId: string;
  defaultServiceUrl: string;
  defaultLocale: TLocale;
  channels: Readonly<Record<TChannelRole, string>>;
  /** Everything a message builder reads, but the language and the time. */
  messageContext: Omit<TMessageContext, "locale" | "texts" | "now">;
  /** How the renderer names people, says "shortened", and which buttons open a dialog. */
  cardContext: (locale: TLocale, links: ReadonlyMap<string, string>) => TCardContext;
  /** A link to a posted message (its thread), for messages that link to one. */
  messageUrl: (ref: string) => string | undefined;
}

/** What a file consent card carries back when it is answered: which outbox message, which file. */
export interface TFileConsentContext {
  outbox: string;
  file: number;
}

export function createTeamsDelivery(options: TTeamsDeliveryOptions) {
  const { database, clock, conversations, pauses } = options;
  const clients = new Map<string, ConversationClient>();
  const clientFor = (serviceUrl: string) => {
    // Teams' service URLs end in a slash; the SDK adds "/v3/..." itself.
    const base = serviceUrl.replace(/\/+$/, "");
    let client = clients.get(base);
    if (!client) clients.set(base, (client = new ConversationClient(base, options.http)));
    return client;
  };

  /** One Connector call: refused at once while its operation is paused; a 429 pauses it for everyone. */
  const call = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    await pauses.check(operation);
    try {
      return await work();
    } catch (error) {
      const failure = connectorErrorOf(error);
      if (failure?.status === 429) await pauses.pause(operation, Math.max(1, failure.retryAfterSeconds ?? 1));
      throw error;
    }
  };

  const build = async (message: TClaimedOutboxMessage, locale: TLocale): Promise<TMessage | undefined> => {
    const kind = findMessageKind(message.kind);
    if (!kind) throw new UndeliverableError(`unknown message kind ${message.kind}`);
    const payload = kind.payload.safeParse(message.payload);
    if (!payload.success)
      throw new UndeliverableError(`payload of ${message.kind} does not parse: ${payload.error.issues[0]?.message}`);
    return kind.build(payload.data, { ...options.messageContext, locale, texts: textsFor(locale), now: clock.now() });
  };

  /**
   * User Specific Views (Universal Actions refresh): a card in a channel names the privacy officers and
   * administrators the front end can reach (at most 60, Teams' limit), and their clients ask the bot for
   * their own version (their language); Teams asks for everyone in a channel of fewer than 60 people, and
   * a reader who is neither gets the card without buttons they may not use.
   */
  const refreshFor = async (): Promise<Record<string, unknown>> => {
    const overseers = [...options.messageContext.roles.dpos, ...options.messageContext.roles.admins]
      .map(teamsObjectIdOf)
      .filter((id): id is string => id !== undefined);
    const userIds: string[] = [];
    for (const objectId of new Set(overseers)) {
      const row = await conversations.find(personKey(objectId));
      if (row?.userId) userIds.push(row.userId);
    }
    return {
      refresh: {
        action: { type: "Action.Execute", verb: REFRESH_VERB, data: {} },
        userIds: userIds.slice(0, TEAMS_LIMITS.refreshUserIds),
      },
    };
  };

  const render = async (content: TMessage, locale: TLocale, extra: Record<string, unknown> = {}): Promise<TRenderedActivity> => {
    const links = new Map<string, string>();
    for (const key of linkedKeys(content)) {
      const ref = await findPostedRef(database, key, TEAMS_PLATFORM);
      const url = ref ? options.messageUrl(ref) : undefined;
      if (url) links.set(key, url);
    }
    return renderActivity(content, options.cardContext(locale, links), extra);
  };

  const localeOf = async (objectId: string): Promise<TLocale> => {
    const row = await conversations.find(personKey(objectId));
    return row?.locale ? toBotLocale(row.locale, options.defaultLocale) : options.defaultLocale;
  };

  /** The personal chat with a person: the stored one, or one Teams creates from their user id. */
  const personalChat = async (
    objectId: string,
    hooks?: TDeliveryHooks,
  ): Promise<{ conversationId: string; serviceUrl: string }> => {
    const row = await conversations.find(personKey(objectId));
    if (row?.conversationId) return { conversationId: row.conversationId, serviceUrl: row.serviceUrl };
    if (!row?.userId)
      throw new UndeliverableError(
        `teams:${objectId} cannot be reached yet: the app is not installed for them (see docs/teams.md, "Installing for the privacy officers")`,
      );
    await hooks?.beforeSend();
    const created = await call("create", () =>
      clientFor(row.serviceUrl).create({
        members: [{ id: row.userId!, role: "user", name: row.name ?? "" }],
        tenantId: row.tenantId,
      }),
    );
    await conversations.rememberConversation(personKey(objectId), created.id, row.serviceUrl, row.tenantId);
    return { conversationId: created.id, serviceUrl: row.serviceUrl };
  };

  const channelServiceUrl = async (channelId: string) =>
    (await conversations.find(channelKey(channelId)))?.serviceUrl ?? options.defaultServiceUrl;

  /** File consent cards, one per file: Teams' bot file APIs work only in personal chats. */
  const offerFiles = async (
    message: TClaimedOutboxMessage,
    content: TMessage,
    chat: { conversationId: string; serviceUrl: string },
  ) => {
    for (const [index, file] of (content.files ?? []).entries()) {
      const context: TFileConsentContext = { outbox: String(message.id), file: index };
      await call("send", () =>
        clientFor(chat.serviceUrl)
          .activities(chat.conversationId)
          .create({
            type: "message",
            attachments: [
              {
                contentType: FILE_CONSENT_CONTENT_TYPE,
                name: file.filename,
                content: {
                  description: file.title,
                  sizeInBytes: Buffer.byteLength(file.content, "utf8"),
                  acceptContext: context,
                  declineContext: context,
                },
              },
            ],
          } as never),
      );
    }
  };

  type TPlace =
    | { kind: "channel"; channelId: string }
    | { kind: "person"; objectId: string }
    | { kind: "thread"; conversationId: string; serviceUrl: string };

  /** Posts, or updates the message posted before under the same key. */
  const postOrUpdate = async (
    message: TClaimedOutboxMessage,
    hooks: TDeliveryHooks,
    place: TPlace,
    locale: TLocale,
  ): Promise<TDeliveryOutcome> => {
    const content = await build(message, locale);
    if (!content) return { status: "delivered", result: { skipped: "nothing to say" } };
    const activity = await render(content, locale, place.kind === "person" ? {} : await refreshFor());
    const previous = message.key
      ? parseTeamsRef(await findPostedRefInRound(database, message.key, TEAMS_PLATFORM, hooks.round))
      : undefined;
    if (previous) {
      const serviceUrl =
        place.kind === "person"
          ? (await personalChat(place.objectId)).serviceUrl
          : await channelServiceUrl(channelOf(previous.conversationId));
      // An update is the same however often it is sent: no look-up needed.
      await call("send", () =>
        clientFor(serviceUrl)
          .activities(previous.conversationId)
          .update(previous.activityId, activity as never),
      );
      return { status: "delivered", result: { updated: teamsMessageRef(previous.conversationId, previous.activityId) } };
    }
    if (message.interruptedAttemptAt)
      options.logger.warn(
        { outboxId: String(message.id), kind: message.kind },
        "an earlier attempt was interrupted after calling Teams; the Connector cannot be searched, so it is sent again (it may show twice)",
      );
    let ref: string;
    let personal: { conversationId: string; serviceUrl: string } | undefined;
    switch (place.kind) {
      case "channel": {
        const serviceUrl = await channelServiceUrl(place.channelId);
        await hooks.beforeSend();
        const created = await call("create", () =>
          clientFor(serviceUrl).create({
            isGroup: true,
            channelData: { channel: { id: place.channelId } },
            tenantId: options.tenantId,
            activity: activity as never,
          }),
        );
        ref = teamsMessageRef(created.id, created.activityId ?? threadRootOf(created.id) ?? "");
        break;
      }
      case "person": {
        personal = await personalChat(place.objectId, hooks);
        await hooks.beforeSend();
        const chat = personal;
        const sent = await call("send", () =>
          clientFor(chat.serviceUrl)
            .activities(chat.conversationId)
            .create(activity as never),
        );
        ref = teamsMessageRef(chat.conversationId, sent.id);
        break;
      }
      case "thread": {
        await hooks.beforeSend();
        const sent = await call("send", () =>
          clientFor(place.serviceUrl)
            .activities(place.conversationId)
            .create(activity as never),
        );
        ref = teamsMessageRef(place.conversationId, sent.id);
        break;
      }
    }
    if (content.files?.length) {
      if (personal) await offerFiles(message, content, personal);
      else
        options.logger.warn(
          { kind: message.kind },
          "files for a channel are not sent: Teams' bot file APIs work in personal chats only",
        );
    }
    // Where it went is recorded with the outcome, in the outbox worker's one statement.
    return { status: "delivered", result: { posted: ref }, posted: ref };
  };

  const deliver = async (message: TClaimedOutboxMessage, hooks: TDeliveryHooks): Promise<TDeliveryOutcome> => {
    const target = message.target;
    switch (target.to) {
      case "channel":
        return postOrUpdate(
          message,
          hooks,
          { kind: "channel", channelId: options.channels[target.channel] },
          options.defaultLocale,
        );
      case "person": {
        const objectId = teamsObjectIdOf(target.person);
        if (!objectId) throw new UndeliverableError(`${target.person} is not a Teams person`);
        return postOrUpdate(message, hooks, { kind: "person", objectId }, await localeOf(objectId));
      }
      case "thread": {
        const root = parseTeamsRef(await findPostedRefInRound(database, target.of, TEAMS_PLATFORM, hooks.round));
        // The thread's first message has not gone out yet: wait for it.
        if (!root) return { status: "wait", retryInSeconds: WAIT_FOR_THREAD_SECONDS };
        const channelId = channelOf(root.conversationId);
        const conversationId = threadRootOf(root.conversationId)
          ? root.conversationId
          : `${channelId};messageid=${root.activityId}`;
        const isChannel = channelId.startsWith("19:");
        return postOrUpdate(
          message,
          hooks,
          {
            kind: "thread",
            // A personal chat has no threads: the reply follows in the chat.
            conversationId: isChannel ? conversationId : root.conversationId,
            serviceUrl: await channelServiceUrl(channelId),
          },
          options.defaultLocale,
        );
      }
      case "notice": {
        const objectId = teamsObjectIdOf(target.person);
        if (!objectId) throw new UndeliverableError(`${target.person} is not a Teams person`);
        const locale = await localeOf(objectId);
        const content = await build(message, locale);
        if (!content) return { status: "delivered", result: { skipped: "nothing to say" } };
        const activity = await render(content, locale);
        const chat = await personalChat(objectId, hooks);
        // A notice has no key: after a crash right here the person may see it twice, never a report or a page.
        await hooks.beforeSend();
        const sent = await call("send", () =>
          clientFor(chat.serviceUrl)
            .activities(chat.conversationId)
            .create(activity as never),
        );
        return { status: "delivered", result: { notice: teamsMessageRef(chat.conversationId, sent.id) } };
      }
      case "legacy":
        throw new UndeliverableError(`a message of the previous release (${message.kind}) was not converted`);
    }
  };

  /** Rebuilds a delivered message (to answer a file consent or refresh a card): what it said, for this reader. */
  const rebuild = async (message: TClaimedOutboxMessage, locale: TLocale) => build(message, locale);

  /**
   * The card a reader's client asked for in a refresh: the message posted under `key`, built again from the
   * current records in the reader's language; without the buttons for someone who is no privacy officer or
   * administrator (they would be refused). Undefined when the bot posted nothing under that key.
   */
  const cardForReader = async (key: string, locale: TLocale, overseer: boolean) => {
    const row = await database.prisma.outboxMessage.findFirst({
      where: { platform: TEAMS_PLATFORM, messageKey: key },
      orderBy: { id: "desc" },
    });
    const message = row ? storedOutboxMessage(row) : undefined;
    if (!message) return undefined;
    const content = await build(message, locale);
    if (!content) return undefined;
    const shown = overseer ? content : { ...content, blocks: content.blocks.filter((block) => block.kind !== "controls") };
    return (await render(shown, locale, await refreshFor())).attachments[0]!.content;
  };

  return { deliver, rebuild, render, cardForReader, personalChat, clientFor, localeOf };
}

export type TTeamsDelivery = ReturnType<typeof createTeamsDelivery>;

function linkedKeys(message: TMessage): string[] {
  const keys = new Set<string>();
  const visit = (text: unknown) => {
    if (typeof text === "string" || !Array.isArray(text)) return;
    for (const span of text) if (span && typeof span === "object" && "messageLink" in span) keys.add(span.messageLink as string);
  };
  for (const block of message.blocks) {
    if (block.kind === "text" || block.kind === "note") visit(block.text);
    if (block.kind === "facts") for (const fact of block.facts) visit(fact.value);
  }
  return [...keys];
}
