/**
 * A local stand-in for Microsoft's Bot Connector service as Teams runs it, with the identity
 * endpoints around it, served over real HTTP (node:http and node:crypto only).
 *
 * It refuses what the real services refuse. Every rule cites where it comes from; where Microsoft's
 * documentation is silent the comment says so and names the evidence used instead. Sources:
 * - [auth]   bot-docs, rest-api/bot-framework-rest-connector-authentication.md
 * - [ref]    bot-docs, rest-api/bot-framework-rest-connector-api-reference.md
 * - [codes]  msteams-docs, bots/how-to/conversations/conversation-messages.md,
 *            "Status codes from bot conversational APIs"
 * - [rate]   msteams-docs, bots/how-to/rate-limit.md
 * - [format] msteams-docs, bots/how-to/format-your-bot-messages.md (message size limit)
 * - [proactive] msteams-docs, bots/how-to/conversations/send-proactive-messages.md
 * - [files]  msteams-docs, bots/how-to/bots-filesv4.md, and OneDrive "upload bytes to the upload session"
 * - [views]  msteams-docs, task-modules-and-cards/cards/Universal-actions-for-adaptive-cards/User-Specific-Views.md
 * - [sdk]    @microsoft/teams.apps 2.0.9 and @microsoft/teams.api 2.0.9 (dist/*.js), the SDK the bot will use
 *
 * One server answers:
 * - Entra ID's token endpoint, `POST /{tenant}/oauth2/v2.0/token` (client credentials);
 * - Bot Framework's OpenID metadata and keys, `GET /v1/.well-known/openidconfiguration` and `/v1/.well-known/keys`;
 * - the Bot Connector API under the service URL `http://127.0.0.1:<port>/teams/` (`/v3/conversations/...`);
 * - the Bot Framework token service's user-token lookup, which the SDK calls on every turn;
 * - OneDrive upload URLs handed out in `fileConsent/invoke` activities.
 * It also delivers signed activities to the bot (`sendActivity`), as the Connector does.
 */
import { EventEmitter } from "node:events";
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { adaptiveCardProblems, cardProblemsOfActivity, ADAPTIVE_CARD_CONTENT_TYPE, type CardProblem } from "./cardChecks.ts";
import { createSigningKey, publicJwk, signJwt, verifyJwt, type JwtClaims, type SigningKey } from "./jwt.ts";

/** Issuer of the tokens the Connector sends to bots; also the audience of bot -> Connector tokens. [auth] */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
/** The scope a bot asks for: `scope=https%3A%2F%2Fapi.botframework.com%2F.default`. [auth] Step 1 */
export const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default";
/** "Industry-standard clock-skew is 5 minutes." [auth] Step 4; also Microsoft.IdentityModel's default ClockSkew. */
const CLOCK_SKEW_SECONDS = 300;

/**
 * "The bot message size limit is 100 KB ... encoded as UTF-16. This 100 KB size limitation doesn't
 * include base64 encoded image." Over it: "413 status code (RequestEntityTooLarge), which contains
 * the error code MessageSizeTooBig". [format] (Older versions of that page said 40 KB, and Teams'
 * limits page about 28 KB; the newest text says 100 KB and recommends staying within 80 KB.)
 */
export const DOCUMENTED_MESSAGE_LIMIT_BYTES = 100 * 1024;

/** Per bot per thread limits, "Maximum allowed operations" per "Time period in seconds". [rate] */
const THREAD_LIMITS: Record<RateBucket, readonly [seconds: number, operations: number][]> = {
  send: [
    [1, 7],
    [2, 8],
    [30, 60],
    [3600, 1800],
  ],
  create: [
    [1, 7],
    [2, 8],
    [30, 60],
    [3600, 1800],
  ],
  members: [
    [1, 14],
    [2, 16],
    [30, 120],
    [3600, 3600],
  ],
};
/** "The global limit per app per tenant is 30 Requests Per Second (RPS)." [rate] */
const GLOBAL_LIMIT: readonly [number, number] = [1, 30];

type RateBucket = "send" | "create" | "members";

export type CallKind =
  | "token"
  | "openIdMetadata"
  | "keys"
  | "createConversation"
  | "sendToConversation"
  | "replyToActivity"
  | "updateActivity"
  | "deleteActivity"
  | "getConversationMembers"
  | "getConversationMember"
  | "getConversationPagedMembers"
  | "getActivityMembers"
  | "getUserToken"
  | "uploadFile"
  | "unknown";

export interface RecordedCall {
  kind: CallKind;
  method: string;
  /** Path and query as requested. */
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body, form fields for the token endpoint, byte count for uploads, undefined when empty. */
  body: unknown;
  status: number;
  /** The body the stand-in answered with. */
  response: unknown;
  at: Date;
  /** True when the status is not 2xx. */
  failed: boolean;
  /** The conversation the call was about, when there is one. */
  conversationId?: string;
}

export interface StandInUser {
  /** Teams user id for this bot, `29:...`. */
  id: string;
  aadObjectId: string;
  name: string;
  givenName: string;
  surname: string;
  email: string;
  userPrincipalName: string;
  tenantId: string;
  userRole: "user";
  /** Whether the app is installed in the user's personal scope. */
  personalAppInstalled: boolean;
  /** The user blocked the bot in the personal chat. */
  blockedBot: boolean;
}

export interface StandInTeam {
  /** Team id; also the id of its General channel (`19:...@thread.tacv2`). */
  id: string;
  name: string;
  aadGroupId: string;
  channels: { id: string; name: string }[];
  memberIds: string[];
  appInstalled: boolean;
}

export type ConversationType = "personal" | "channel";

export interface StoredActivity {
  id: string;
  conversationId: string;
  /** `bot` for activities the bot sent through the API, `user` for ones delivered with `sendActivity`. */
  author: "bot" | "user";
  /** For channel messages: the id of the thread's root message (the root has its own id here). */
  threadRootId?: string;
  /** The current version, as the service stores it (with id, timestamps, from, conversation filled in). */
  activity: Record<string, unknown>;
  /** Earlier versions, oldest first. */
  previousVersions: Record<string, unknown>[];
  deleted: boolean;
  /** What Teams does with the cards of the current version (see cardChecks.ts). */
  cardProblems: CardProblem[];
  /**
   * User Specific Views: the card a user's client shows after an automatic refresh, by Teams user id. [views]
   * "the card automatically refreshes to a user specific view for the users in userIds ... other users in the
   * conversation see the card unchanged". Cleared when the bot updates the message (everyone sees the new one
   * until their client refreshes it again).
   */
  userViews: Record<string, Record<string, unknown>>;
}

export interface StandInConversation {
  id: string;
  type: ConversationType;
  tenantId: string;
  /** personal: the user; channel: the team. */
  userId?: string;
  teamId?: string;
  channelId?: string;
  /** Every activity in posting order, deleted ones included. */
  allActivities: StoredActivity[];
  /** What a person sees: activities not deleted, in posting order, each in its current version. */
  activities: StoredActivity[];
}

export interface RecordedUpload {
  uniqueId: string;
  name: string;
  bytes: Buffer;
  content: string;
  userId: string;
}

export interface Failure {
  status: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
}

export interface IncomingTokenOptions {
  /** Send no Authorization header at all. */
  omit?: boolean;
  /** Sign with a key that is not in the published JWKS. */
  signWithUnpublishedKey?: boolean;
  audience?: string;
  issuer?: string;
  /** The `serviceurl` claim; default the stand-in's service URL. */
  serviceUrlClaim?: string;
  /** Seconds until `exp` (negative: already expired). Default 3600. */
  expiresInSeconds?: number;
  /** Extra or replaced claims. */
  claims?: JwtClaims;
}

export interface SendActivityOptions {
  token?: IncomingTokenOptions;
  /** Abort the request after this many ms (the bot's answer is then missing). Default 15000. */
  timeoutMs?: number;
}

