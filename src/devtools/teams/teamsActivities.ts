/**
 * Incoming Teams activities, shaped as Teams sends them, for `BotConnectorStandIn.sendActivity`.
 *
 * Each builder returns the activity only; the stand-in fills in what the Connector adds to every
 * activity (id, timestamps, serviceUrl, channelId, recipient, tenant) and signs it. Shapes follow
 * Microsoft's examples:
 * - message: msteams-docs bots/how-to/conversations/conversation-messages.md ("Receive a message", JSON);
 * - channel message with a mention: channel-and-group-conversations.md (`<at>` text plus a `mention` entity);
 * - dialogs: task-modules-and-cards/task-modules/task-modules-bots.md (`task/fetch`, `task/submit`,
 *   value `{ data, context: { theme } }`);
 * - Universal Actions: Work-with-Universal-Actions-for-Adaptive-Cards.md (`adaptiveCard/action`,
 *   value `{ action: { type: "Action.Execute", verb, data }, trigger }`);
 * - message extensions: messaging-extensions/how-to/action-commands/respond-to-task-module-submit.md
 *   (`composeExtension/submitAction`, value `{ commandId, commandContext, context, data }`); a command with
 *   `"fetchTask": true` in the manifest first asks for its dialog with `composeExtension/fetchTask`;
 * - file consent: bots/how-to/bots-filesv4.md (`fileConsent/invoke`, value `{ type: "fileUpload", action, context, uploadInfo }`);
 * - installation: subscribe-to-conversation-events.md (`installationUpdate` with `action: "add"`, and
 *   `conversationUpdate` with the bot in `membersAdded`).
 */
import type { BotConnectorStandIn, StandInUser } from "./botConnectorStandIn.ts";

export type Activity = Record<string, unknown>;

export class TeamsActivities {
  constructor(private readonly standIn: BotConnectorStandIn) {}

  /** A message from a user in their personal chat with the bot (the app must be installed for them). */
  personalMessage(userId: string, text: string, extra: Activity = {}): Activity {
    const user = this.user(userId);
    return {
      type: "message",
      text,
      textFormat: "plain",
      from: this.account(user),
      conversation: this.personalConversation(user),
      ...extra,
    };
  }

  /**
   * A message in a channel that mentions the bot (in channels the bot only hears messages that
   * @mention it). Without `threadRootId` it starts a new thread; with one it is a reply in that thread.
   */
  channelMessage(
    userId: string,
    channelId: string,
    text: string,
    opts: { threadRootId?: string; mentionBot?: boolean } = {},
  ): Activity {
    const user = this.user(userId);
    const mentionBot = opts.mentionBot ?? true;
    const mention = `<at>${this.standIn.botName}</at>`;
    return {
      type: "message",
      text: mentionBot ? `${mention} ${text}` : text,
      textFormat: "plain",
      from: this.account(user),
      conversation: this.channelConversation(channelId, opts.threadRootId),
      channelData: this.channelData(channelId),
      entities: mentionBot
        ? [{ type: "mention", text: mention, mentioned: { id: this.standIn.botId, name: this.standIn.botName } }]
        : [],
      ...(opts.threadRootId ? { replyToId: opts.threadRootId } : {}),
    };
  }

  /** Opening a dialog (task module) from a card button with `msteams: { type: "task/fetch" }`. */
  dialogFetch(
    userId: string,
    conversationId: string,
    data: Record<string, unknown>,
    opts: { replyToId?: string } = {},
  ): Activity {
    return this.invoke(
      userId,
      conversationId,
      "task/fetch",
      { data: { ...data, type: "task/fetch" }, context: { theme: "default" } },
      opts.replyToId,
    );
  }

  /** Submitting a dialog: `data` holds the card's inputs and the submit action's data. */
  dialogSubmit(
    userId: string,
    conversationId: string,
    data: Record<string, unknown>,
    opts: { replyToId?: string } = {},
  ): Activity {
    return this.invoke(userId, conversationId, "task/submit", { data, context: { theme: "default" } }, opts.replyToId);
  }

  /** An `Action.Execute` on a card the bot sent (`replyToId` is that message's id). */
  cardAction(
    userId: string,
    conversationId: string,
    action: { verb: string; data?: Record<string, unknown>; replyToId?: string; trigger?: "manual" | "automatic" },
  ): Activity {
    return this.invoke(
      userId,
      conversationId,
      "adaptiveCard/action",
      { action: { type: "Action.Execute", verb: action.verb, data: action.data ?? {} }, trigger: action.trigger ?? "manual" },
      action.replyToId,
    );
  }

  /** A message extension action command that fetches its dialog (`"fetchTask": true` in the manifest). */
  messageExtensionFetchTask(
    userId: string,
    conversationId: string,
    commandId: string,
    commandContext: "compose" | "commandBox" | "message" = "compose",
    messagePayload?: Record<string, unknown>,
  ): Activity {
    return this.invoke(userId, conversationId, "composeExtension/fetchTask", {
      commandId,
      commandContext,
      context: { theme: "default" },
      ...(messagePayload ? { messagePayload } : {}),
    });
  }