export interface BotAnswer {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the text, or undefined when empty. */
  body: unknown;
  /** The activity as delivered (with the stand-in's defaults filled in). */
  activity: Record<string, unknown>;
  /** Problems of cards the bot answered an invoke with (dialogs, Universal Actions refresh). */
  cardProblems: string[];
}

export interface BotConnectorStandInOptions {
  appId: string;
  appPassword: string;
  tenantId: string;
  botName?: string;
  port?: number;
  /** Size limit for activities the bot sends, UTF-16 bytes; default the documented 100 KB. */
  messageLimitBytes?: number;
  /** Apply the documented per-thread and global rate limits. Default true. */
  enforceRateLimits?: boolean;
  /** Lifetime of issued access tokens, seconds. Entra's default answer is `expires_in: 3599`. */
  accessTokenLifetimeSeconds?: number;
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** The Connector's error body: ErrorResponse `{ error: { code, message } }`. [ref] "ErrorResponse object" */
function connectorError(status: number, code: string, message: string, headers: Record<string, string> = {}): HttpAnswer {
  return new HttpAnswer(status, { error: { code, message } }, headers);
}

export class BotConnectorStandIn {
  readonly appId: string;
  readonly tenantId: string;
  readonly botName: string;

  private readonly appPassword: string;
  private readonly server: Server;
  private readonly events = new EventEmitter();
  private baseUrl = "";
  /** Signs tokens Entra ID would issue (bot -> Connector). */
  private readonly entraKey: SigningKey = createSigningKey();
  /** Signs activities sent to the bot; published in the Bot Framework JWKS. */
  private readonly botFrameworkKey: SigningKey = createSigningKey();
  /** A key nobody publishes, for forged activities. */
  private readonly unpublishedKey: SigningKey = createSigningKey();
  private readonly recorded: RecordedCall[] = [];
  private readonly users = new Map<string, StandInUser>();
  private readonly teams = new Map<string, StandInTeam>();
  private readonly conversationStore = new Map<
    string,
    { record: Omit<StandInConversation, "activities" | "allActivities">; activities: StoredActivity[] }
  >();
  private readonly uploadSessions = new Map<
    string,
    { uniqueId: string; name: string; userId: string; received: Buffer[]; size?: number; done: boolean }
  >();
  private readonly completedUploads: RecordedUpload[] = [];
  private readonly failures = new Map<string, { failure: Failure; remaining: number }[]>();
  private readonly operationLog = new Map<string, number[]>();
  private readonly messageLimitBytes: number;
  private enforceRateLimits: boolean;
  private readonly accessTokenLifetimeSeconds: number;
  private lastActivityId = 0;

  private constructor(opts: BotConnectorStandInOptions) {
    this.appId = opts.appId;
    this.appPassword = opts.appPassword;
    this.tenantId = opts.tenantId;
    this.botName = opts.botName ?? "Datalek";
    this.messageLimitBytes = opts.messageLimitBytes ?? DOCUMENTED_MESSAGE_LIMIT_BYTES;
    this.enforceRateLimits = opts.enforceRateLimits ?? true;
    this.accessTokenLifetimeSeconds = opts.accessTokenLifetimeSeconds ?? 3599;
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(`stand-in error: ${err instanceof Error ? err.stack : String(err)}`);
      });
    });
    this.server.keepAliveTimeout = 1000;
  }

  static async start(opts: BotConnectorStandInOptions): Promise<BotConnectorStandIn> {
    const standIn = new BotConnectorStandIn(opts);
    await new Promise<void>((resolve, reject) => {
      standIn.server.once("error", reject);
      standIn.server.listen(opts.port ?? 0, "127.0.0.1", () => {
        standIn.server.off("error", reject);
        resolve();
      });
    });
    const { port } = standIn.server.address() as AddressInfo;
    standIn.baseUrl = `http://127.0.0.1:${port}`;
    return standIn;
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
    await new Promise<void>((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- addresses

  /** `http://127.0.0.1:<port>`, with no trailing slash. */
  get url(): string {
    return this.baseUrl;
  }
  /** The service URL that goes into activities, with a trailing slash like Teams' (`https://smba.trafficmanager.net/emea/`). */
  get serviceUrl(): string {
    return `${this.baseUrl}/teams/`;
  }
  /** Stands for `https://login.microsoftonline.com` (the SDK's `cloud.loginEndpoint`). */
  get loginEndpoint(): string {
    return this.baseUrl;
  }
  get tokenEndpoint(): string {
    return `${this.baseUrl}/${this.tenantId}/oauth2/v2.0/token`;
  }
  /** Stands for `https://login.botframework.com/v1/.well-known/openidconfiguration`. [auth] Step 2 */
  get openIdMetadataUrl(): string {
    return `${this.baseUrl}/v1/.well-known/openidconfiguration`;
  }
  get keysUrl(): string {
    return `${this.baseUrl}/v1/.well-known/keys`;
  }
  /** Stands for `https://token.botframework.com` (the SDK's `cloud.tokenServiceUrl`). */
  get tokenServiceUrl(): string {
    return `${this.baseUrl}/tokenservice`;
  }
  /** The bot's id in Teams conversations. */
  get botId(): string {
    return `28:${this.appId}`;
  }

  // ---------------------------------------------------------------- directory

  /** A user in the tenant (or in another tenant with `tenantId`). The app is not installed for them until `installPersonalApp`. */
  addUser(fields: { name: string; email?: string; tenantId?: string; id?: string; aadObjectId?: string }): StandInUser {
    const [givenName = fields.name, ...rest] = fields.name.split(" ");
    const slug = fields.name
      .toLowerCase()
      .replace(/[^a-z]+/g, ".")
      .replace(/^\.|\.$/g, "");
    const email = fields.email ?? `${slug}@zorg.example`;
    const user: StandInUser = {
      id: fields.id ?? `29:${randomBytes(24).toString("base64url")}`,
      aadObjectId: fields.aadObjectId ?? randomUUID(),
      name: fields.name,
      givenName,
      surname: rest.join(" "),
      email,
      userPrincipalName: email,
      tenantId: fields.tenantId ?? this.tenantId,
      userRole: "user",
      personalAppInstalled: false,
      blockedBot: false,
    };
    this.users.set(user.id, user);
    return user;
  }

  user(userId: string): StandInUser | undefined {
    return this.users.get(userId);
  }

  /**
   * Installs the app for the user. Teams then has a personal conversation between bot and user,
   * whose id comes in the `installationUpdate` / `conversationUpdate` activities. Returns it.
   */
  installPersonalApp(userId: string): StandInConversation {
    const user = this.requireUser(userId);
    user.personalAppInstalled = true;
    return this.publicConversation(this.personalConversationRecord(user).record.id);
  }

  uninstallPersonalApp(userId: string): void {
    this.requireUser(userId).personalAppInstalled = false;
  }

  /** The user blocks the bot in the personal chat. [codes] 403 ConversationBlockedByUser */
  setBlockedByUser(userId: string, blocked: boolean): void {
    this.requireUser(userId).blockedBot = blocked;
  }

  /** The personal conversation with a user, once the app was installed for them. */
  personalConversationOf(userId: string): StandInConversation | undefined {
    for (const entry of this.conversationStore.values()) {
      if (entry.record.type === "personal" && entry.record.userId === userId) return this.publicConversation(entry.record.id);
    }
    return undefined;
  }

  /** A team with a General channel (id = team id) and the named channels; the app is not installed in it yet. */
  addTeam(fields: { name: string; channels?: string[]; memberIds?: string[] }): StandInTeam {
    const id = `19:${randomBytes(16).toString("hex")}@thread.tacv2`;
    const team: StandInTeam = {
      id,
      name: fields.name,
      aadGroupId: randomUUID(),
      channels: [{ id, name: "General" }],
      memberIds: [...(fields.memberIds ?? [])],
      appInstalled: false,
    };
    for (const name of fields.channels ?? []) {
      team.channels.push({ id: `19:${randomBytes(16).toString("hex")}@thread.tacv2`, name });
    }
    this.teams.set(id, team);
    for (const channel of team.channels) {
      this.conversationStore.set(channel.id, {
        record: { id: channel.id, type: "channel", tenantId: this.tenantId, teamId: id, channelId: channel.id },
        activities: [],
      });
    }
    return team;
  }

  team(teamId: string): StandInTeam | undefined {
    return this.teams.get(teamId);
  }

  addTeamMember(teamId: string, userId: string): void {
    const team = this.requireTeam(teamId);
    this.requireUser(userId);
    if (!team.memberIds.includes(userId)) team.memberIds.push(userId);
  }

  installInTeam(teamId: string): void {
    this.requireTeam(teamId).appInstalled = true;
  }

  uninstallFromTeam(teamId: string): void {
    this.requireTeam(teamId).appInstalled = false;
  }

  /** The team a channel belongs to. */
  teamOfChannel(channelId: string): StandInTeam | undefined {
    for (const team of this.teams.values()) if (team.channels.some((c) => c.id === channelId)) return team;
    return undefined;
  }

  // ---------------------------------------------------------------- what people see

  /** A conversation by id (a channel id, or a personal conversation id), with what a person sees. */
  conversation(conversationId: string): StandInConversation | undefined {
    const { baseId } = splitThreadId(conversationId);
    if (!this.conversationStore.has(baseId)) return undefined;
    return this.publicConversation(baseId);
  }

  /** The current version of one activity. */
  activity(conversationId: string, activityId: string): StoredActivity | undefined {
    const { baseId } = splitThreadId(conversationId);
    return this.conversationStore.get(baseId)?.activities.find((a) => a.id === activityId);
  }

  /** The card one user sees in a message: their User Specific View after a refresh, or the shared card. [views] */
  cardSeenBy(conversationId: string, activityId: string, userId: string): Record<string, unknown> | undefined {
    const stored = this.activity(conversationId, activityId);
    if (!stored) return undefined;
    const view = stored.userViews[userId];
    if (view) return view;
    const attachments = Array.isArray(stored.activity.attachments) ? stored.activity.attachments : [];
    const card = attachments.find((a) => isObject(a) && a.contentType === ADAPTIVE_CARD_CONTENT_TYPE);
    return isObject(card) && isObject(card.content) ? card.content : undefined;
  }

  /** The visible messages of a channel thread: the root and its replies. */
  thread(channelId: string, rootActivityId: string): StoredActivity[] {
    const entry = this.conversationStore.get(channelId);
    if (!entry) return [];
    return entry.activities.filter((a) => !a.deleted && (a.id === rootActivityId || a.threadRootId === rootActivityId));
  }

  /** Files the bot uploaded after a user accepted a file consent card, oldest first. */
  get uploads(): readonly RecordedUpload[] {
    return [...this.completedUploads];
  }

  // ---------------------------------------------------------------- records

  get calls(): readonly RecordedCall[] {
    return [...this.recorded];
  }

  /** Recorded calls of one kind, failed ones included. */
  callsTo(kind: CallKind): RecordedCall[] {
    return this.recorded.filter((c) => c.kind === kind);
  }

  successfulCallsTo(kind: CallKind): RecordedCall[] {
    return this.recorded.filter((c) => c.kind === kind && !c.failed);
  }

  /** Resolves with the successful calls of `kind` ('*' for any) once there are at least `count`. */
  waitForCalls(kind: CallKind | "*", count: number, timeoutMs = 5000): Promise<RecordedCall[]> {
    const matching = (): RecordedCall[] => this.recorded.filter((c) => !c.failed && (kind === "*" || c.kind === kind));
    return this.waitUntil(
      () => {
        const found = matching();
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
      () => `waiting for ${count} successful ${kind} call(s), got ${matching().length}`,
    );
  }

  /** Resolves with the first successful call of `kind` that satisfies `predicate`. */
  waitForCall(kind: CallKind, predicate: (call: RecordedCall) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitUntil(
      () => this.recorded.find((c) => !c.failed && c.kind === kind && predicate(c)),
      timeoutMs,
      () => `waiting for a successful ${kind} call matching the predicate`,
    );
  }

  /** Forgets calls, conversations' activities, uploads, injected failures and rate counters. Users, teams and installations stay. */
  clear(): void {
    this.recorded.length = 0;
    this.completedUploads.length = 0;
    this.uploadSessions.clear();
    this.failures.clear();
    this.operationLog.clear();
    for (const entry of this.conversationStore.values()) entry.activities.length = 0;
  }

  // ---------------------------------------------------------------- injected behaviour

  /**
   * The next `times` calls of `kind` ('*' for any Connector call) are answered with this failure,
   * for the documented retryable answers (412, 429, 502, 503, 504 [codes]) and others.
   */
  failNext(kind: CallKind | "*", failure: Failure, times = 1): void {
    const queue = this.failures.get(kind) ?? [];
    queue.push({ failure, remaining: times });
    this.failures.set(kind, queue);
  }

  /** Throttle the next `times` Connector calls of `kind`: 429 `Throttled` with `Retry-After`. [codes] [rate] */
  throttleNext(kind: CallKind | "*", retryAfterSeconds = 1, times = 1): void {
    this.failNext(kind, { status: 429, code: "Throttled", message: "Too many requests.", retryAfterSeconds }, times);
  }

  setRateLimitsEnforced(enforced: boolean): void {
    this.enforceRateLimits = enforced;
  }

  // ---------------------------------------------------------------- tokens for tests

  /**
   * An access token as the stand-in's token endpoint issues it, with claims replaced as asked
   * (for tests that need an expired one or one for another audience, signed by the right key).
   */
  mintAccessToken(overrides: JwtClaims = {}): string {
    return signJwt({ ...this.accessTokenClaims(BOT_FRAMEWORK_ISSUER), ...overrides }, this.entraKey);
  }

  /** The token `sendActivity` would put in the Authorization header. */
  incomingActivityToken(options: IncomingTokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: JwtClaims = {
      // [auth] "Connector to Bot: example JWT components": aud = app id, iss = https://api.botframework.com, nbf, exp.
      iss: options.issuer ?? BOT_FRAMEWORK_ISSUER,
      aud: options.audience ?? this.appId,
      nbf: now - 60,
      iat: now - 60,
      exp: now + (options.expiresInSeconds ?? 3600),
      // [auth] requirement 7: a "serviceUrl" claim matching the activity's serviceUrl. The claim's name in
      // real tokens is lower case: botframework-connector's AuthenticationConstants.ServiceUrlClaim =
      // 'serviceurl', and [sdk] ServiceTokenValidator reads `payload.serviceurl`.
      serviceurl: options.serviceUrlClaim ?? this.serviceUrl,
      ...options.claims,
    };
    return signJwt(claims, options.signWithUnpublishedKey ? this.unpublishedKey : this.botFrameworkKey);
  }

  // ---------------------------------------------------------------- delivering activities to the bot

  /**
   * POSTs an activity to the bot's messaging endpoint as the Connector does: signed JWT in
   * `Authorization: Bearer`, Teams' fields filled in where the activity leaves them out. Returns the
   * bot's HTTP answer; for invokes that is the invoke response (status and body). [sdk] http-server.js
   * answers `{ status, body }` of the invoke response as the HTTP status and body.
   */
  async sendActivity(
    botEndpointUrl: string,
    activity: Record<string, unknown>,
    options: SendActivityOptions = {},
  ): Promise<BotAnswer> {
    const full = this.completeIncomingActivity(activity);
    // A person's message is in the chat as soon as it is sent, before (and whatever) the bot answers.
    // Forged deliveries are a test's attack on the bot, not something a person wrote: not stored.
    const forged = options.token !== undefined && Object.keys(options.token).length > 0;
    if (full.type === "message" && !forged) this.storeUserMessage(full);
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
    if (!options.token?.omit) headers.authorization = `Bearer ${this.incomingActivityToken(options.token)}`;
    const res = await fetch(botEndpointUrl, {
      method: "POST",
      headers,
      body: JSON.stringify(full),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    let body: unknown = text.length > 0 ? text : undefined;
    if (text.length > 0 && (res.headers.get("content-type") ?? "").includes("json")) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const answer: BotAnswer = {
      status: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      body,
      activity: full,
      cardProblems: [],
    };
    if (full.type === "invoke") this.applyInvokeAnswer(full, answer);
    return answer;
  }

  private completeIncomingActivity(activity: Record<string, unknown>): Record<string, unknown> {
    const from = isObject(activity.from) ? activity.from : {};
    const user = typeof from.id === "string" ? this.users.get(from.id) : undefined;
    const conversation = isObject(activity.conversation) ? { ...activity.conversation } : {};
    const tenantId =
      (typeof conversation.tenantId === "string" ? conversation.tenantId : undefined) ?? user?.tenantId ?? this.tenantId;
    conversation.tenantId = tenantId;
    const channelData = isObject(activity.channelData) ? { ...activity.channelData } : {};
    channelData.tenant = { id: tenantId };
    const now = new Date();
    return {
      // Shape of a Teams activity: msteams-docs conversation-messages.md ("Receive a message", JSON tab).
      id: String(this.nextActivityId()),
      timestamp: now.toISOString(),
      localTimestamp: now.toISOString(),
      serviceUrl: this.serviceUrl,
      channelId: "msteams",
      locale: "nl-NL",
      ...activity,
      from: user ? { id: user.id, name: user.name, aadObjectId: user.aadObjectId, ...from } : from,
      recipient: { id: this.botId, name: this.botName, ...(isObject(activity.recipient) ? activity.recipient : {}) },
      conversation,
      channelData,
    };
  }

  private storeUserMessage(activity: Record<string, unknown>): void {
    const conversation = isObject(activity.conversation) ? activity.conversation : {};
    if (typeof conversation.id !== "string") return;
    const { baseId, rootId } = splitThreadId(conversation.id);
    const entry = this.conversationStore.get(baseId);
    if (!entry) return;
    const id = String(activity.id);
    entry.activities.push({
      id,
      conversationId: baseId,
      author: "user",
      threadRootId: entry.record.type === "channel" ? (rootId ?? id) : undefined,
      activity,
      previousVersions: [],
      deleted: false,
      cardProblems: [],
      userViews: {},
    });
  }

  /** What Teams does with an invoke answer: a dialog shows its card, an `adaptiveCard/action` card replaces the card it came from. */
  private applyInvokeAnswer(activity: Record<string, unknown>, answer: BotAnswer): void {
    const body = isObject(answer.body) ? answer.body : undefined;
    if (!body) return;
    const task = isObject(body.task) ? body.task : undefined;
    if (task?.type === "continue" && isObject(task.value) && isObject(task.value.card)) {
      answer.cardProblems.push(...adaptiveCardProblems(task.value.card.content));
    }
    // [sdk] teams.api models/adaptive-card/adaptive-card-action-response.d.ts: statusCode 200,
    // type 'application/vnd.microsoft.card.adaptive': "an Adaptive Card that the client should display in
    // place of the current one".
    if (activity.name === "adaptiveCard/action" && body.statusCode === 200 && body.type === ADAPTIVE_CARD_CONTENT_TYPE) {
      answer.cardProblems.push(...adaptiveCardProblems(body.value));
      const conversation = isObject(activity.conversation) ? activity.conversation : {};
      const target =
        typeof conversation.id === "string" && typeof activity.replyToId === "string"
          ? this.activity(conversation.id, activity.replyToId)
          : undefined;
      const value = isObject(activity.value) ? activity.value : {};
      const from = isObject(activity.from) ? activity.from : {};
      if (target && !target.deleted && value.trigger === "automatic" && typeof from.id === "string") {
        // An automatic refresh changes the card only for the user whose client asked. [views]
        target.userViews[from.id] = body.value as Record<string, unknown>;
      } else if (target && !target.deleted) {
        const attachments = Array.isArray(target.activity.attachments) ? [...target.activity.attachments] : [];
        const index = attachments.findIndex((a) => isObject(a) && a.contentType === ADAPTIVE_CARD_CONTENT_TYPE);
        if (index >= 0) {
          target.previousVersions.push(target.activity);
          attachments[index] = { ...(attachments[index] as Record<string, unknown>), content: body.value };
          target.activity = { ...target.activity, attachments };
          target.cardProblems = cardProblemsOfActivity(target.activity, this.conversationTypeOf(target.conversationId));
        }
      }
    }
  }

  // ---------------------------------------------------------------- file consent uploads

  /** An upload session as OneDrive hands out in `fileConsent/invoke` `uploadInfo`. [files] */
  newUploadSession(
    userId: string,
    name: string,
  ): { uploadUrl: string; contentUrl: string; uniqueId: string; name: string; fileType: string; etag: string } {
    const uniqueId = randomUUID().toUpperCase();
    this.uploadSessions.set(uniqueId, { uniqueId, name, userId, received: [], done: false });
    const fileType = name.includes(".") ? (name.split(".").pop() ?? "") : "";
    return {
      uploadUrl: `${this.baseUrl}/onedrive/upload/${uniqueId}`,
      contentUrl: `${this.baseUrl}/onedrive/personal/${encodeURIComponent(name)}`,
      uniqueId,
      name,
      fileType,
      etag: "1",
    };
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.baseUrl);
    const path = url.pathname;
    const method = req.method ?? "GET";

    if (method === "POST" && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) {
      const form = Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
      return this.finish(res, req, "token", form, this.answerTokenRequest(path.split("/")[1] ?? "", form, req));
    }
    if (method === "GET" && path === "/v1/.well-known/openidconfiguration") {
      // [auth] Step 2: the document's fields as Bot Framework publishes them.
      return this.finish(
        res,
        req,
        "openIdMetadata",
        undefined,
        new HttpAnswer(200, {
          issuer: BOT_FRAMEWORK_ISSUER,
          authorization_endpoint: "https://invalid.botframework.com",
          jwks_uri: this.keysUrl,
          id_token_signing_alg_values_supported: ["RS256"],
          token_endpoint_auth_methods_supported: ["private_key_jwt"],
        }),
      );
    }
    if (method === "GET" && path === "/v1/.well-known/keys") {
      // [auth] Step 3: JWK format plus "an additional property for each key: endorsements" naming the
      // channels the key may sign for.
      return this.finish(
        res,
        req,
        "keys",
        undefined,
        new HttpAnswer(200, { keys: [{ ...publicJwk(this.botFrameworkKey), endorsements: ["msteams"] }] }),
      );
    }
    if (path.startsWith("/tokenservice/")) {
      // [sdk] app.process.js asks the token service for a user token on every turn
      // (`api.users.token.get`, GET {oauthUrl}/api/usertoken/GetToken) and ignores failures. The stand-in
      // has no OAuth connection, so there is never a token: 404. The exact body is not documented.
      const auth = this.authenticate(req);
      const answer = auth ?? connectorError(404, "NotFound", "Token not found.");
      return this.finish(res, req, "getUserToken", undefined, answer);
    }
    if (path.startsWith("/onedrive/upload/")) {
      const uniqueId = decodeURIComponent(path.slice("/onedrive/upload/".length));
      return this.finish(res, req, "uploadFile", { bytes: raw.length }, this.acceptUpload(uniqueId, req, raw));
    }
    if (path.startsWith("/teams/")) {
      return this.handleConnector(req, res, method, url, raw);
    }
    return this.finish(res, req, "unknown", undefined, new HttpAnswer(404, "Not Found"));
  }

  private finish(
    res: ServerResponse,
    req: IncomingMessage,
    kind: CallKind,
    body: unknown,
    answer: HttpAnswer,
    conversationId?: string,
  ): void {
    const call: RecordedCall = {
      kind,
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: flattenHeaders(req),
      body,
      status: answer.status,
      response: answer.body,
      at: new Date(),
      failed: answer.status < 200 || answer.status >= 300,
      ...(conversationId !== undefined ? { conversationId } : {}),
    };
    this.recorded.push(call);
    const isText = typeof answer.body === "string";
    const payload = answer.body === undefined ? "" : isText ? (answer.body as string) : JSON.stringify(answer.body);
    const headers: Record<string, string> = { ...answer.headers };
    if (payload.length > 0) headers["content-type"] = isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
    res.writeHead(answer.status, headers);
    res.end(payload);
    this.events.emit("call", call);
  }

  // ---------------------------------------------------------------- Entra ID token endpoint

  /**
   * Client credentials grant. What Entra ID answers (bodies as observed in public reports, e.g.
   * OfficeDev/microsoft-365-agents-toolkit#8621 for AADSTS7000215 and microsoft/AzureTRE#1475 for
   * AADSTS700016; shape: error, error_description, error_codes, timestamp, trace_id, correlation_id, error_uri):
   * - wrong secret: 401 `invalid_client`, AADSTS7000215;
   * - unknown client id, or an app asked for in a directory it is not registered in: 400 `unauthorized_client`, AADSTS700016;
   * - missing parameter: 400 `invalid_request`, AADSTS900144;
   * - a scope without `/.default`: 400 `invalid_scope`, AADSTS1002012;
   * - grant types other than client_credentials are not what a bot uses: 400 `unsupported_grant_type`, AADSTS70003.
   */
  private answerTokenRequest(tenant: string, form: Record<string, string>, req: IncomingMessage): HttpAnswer {
    const contentType = (req.headers["content-type"] ?? "").toLowerCase();
    if (!contentType.startsWith("application/x-www-form-urlencoded")) {
      // RFC 6749 section 4.4.2: the request uses "application/x-www-form-urlencoded".
      return entraError(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
    }
    for (const name of ["grant_type", "client_id", "scope"]) {
      if (!form[name])
        return entraError(400, "invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`);
    }
    if (form.grant_type !== "client_credentials") {
      return entraError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
    }
    // A single-tenant app exists only in its own directory; asked for in another one (for example the
    // SDK's multi-tenant default `botframework.com`, [sdk] cloud-environment.js loginTenant) Entra answers
    // as for an unknown application.
    if (form.client_id !== this.appId || tenant !== this.tenantId) {
      return entraError(
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${form.client_id}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    if (!form.client_secret) {
      return entraError(
        401,
        "invalid_client",
        7000216,
        "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
      );
    }
    if (form.client_secret !== this.appPassword) {
      return entraError(
        401,
        "invalid_client",
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${this.appId}'.`,
      );
    }
    const scope = form.scope ?? "";
    if (!scope.endsWith("/.default")) {
      return entraError(
        400,
        "invalid_scope",
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const resource = scope.slice(0, -"/.default".length);
    // [auth] Step 2: `{ token_type, expires_in, ext_expires_in, access_token }`.
    return new HttpAnswer(200, {
      token_type: "Bearer",
      expires_in: this.accessTokenLifetimeSeconds,
      ext_expires_in: this.accessTokenLifetimeSeconds,
      access_token: signJwt(this.accessTokenClaims(resource), this.entraKey),
    });
  }

  /** [auth] "Bot to Connector: example JWT components": aud, iss (sts.windows.net/<tenant>/), nbf, exp, appid. */
  private accessTokenClaims(audience: string): JwtClaims {
    const now = Math.floor(Date.now() / 1000);
    return {
      aud: audience,
      iss: `https://sts.windows.net/${this.tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + this.accessTokenLifetimeSeconds,
      appid: this.appId,
      appidacr: "1",
      idp: `https://sts.windows.net/${this.tenantId}/`,
      tid: this.tenantId,
      ver: "1.0",
    };
  }

  /**
   * The Connector's check of the bot's token. [auth] Step 3: "If the token is correctly formed, is not
   * expired, and was generated by the MSA/AAD v2 login service, the Bot Connector service will authorize
   * the request. Additional checks are performed to ensure that the token belongs to the bot".
   * A refusal is 401 with `{"message":"Authorization has been denied for this request."}`, the body
   * smba.trafficmanager.net answers (MicrosoftDocs/bot-docs issues #1176 and #1593).
   */
  private authenticate(req: IncomingMessage): HttpAnswer | undefined {
    const denied = new HttpAnswer(401, { message: "Authorization has been denied for this request." });
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    if (!match?.[1]) return denied;
    const result = verifyJwt(match[1], {
      keys: [this.entraKey],
      issuer: `https://sts.windows.net/${this.tenantId}/`,
      audience: BOT_FRAMEWORK_ISSUER,
      clockToleranceSeconds: CLOCK_SKEW_SECONDS,
    });
    if (!result.ok) return denied;
    if (result.claims.appid !== this.appId) return denied;
    return undefined;
  }

  // ---------------------------------------------------------------- Bot Connector API

  private async handleConnector(req: IncomingMessage, res: ServerResponse, method: string, url: URL, raw: Buffer): Promise<void> {
    const route = matchConnectorRoute(method, url.pathname.slice("/teams".length));
    const kind: CallKind = route?.kind ?? "unknown";
    const body = parseJsonBody(raw);
    const conversationId = route?.conversationId;
    const record = (answer: HttpAnswer): void =>
      this.finish(res, req, kind, body.ok ? body.value : raw.toString("utf8"), answer, conversationId);

    if (!route) return record(connectorError(404, "NotFound", `No route for ${method} ${url.pathname}.`));
    // Authentication comes first: without a valid token nothing else is looked at. [auth] Step 3
    const denied = this.authenticate(req);
    if (denied) return record(denied);
    const injected = this.takeFailure(kind);
    if (injected) return record(failureAnswer(injected));
    if (!body.ok) return record(connectorError(400, "BadArgument", "The request body is not valid JSON."));

    const throttled = this.checkRateLimits(route);
    if (throttled) return record(throttled);
    const answer = this.answerConnector(route, body.value, url);
    if (answer.status >= 200 && answer.status < 300) this.countOperation(route);
    return record(answer);
  }

  private answerConnector(route: ConnectorRoute, body: unknown, url: URL): HttpAnswer {
    switch (route.kind) {
      case "createConversation":
        return this.createConversation(body);
      case "sendToConversation":
        return this.postActivity(route.conversationId!, undefined, body);
      case "replyToActivity":
        return this.postActivity(route.conversationId!, route.activityId, body);
      case "updateActivity":
        return this.updateActivity(route.conversationId!, route.activityId!, body);
      case "deleteActivity":
        return this.deleteActivity(route.conversationId!, route.activityId!);
      case "getConversationMembers":
      case "getActivityMembers":
        return this.getMembers(route.conversationId!, route.kind === "getActivityMembers" ? route.activityId : undefined);
      case "getConversationPagedMembers":
        return this.getPagedMembers(route.conversationId!, url);
      case "getConversationMember":
        return this.getMember(route.conversationId!, route.memberId!);
      default:
        return connectorError(404, "NotFound", "Not found.");
    }
  }

  /**
   * Create Conversation [ref]: ConversationParameters `{ isGroup, bot, members, tenantId, activity, channelData }`,
   * answers ConversationResourceResponse `{ id, activityId?, serviceUrl? }`.
   */
  private createConversation(body: unknown): HttpAnswer {
    if (!isObject(body)) return connectorError(400, "BadArgument", "Conversation parameters are required.");
    const channelData = isObject(body.channelData) ? body.channelData : {};
    const channelIdValue = isObject(channelData.channel) ? channelData.channel.id : undefined;
    const tenantIdValue =
      typeof body.tenantId === "string" ? body.tenantId : isObject(channelData.tenant) ? channelData.tenant.id : undefined;
    const activity = isObject(body.activity) ? body.activity : undefined;

    if (typeof channelIdValue === "string") {
      // A new thread in a channel: "a new conversation thread in a channel" [proactive]; the thread's first
      // message is the `activity` (Teams cannot create an empty thread; the docs' samples always pass one).
      const entry = this.conversationStore.get(channelIdValue);
      if (!entry || entry.record.type !== "channel")
        return connectorError(404, "ConversationNotFound", "Conversation not found.");
      const team = this.requireTeam(entry.record.teamId!);
      // [proactive] "For a group chat or team, the app that contains your bot must be first installed in that
      // location"; [codes] 403 BotNotInConversationRoster "The bot isn't part of the conversation roster."
      if (!team.appInstalled)
        return connectorError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
      if (!activity) return connectorError(400, "BadArgument", "An activity is required to start a thread in a channel.");
      const posted = this.storeBotActivity(entry, activity, undefined);
      if (posted instanceof HttpAnswer) return posted;
      // Teams addresses a channel thread as `<channel id>;messageid=<root id>` ([sdk] thread.js toThreadedConversationId).
      return new HttpAnswer(201, { id: `${channelIdValue};messageid=${posted.id}`, activityId: posted.id });
    }

    // [proactive] "You can't create a new group chat or a new channel in a team with proactive messaging."
    if (body.isGroup === true) return connectorError(400, "BadArgument", "Creating a group chat is not supported.");
    const members = Array.isArray(body.members) ? body.members.filter(isObject) : [];
    // [ref] ConversationParameters.members: "This list must contain a single user unless isGroup is set to true."
    if (members.length !== 1 || typeof members[0]!.id !== "string") {
      return connectorError(400, "BadArgument", "Exactly one member is required for a personal conversation.");
    }
    // [proactive] "store the tenantId and either the userId or channelId to create a new conversation".
    if (typeof tenantIdValue !== "string") return connectorError(400, "BadArgument", "A tenant id is required.");
    const user = this.users.get(members[0]!.id as string);
    // Not documented; Teams answers 400 BadSyntax "Invalid user identity in provided tenant" for an id that
    // is not a user of the tenant (the wording is listed in msteams-docs' known-issues page; code from reports).
    if (!user || user.tenantId !== tenantIdValue) {
      return connectorError(400, "BadSyntax", "Invalid user identity in provided tenant");
    }
    // [codes] 403 ForbiddenOperationException "Bot isn't installed in user's personal scope".
    if (!user.personalAppInstalled)
      return connectorError(403, "ForbiddenOperationException", "Bot is not installed in user's personal scope");
    if (user.blockedBot) return connectorError(403, "ConversationBlockedByUser", "User blocked the conversation with the bot.");
    // The 1:1 conversation between a bot and a user is one conversation: Teams answers its id again.
    const entry = this.personalConversationRecord(user);
    if (!activity) return new HttpAnswer(201, { id: entry.record.id });
    const posted = this.storeBotActivity(entry, activity, undefined);
    if (posted instanceof HttpAnswer) return posted;
    return new HttpAnswer(201, { id: entry.record.id, activityId: posted.id });
  }

  /**
   * Send to Conversation and Reply to Activity [ref]; both answer ResourceResponse `{ id }`. [ref] lists
   * 200, 201 and 202 as success codes without saying which Teams uses for which operation; the stand-in
   * answers 201 for everything it creates, 200 for update and delete (clients must accept any 2xx).
   */
  private postActivity(conversationId: string, replyToActivityId: string | undefined, body: unknown): HttpAnswer {
    const { baseId, rootId } = splitThreadId(conversationId);
    const entry = this.conversationStore.get(baseId);
    // [codes] 404 ConversationNotFound "Conversation not found."
    if (!entry) return connectorError(404, "ConversationNotFound", "Conversation not found.");
    const refused = this.refuseIfNotReachable(entry);
    if (refused) return refused;
    if (!isObject(body)) return connectorError(400, "BadArgument", "An activity is required.");
    let threadRoot = rootId;
    if (entry.record.type === "channel") {
      // In a channel every message is a thread root or a reply in one. A thread id or a reply target that
      // names no message there: [codes] 404 ActivityNotFoundInConversation; BotFramework-Services#269 shows
      // the body for an unknown id in a channel thread ("Message does not exist in the thread.").
      const target = replyToActivityId ?? rootId;
      if (target !== undefined) {
        const root = entry.activities.find((a) => a.id === target);
        if (!root || root.deleted)
          return connectorError(404, "ActivityNotFoundInConversation", "Message does not exist in the thread.");
        threadRoot = root.threadRootId ?? root.id;
      }
    }
    const posted = this.storeBotActivity(
      entry,
      { ...body, ...(replyToActivityId ? { replyToId: replyToActivityId } : {}) },
      threadRoot,
    );
    if (posted instanceof HttpAnswer) return posted;
    return new HttpAnswer(201, { id: posted.id });
  }

  /** Update Activity [ref]: replaces the activity; answers `{ id }`. */
  private updateActivity(conversationId: string, activityId: string, body: unknown): HttpAnswer {
    const { baseId } = splitThreadId(conversationId);
    const entry = this.conversationStore.get(baseId);
    if (!entry) return connectorError(404, "ConversationNotFound", "Conversation not found.");
    const refused = this.refuseIfNotReachable(entry);
    if (refused) return refused;
    const stored = entry.activities.find((a) => a.id === activityId);
    // [codes] 404 ActivityNotFoundInConversation: "Message doesn't exist or it is deleted."
    if (!stored || stored.deleted)
      return connectorError(404, "ActivityNotFoundInConversation", "Message does not exist in the thread.");
    // A bot can change only its own messages. Not in the status table; updating a user's message is answered
    // 403 (microsoft/botbuilder-dotnet#6273), code taken from the table's 403 NotEnoughPermissions.
    if (stored.author !== "bot") return connectorError(403, "NotEnoughPermissions", "The bot can only update messages it sent.");
    if (!isObject(body)) return connectorError(400, "BadArgument", "An activity is required.");
    const tooBig = this.checkSize(body);
    if (tooBig) return tooBig;
    stored.previousVersions.push(stored.activity);
    // The new activity replaces the message's content; identity and placement stay.
    const { id, timestamp, channelId, serviceUrl, from, conversation } = stored.activity;
    stored.activity = { ...body, id, timestamp, channelId, serviceUrl, from, conversation };
    stored.cardProblems = cardProblemsOfActivity(stored.activity, entry.record.type);
    stored.userViews = {};
    return new HttpAnswer(200, { id: stored.id });
  }

  /** Delete Activity [ref]: "Nothing is specified in the body of the response." */
  private deleteActivity(conversationId: string, activityId: string): HttpAnswer {
    const { baseId } = splitThreadId(conversationId);
    const entry = this.conversationStore.get(baseId);
    if (!entry) return connectorError(404, "ConversationNotFound", "Conversation not found.");
    const refused = this.refuseIfNotReachable(entry);
    if (refused) return refused;
    const stored = entry.activities.find((a) => a.id === activityId);
    if (!stored || stored.deleted)
      return connectorError(404, "ActivityNotFoundInConversation", "Message does not exist in the thread.");
    if (stored.author !== "bot") return connectorError(403, "NotEnoughPermissions", "The bot can only delete messages it sent.");
    stored.deleted = true;
    return new HttpAnswer(200, undefined);
  }

  /** Get Conversation Members / Get Activity Members [ref]: an array of (Teams) channel accounts. */
  private getMembers(conversationId: string, activityId: string | undefined): HttpAnswer {
    const { baseId } = splitThreadId(conversationId);
    const entry = this.conversationStore.get(baseId);
    if (!entry) return connectorError(404, "ConversationNotFound", "Conversation not found.");
    const refused = this.refuseIfNotReachable(entry);
    if (refused) return refused;
    if (activityId !== undefined && !entry.activities.some((a) => a.id === activityId && !a.deleted)) {
      return connectorError(404, "ActivityNotFoundInConversation", "Message does not exist in the thread.");
    }
    return new HttpAnswer(
      200,
      this.membersOf(entry.record).map((u) => memberAccount(u)),
    );
  }

  /** Get Conversation Paged Members [ref]: `{ members, continuationToken }`. */
  private getPagedMembers(conversationId: string, url: URL): HttpAnswer {
    const { baseId } = splitThreadId(conversationId);
    const entry = this.conversationStore.get(baseId);
    if (!entry) return connectorError(404, "ConversationNotFound", "Conversation not found.");
    const refused = this.refuseIfNotReachable(entry);
    if (refused) return refused;
    const all = this.membersOf(entry.record);
    const pageSize = Math.max(1, Number(url.searchParams.get("pageSize") ?? "200") || 200);
    const start = Number(url.searchParams.get("continuationToken") ?? "0") || 0;
    const page = all.slice(start, start + pageSize).map((u) => memberAccount(u));
    const next = start + pageSize < all.length ? String(start + pageSize) : undefined;
    return new HttpAnswer(200, { members: page, ...(next ? { continuationToken: next } : {}) });
  }

  /** One member, with aadObjectId, email, userPrincipalName. Not a member: `MemberNotFoundInConversation`,
   * the code Teams' own samples catch for TeamsInfo.getMember (BotBuilder-Samples 57.teams-conversation-bot);
   * the status is not documented, 404 chosen. */
  private getMember(conversationId: string, memberId: string): HttpAnswer {
    const { baseId } = splitThreadId(conversationId);
    const entry = this.conversationStore.get(baseId);
    if (!entry) return connectorError(404, "ConversationNotFound", "Conversation not found.");
    const refused = this.refuseIfNotReachable(entry);
    if (refused) return refused;
    const member = this.membersOf(entry.record).find((u) => u.id === memberId || u.aadObjectId === memberId);
    if (!member) return connectorError(404, "MemberNotFoundInConversation", "Member not found in conversation.");
    return new HttpAnswer(200, memberAccount(member));
  }

  /** The documented refusals that depend on who may be reached in a conversation. [codes] */
  private refuseIfNotReachable(entry: {
    record: Omit<StandInConversation, "activities" | "allActivities">;
  }): HttpAnswer | undefined {
    if (entry.record.type === "channel") {
      const team = this.requireTeam(entry.record.teamId!);
      if (!team.appInstalled)
        return connectorError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
      return undefined;
    }
    const user = this.requireUser(entry.record.userId!);
    if (!user.personalAppInstalled)
      return connectorError(403, "ForbiddenOperationException", "Bot is not installed in user's personal scope");
    if (user.blockedBot) return connectorError(403, "ConversationBlockedByUser", "User blocked the conversation with the bot.");
    return undefined;
  }

  private storeBotActivity(
    entry: { record: Omit<StandInConversation, "activities" | "allActivities">; activities: StoredActivity[] },
    body: Record<string, unknown>,
    threadRootId: string | undefined,
  ): StoredActivity | HttpAnswer {
    const tooBig = this.checkSize(body);
    if (tooBig) return tooBig;
    const id = String(this.nextActivityId());
    const conversationId =
      entry.record.type === "channel" ? `${entry.record.id};messageid=${threadRootId ?? id}` : entry.record.id;
    const activity: Record<string, unknown> = {
      ...body,
      id,
      timestamp: new Date().toISOString(),
      channelId: "msteams",
      serviceUrl: this.serviceUrl,
      from: { id: this.botId, name: this.botName },
      conversation: {
        id: conversationId,
        conversationType: entry.record.type,
        tenantId: entry.record.tenantId,
        ...(entry.record.type === "channel" ? { isGroup: true } : {}),
      },
    };
    const stored: StoredActivity = {
      id,
      conversationId: entry.record.id,
      author: "bot",
      ...(entry.record.type === "channel" ? { threadRootId: threadRootId ?? id } : {}),
      activity,
      previousVersions: [],
      deleted: false,
      cardProblems: cardProblemsOfActivity(activity, entry.record.type),
      userViews: {},
    };
    entry.activities.push(stored);
    return stored;
  }

  /** [format] 413 MessageSizeTooBig over the limit, counted as UTF-16 without base64 images. */
  private checkSize(body: Record<string, unknown>): HttpAnswer | undefined {
    const json = JSON.stringify(body).replace(/data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+/gi, "");
    const utf16Bytes = json.length * 2;
    if (utf16Bytes > this.messageLimitBytes) return connectorError(413, "MessageSizeTooBig", "Message size too large.");
    return undefined;
  }

  // ---------------------------------------------------------------- rate limits

  private rateKeys(route: ConnectorRoute): { bucket: RateBucket; thread: string } | undefined {
    const bucket: RateBucket | undefined =
      route.kind === "createConversation"
        ? "create"
        : route.kind === "getConversationMembers" ||
            route.kind === "getConversationMember" ||
            route.kind === "getConversationPagedMembers" ||
            route.kind === "getActivityMembers"
          ? "members"
          : route.kind === "sendToConversation" ||
              route.kind === "replyToActivity" ||
              route.kind === "updateActivity" ||
              route.kind === "deleteActivity"
            ? "send"
            : undefined;
    if (!bucket) return undefined;
    // "A conversation here is 1:1 between bot and user, a group chat, or a channel in a team" [rate]:
    // all threads of a channel count as one conversation. Create conversation counts per bot.
    const thread = route.conversationId ? splitThreadId(route.conversationId).baseId : "(create)";
    return { bucket, thread };
  }

  /** "Apps that go over this limit receive an HTTP 429 Too Many Requests" [rate], code `Throttled` [codes]. */
  private checkRateLimits(route: ConnectorRoute): HttpAnswer | undefined {
    if (!this.enforceRateLimits) return undefined;
    const keys = this.rateKeys(route);
    if (!keys) return undefined;
    const now = Date.now();
    const windows: [string, number, number][] = [
      ...THREAD_LIMITS[keys.bucket].map(([s, n]) => [`${keys.bucket}:${keys.thread}`, s, n] as [string, number, number]),
      ["global", GLOBAL_LIMIT[0], GLOBAL_LIMIT[1]],
    ];
    let retryAfterMs = 0;
    for (const [key, seconds, max] of windows) {
      const log = this.operationLog.get(key) ?? [];
      const inWindow = log.filter((t) => t > now - seconds * 1000);
      if (inWindow.length >= max) retryAfterMs = Math.max(retryAfterMs, inWindow[inWindow.length - max]! + seconds * 1000 - now);
    }
    if (retryAfterMs <= 0) return undefined;
    // The docs give no Retry-After value ("Retry using Retry-After header to determine backoff time" [codes]);
    // the stand-in names the whole seconds until the fullest window has room again.
    return connectorError(429, "Throttled", "Too many requests.", {
      "retry-after": String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
    });
  }

  private countOperation(route: ConnectorRoute): void {
    const keys = this.rateKeys(route);
    if (!keys) return;
    const now = Date.now();
    for (const key of [`${keys.bucket}:${keys.thread}`, "global"]) {
      const log = (this.operationLog.get(key) ?? []).filter((t) => t > now - 3600 * 1000);
      log.push(now);
      this.operationLog.set(key, log);
    }
  }

  private takeFailure(kind: CallKind): Failure | undefined {
    for (const key of [kind, "*"]) {
      const queue = this.failures.get(key);
      const head = queue?.[0];
      if (!queue || !head) continue;
      head.remaining -= 1;
      if (head.remaining <= 0) queue.shift();
      return head.failure;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- OneDrive upload sessions

  /**
   * Upload bytes to the upload session (OneDrive, driveitem_createuploadsession): `PUT` with
   * `Content-Range: bytes <start>-<end>/<total>`; "Including the Authorization header when issuing the PUT
   * call may result in a HTTP 401 Unauthorized response"; a fragment already received: 416; more to come:
   * 202 with `nextExpectedRanges`; the last fragment: 201 with the driveItem.
   */
  private acceptUpload(uniqueId: string, req: IncomingMessage, raw: Buffer): HttpAnswer {
    const session = this.uploadSessions.get(uniqueId);
    if (!session || session.done)
      return new HttpAnswer(404, { error: { code: "itemNotFound", message: "The upload session was not found." } });
    if (req.method !== "PUT")
      return new HttpAnswer(405, { error: { code: "invalidRequest", message: "Use PUT to upload bytes." } });
    if (req.headers.authorization)
      return new HttpAnswer(401, {
        error: { code: "unauthenticated", message: "The upload URL is pre-authenticated; do not send an Authorization header." },
      });
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers["content-range"] ?? ""));
    if (!range) return new HttpAnswer(400, { error: { code: "invalidRequest", message: "A Content-Range header is required." } });
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const receivedSoFar = session.received.reduce((n, b) => n + b.length, 0);
    if (start < receivedSoFar)
      return new HttpAnswer(416, { error: { code: "invalidRange", message: "Fragment already received." } });
    if (start !== receivedSoFar || end - start + 1 !== raw.length || (session.size !== undefined && session.size !== total)) {
      return new HttpAnswer(400, {
        error: { code: "invalidRange", message: "The Content-Range does not match the bytes sent." },
      });
    }
    session.size = total;
    session.received.push(raw);
    if (end + 1 < total)
      return new HttpAnswer(202, {
        expirationDateTime: new Date(Date.now() + 3600_000).toISOString(),
        nextExpectedRanges: [`${end + 1}-`],
      });
    session.done = true;
    const bytes = Buffer.concat(session.received);
    this.completedUploads.push({ uniqueId, name: session.name, bytes, content: bytes.toString("utf8"), userId: session.userId });
    return new HttpAnswer(201, { id: uniqueId, name: session.name, size: bytes.length, file: {} });
  }

  // ---------------------------------------------------------------- helpers

  private personalConversationRecord(user: StandInUser): {
    record: Omit<StandInConversation, "activities" | "allActivities">;
    activities: StoredActivity[];
  } {
    for (const entry of this.conversationStore.values()) {
      if (entry.record.type === "personal" && entry.record.userId === user.id) return entry;
    }
    // Personal conversation ids look like `a:1XJKJMvc5...` (conversation-messages.md, JSON tab).
    const id = `a:${randomBytes(48).toString("base64url")}`;
    const entry = {
      record: { id, type: "personal" as const, tenantId: user.tenantId, userId: user.id },
      activities: [] as StoredActivity[],
    };
    this.conversationStore.set(id, entry);
    return entry;
  }

  private membersOf(record: Omit<StandInConversation, "activities" | "allActivities">): StandInUser[] {
    if (record.type === "personal") return [this.requireUser(record.userId!)];
    return this.requireTeam(record.teamId!).memberIds.map((id) => this.requireUser(id));
  }

  private conversationTypeOf(conversationId: string): ConversationType {
    return this.conversationStore.get(splitThreadId(conversationId).baseId)?.record.type ?? "personal";
  }

  private publicConversation(baseId: string): StandInConversation {
    const entry = this.conversationStore.get(baseId)!;
    return { ...entry.record, allActivities: [...entry.activities], activities: entry.activities.filter((a) => !a.deleted) };
  }

  private requireUser(userId: string): StandInUser {
    const user = this.users.get(userId);
    if (!user) throw new Error(`BotConnectorStandIn: no user ${userId}; add it with addUser()`);
    return user;
  }

  private requireTeam(teamId: string): StandInTeam {
    const team = this.teams.get(teamId);
    if (!team) throw new Error(`BotConnectorStandIn: no team ${teamId}; add it with addTeam()`);
    return team;
  }

  /** Teams message ids are epoch milliseconds (`"id": "1485983408511"`, conversation-messages.md); kept increasing. */
  private nextActivityId(): number {
    this.lastActivityId = Math.max(this.lastActivityId + 1, Date.now());
    return this.lastActivityId;
  }

  private waitUntil<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const immediate = check();
    if (immediate !== undefined) return Promise.resolve(immediate);
    return new Promise<T>((resolve, reject) => {
      const onCall = (): void => {
        const found = check();
        if (found !== undefined) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.recorded.map((c) => `${c.kind} ${c.status}`).join(", ") || "(none)";
        reject(new Error(`BotConnectorStandIn: timed out after ${timeoutMs}ms ${describe()}. Recorded calls: ${seen}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off("call", onCall);
      };
      this.events.on("call", onCall);
    });
  }
}

// ---------------------------------------------------------------- routing

interface ConnectorRoute {
  kind: CallKind;
  conversationId?: string;
  activityId?: string;
  memberId?: string;
}

/** The Bot Connector's conversation operations, paths as in [ref] "Conversation operations". */
function matchConnectorRoute(method: string, path: string): ConnectorRoute | undefined {
  const segments = path
    .split("/")
    .slice(1)
    .map((s) => decodeURIComponent(s));
  if (segments[0] !== "v3" || segments[1] !== "conversations") return undefined;
  const [, , conversationId, sub, id, tail] = segments;
  if (conversationId === undefined)
    return method === "POST" && segments.length === 2 ? { kind: "createConversation" } : undefined;
  if (conversationId === "") return undefined;
  if (sub === "activities") {
    if (id === undefined && method === "POST") return { kind: "sendToConversation", conversationId };
    if (id !== undefined && tail === undefined) {
      if (method === "POST") return { kind: "replyToActivity", conversationId, activityId: id };
      if (method === "PUT") return { kind: "updateActivity", conversationId, activityId: id };
      if (method === "DELETE") return { kind: "deleteActivity", conversationId, activityId: id };
    }
    if (id !== undefined && tail === "members" && method === "GET")
      return { kind: "getActivityMembers", conversationId, activityId: id };
  }
  if (sub === "members" && method === "GET") {
    if (id === undefined) return { kind: "getConversationMembers", conversationId };
    return { kind: "getConversationMember", conversationId, memberId: id };
  }
  if (sub === "pagedmembers" && method === "GET" && id === undefined)
    return { kind: "getConversationPagedMembers", conversationId };
  return undefined;
}

/** `19:x@thread.tacv2;messageid=123` -> channel id and thread root. */
function splitThreadId(conversationId: string): { baseId: string; rootId?: string } {
  const match = /^(.*);messageid=(\d+)$/.exec(conversationId);
  return match ? { baseId: match[1]!, rootId: match[2]! } : { baseId: conversationId };
}

/** TeamsChannelAccount as the members operations return it. */
function memberAccount(user: StandInUser): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    aadObjectId: user.aadObjectId,
    givenName: user.givenName,
    surname: user.surname,
    email: user.email,
    userPrincipalName: user.userPrincipalName,
    tenantId: user.tenantId,
    userRole: user.userRole,
  };
}

function entraError(status: number, error: string, code: number, description: string): HttpAnswer {
  const now = new Date();
  const timestamp = now
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return new HttpAnswer(status, {
    error,
    error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

function failureAnswer(failure: Failure): HttpAnswer {
  const headers: Record<string, string> = {};
  if (failure.retryAfterSeconds !== undefined) headers["retry-after"] = String(failure.retryAfterSeconds);
  const code = failure.code ?? (failure.status === 429 ? "Throttled" : failure.status >= 500 ? "ServiceError" : "BadArgument");
  return connectorError(failure.status, code, failure.message ?? code, headers);
}

function parseJsonBody(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw.toString("utf8")) as unknown };
  } catch {
    return { ok: false };
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