  /** Submitting a message extension's dialog. */
  messageExtensionSubmitAction(
    userId: string,
    conversationId: string,
    commandId: string,
    data: Record<string, unknown>,
    commandContext: "compose" | "commandBox" | "message" = "compose",
  ): Activity {
    return this.invoke(userId, conversationId, "composeExtension/submitAction", {
      commandId,
      commandContext,
      context: { theme: "default" },
      data,
    });
  }

  /**
   * The user's answer to a file consent card. Accepting hands the bot a OneDrive upload URL (served by
   * the stand-in, see `BotConnectorStandIn.uploads`); `replyToId` is the consent card's message.
   */
  fileConsent(
    userId: string,
    conversationId: string,
    answer: { action: "accept" | "decline"; fileName: string; context?: Record<string, unknown>; replyToId?: string },
  ): Activity {
    const value: Record<string, unknown> = { type: "fileUpload", action: answer.action, context: answer.context ?? {} };
    if (answer.action === "accept") value.uploadInfo = this.standIn.newUploadSession(userId, answer.fileName);
    return this.invoke(userId, conversationId, "fileConsent/invoke", value, answer.replyToId);
  }

  /** The app was installed for a user (personal scope): `installationUpdate` with `action: "add"`. */
  personalInstallation(userId: string, action: "add" | "remove" = "add"): Activity {
    const user = this.user(userId);
    return { type: "installationUpdate", action, from: this.account(user), conversation: this.personalConversation(user) };
  }

  /** The bot was added to the personal chat: `conversationUpdate` with the bot in `membersAdded`. */
  personalBotAdded(userId: string): Activity {
    const user = this.user(userId);
    return {
      type: "conversationUpdate",
      from: this.account(user),
      conversation: this.personalConversation(user),
      membersAdded: [{ id: this.standIn.botId }],
    };
  }

  /** The app was added to a team by `userId`: `conversationUpdate` in the General channel, `eventType: "teamMemberAdded"`. */
  teamBotAdded(userId: string, teamId: string): Activity {
    const user = this.user(userId);
    return {
      type: "conversationUpdate",
      from: this.account(user),
      conversation: this.channelConversation(teamId),
      membersAdded: [{ id: this.standIn.botId }],
      channelData: { ...this.channelData(teamId), eventType: "teamMemberAdded" },
    };
  }

  /** `installationUpdate` for a team (the General channel's conversation). */
  teamInstallation(userId: string, teamId: string, action: "add" | "remove" = "add"): Activity {
    const user = this.user(userId);
    return {
      type: "installationUpdate",
      action,
      from: this.account(user),
      conversation: this.channelConversation(teamId),
      channelData: { ...this.channelData(teamId), settings: { selectedChannel: { id: teamId } } },
    };
  }

  private invoke(
    userId: string,
    conversationId: string,
    name: string,
    value: Record<string, unknown>,
    replyToId?: string,
  ): Activity {
    const user = this.user(userId);
    const conversation = this.standIn.conversation(conversationId);
    if (!conversation) throw new Error(`TeamsActivities: no conversation ${conversationId} in the stand-in`);
    const isChannel = conversation.type === "channel";
    return {
      type: "invoke",
      name,
      value,
      from: this.account(user),
      conversation: isChannel
        ? { id: conversationId, conversationType: "channel", isGroup: true, tenantId: conversation.tenantId }
        : { id: conversationId, conversationType: "personal", tenantId: conversation.tenantId },
      ...(isChannel ? { channelData: this.channelData(conversation.channelId!) } : {}),
      ...(replyToId ? { replyToId } : {}),
    };
  }

  private user(userId: string): StandInUser {
    const user = this.standIn.user(userId);
    if (!user) throw new Error(`TeamsActivities: no user ${userId} in the stand-in`);
    return user;
  }

  private account(user: StandInUser): Activity {
    return { id: user.id, name: user.name, aadObjectId: user.aadObjectId };
  }

  private personalConversation(user: StandInUser): Activity {
    const conversation = this.standIn.personalConversationOf(user.id);
    if (!conversation)
      throw new Error(`TeamsActivities: the app is not installed for ${user.name}; call installPersonalApp first`);
    return { id: conversation.id, conversationType: "personal", tenantId: user.tenantId };
  }

  private channelConversation(channelId: string, threadRootId?: string): Activity {
    return {
      id: threadRootId ? `${channelId};messageid=${threadRootId}` : channelId,
      conversationType: "channel",
      isGroup: true,
      tenantId: this.standIn.tenantId,
    };
  }

  /** `channelData.team` and `channelData.channel` are "passed only in channel contexts" (conversation-messages.md, "Teams channel data"). */
  private channelData(channelId: string): Activity {
    const team = this.standIn.teamOfChannel(channelId);
    if (!team) throw new Error(`TeamsActivities: no team has channel ${channelId}`);
    const channel = team.channels.find((c) => c.id === channelId)!;
    return {
      tenant: { id: this.standIn.tenantId },
      team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
      channel: { id: channel.id, name: channel.name },
    };
  }
}
