/**
 * A local stand-in for Slack's Web API, served over real HTTP (node:http only), that refuses
 * what Slack refuses.
 *
 * The bot under test is created with `new App({ clientOptions: { slackApiUrl: standIn.url } })`,
 * so every `@slack/web-api` call travels over HTTP to this server, which answers the way Slack
 * does (`{ ok: true, ... }` with realistic fields, `{ ok: false, error }` with HTTP 200 for API
 * errors, 429 + `Retry-After` for rate limits) and records each call, refused ones included.
 *
 * Strict by default, for every test (each rule cites the Slack page it follows):
 *  - tokens: no token, a foreign token, the app-level token on a bot method, a revoked or inactive
 *    bot token are refused;
 *  - `trigger_id`s must have been issued by `issueTriggerId()`, used once, within their lifetime;
 *  - Block Kit limits (see blockKitLimits.ts) for messages and views, view size, message text;
 *  - channels must be declared (`addChannel` or the `channels` start option), the bot must be a
 *    member where Slack requires it, archived channels refuse posts;
 *  - `chat.update` / `chat.delete` only for messages that exist and that the bot posted;
 *  - scopes: the granted bot scopes default to manifest.yml's plus the history scopes;
 *  - rate limits a test switches on.
 *
 * It also serves:
 *  - the external upload URLs handed out by `files.getUploadURLExternal`, so
 *    `client.files.uploadV2(...)` works end to end and the content is recorded in `uploads`;
 *  - `response_url`s (see `newResponseUrl()`), so `respond()` calls from the bot are recorded
 *    as calls to the pseudo-method `'response_url'`;
 *  - `apps.connections.open` for Socket Mode, through `attachSocketMode(provider)`.
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { characterCount, validateBlocks, type TBlockSurface } from "./blockKitLimits.ts";

/** Pseudo-method under which POSTs to a `newResponseUrl()` URL are recorded. */
export const RESPONSE_URL_METHOD = "response_url";

/** The bot token the stand-in accepts unless `start({ botToken })` says otherwise. */
export const DEFAULT_BOT_TOKEN = "xoxb-test-token";
/** The app-level token (Socket Mode) the stand-in accepts unless `start({ appToken })` says otherwise. */
export const DEFAULT_APP_TOKEN = "xapp-1-A0DATALEK-test";

/**
 * The bot scopes of manifest.yml (`oauth_config.scopes.bot`) plus the history scopes that
 * `conversations.history` / `conversations.replies` need (channels:history for public channels,
 * groups:history for private ones, im:history for direct messages:
 * https://docs.slack.dev/reference/methods/conversations.history). A test checks this list
 * against manifest.yml.
 */
export const DEFAULT_BOT_SCOPES: readonly string[] = [
  "commands",
  "chat:write",
  "im:write",
  "users:read",
  "files:write",
  "channels:read",
  "groups:read",
  "channels:history",
  "groups:history",
  "im:history",
];

/** How long a `trigger_id` stays usable: "Triggers expire in three seconds" (https://api.slack.com/docs/triggers). */
export const DEFAULT_TRIGGER_LIFETIME_MS = 3000;

/**
 * Message `text` beyond this is truncated, not refused: "Provide no more than 40,000 characters or
 * risk truncation" (chat.postMessage arguments); Slack then answers ok with the warning
 * `message_truncated` (https://api.slack.com/changelog/2018-04-truncating-really-long-messages).
 */
export const MAX_MESSAGE_TEXT = 40_000;

/** views.open / push / update / publish: "view_too_large: ... the provided view is greater than 250kb" (method error tables). */
export const MAX_VIEW_BYTES = 250 * 1024;

/** Arguments fields that Slack's client sends as JSON strings inside form bodies; decoded in the record. */
const JSON_STRING_FIELDS = ["blocks", "view", "attachments", "metadata", "files"] as const;

export type SlackArgs = Record<string, unknown>;

export interface RecordedCall {
  /** Web API method, e.g. `chat.postMessage` (or `'response_url'`). */
  method: string;
  /** Parsed arguments. Form values stay strings (`"true"`, `"42"`) except the decoded JSON fields. */
  args: SlackArgs;
  /** Token from `Authorization: Bearer ...`, or from a `token` argument, else undefined. */
  token: string | undefined;
  at: Date;
  /** Present and true when the call was answered with a failure (refused, injected, down, unknown method). */
  failed?: true;
  /** HTTP status the stand-in answered with. */
  status: number;
  /** Slack error code when the answer was `ok: false` (or the injected error). */
  error?: string;
  /** The JSON body the stand-in answered with (for example the `ts` of a posted message). */
  response?: Record<string, unknown>;
}

export interface Failure {
  /** HTTP status; default 200 when `error` is given, otherwise 500. */
  status?: number;
  /** Slack error code for the `{ ok: false, error }` body; defaults: 'ratelimited' for 429, 'internal_error' otherwise. */
  error?: string;
  /** Value of the `Retry-After` header; with status 429 it defaults to 1. */
  retryAfterSeconds?: number;
}

export interface RecordedUpload {
  file_id: string;
  filename: string;
  title: string | undefined;
  /** The uploaded bytes decoded as UTF-8. */
  content: string;
  /** The uploaded bytes. */
  bytes: Buffer;
  channel_id: string | undefined;
  initial_comment: string | undefined;
  thread_ts: string | undefined;
  /** Token used for `files.completeUploadExternal`. */
  token: string | undefined;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
  attachments?: unknown;
  /** `{ event_type, event_payload }` as accepted by chat.postMessage / chat.update. */
  metadata?: unknown;
  /** Set once `chat.delete` was called for it. */
  deleted?: boolean;
  /** Number of `chat.update` calls applied. */
  updates: number;
  /** Author's user id (the bot's user id for messages the bot posted). */
  user: string;
  /** True for messages the bot posted; only those may be updated or deleted by it. */
  byBot: boolean;
  /** Files shared with the message (files.completeUploadExternal with a channel). */
  files?: SlackArgs[];
}

export interface StandInUser {
  id: string;
  name: string;
  real_name: string;
  locale: string;
  tz: string;
  is_bot: boolean;
  deleted: boolean;
  email: string;
}

/** A channel the stand-in knows. Ids starting with `D` are direct messages and need no declaration. */
export interface ChannelOptions {
  /** Default: the id in lower case. */
  name?: string;
  /** Default: true for ids starting with `G`, else false. */
  isPrivate?: boolean;
  /** Default true: a declared channel is one the bot was invited to, unless the test says otherwise. */
  botIsMember?: boolean;
  /** Default false. */
  archived?: boolean;
  /** Users in the channel (for `chat.postEphemeral`). Default: every user is a member. */
  members?: readonly string[];
}

export type TokenState = "ok" | "revoked" | "inactive";

export interface RateLimit {
  /** Calls accepted per sliding minute; the next one is answered 429. */
  perMinute: number;
  /** `Retry-After` to answer with; default: seconds until the oldest call leaves the minute. */
  retryAfterSeconds?: number;
}

export interface ChannelPostingRate {
  /** Messages per second per channel (Slack: "1 per second"). Default 1. */
  perSecond?: number;
  /** Messages a channel may take at once before the rate applies (Slack: "short bursts >1 allowed", size undocumented). Default 3. */
  burst?: number;
}

/** Serves `apps.connections.open`: the WebSocket URL the app should connect to. */
export interface SocketModeProvider {
  connectionUrl(): string | Promise<string>;
}

/** A view as the stand-in holds it (opened, pushed, updated or published). */
export interface StandInView {
  id: string;
  view: SlackArgs;
  hash: string;
  root_view_id: string;
  previous_view_id: string | null;
  external_id: string;
}

export interface SlackStandInOptions {
  /** Port to listen on (127.0.0.1); 0 / omitted picks a free port. */
  port?: number;
  teamId?: string;
  teamName?: string;
  /** Workspace subdomain used in permalinks: `https://<domain>.slack.com/...`. */
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** Default locale for every user (default 'nl-NL'). */
  defaultLocale?: string;
  /**
   * As Slack does, `users.info` returns `user.locale` only when `include_locale=true` is passed.
   * Default true (realistic); set false to always include the locale.
   */
  localeRequiresIncludeLocale?: boolean;
  /** The only bot token accepted (default `xoxb-test-token`). */
  botToken?: string;
  /** The only app-level token accepted, for `apps.connections.open` (default `xapp-1-A0DATALEK-test`). */
  appToken?: string;
  /** Lifetime of issued trigger ids (default 3000 ms, as Slack). */
  triggerLifetimeMs?: number;
  /** Channels known from the start, as with `addChannel`. */
  channels?: Record<string, ChannelOptions>;
  /** Scopes granted to the bot token (default `DEFAULT_BOT_SCOPES`). */
  scopes?: readonly string[];
}

/** Handler for a method: returns the fields of the answer (without `ok`, which is added as `true`)
 * or a complete body with `ok: false` to answer with an API error. */
export type MethodHandler = (args: SlackArgs, call: { token: string | undefined; method: string }) => SlackArgs;

interface PendingFailure {
  failure: Failure;
  remaining: number;
}

interface PendingUpload {
  file_id: string;
  filename: string;
  length: number;
  bytes?: Buffer;
  completed?: boolean;
}

interface ChannelState {
  id: string;
  name: string;
  isPrivate: boolean;
  botIsMember: boolean;
  archived: boolean;
  members: ReadonlySet<string> | undefined;
}

interface IssuedTrigger {
  issuedAt: number;
  used: boolean;
}

interface Bucket {
  tokens: number;
  at: number;
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

type BuiltInResult = SlackArgs | HttpAnswer;
type BuiltIn = (args: SlackArgs, call: { token: string | undefined }) => BuiltInResult | Promise<BuiltInResult>;

/** What a method does with a channel, for the membership rules. */
type ChannelUse = "post" | "update" | "read" | "info";

export class SlackStandIn {
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly triggerLifetimeMs: number;
  readonly scopes: readonly string[];

  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly events = new EventEmitter();
  private baseUrl = "";
  private readonly recorded: RecordedCall[] = [];
  private readonly failures = new Map<string, PendingFailure[]>();
  private down = false;
  private readonly handlers = new Map<string, MethodHandler>();
  private readonly users = new Map<string, Partial<StandInUser>>();
  private readonly unknownUsers = new Set<string>();
  private readonly defaultLocale: string;
  private readonly localeRequiresIncludeLocale: boolean;
  private readonly messageStore = new Map<string, StoredMessage>();
  private readonly viewStore = new Map<string, StandInView>();
  private readonly homeViewIds = new Map<string, string>();
  private readonly pendingUploads = new Map<string, PendingUpload>();
  private readonly completedUploads: RecordedUpload[] = [];
  private readonly declaredChannels = new Map<string, ChannelOptions>();
  private readonly channels = new Map<string, ChannelState>();
  private readonly triggers = new Map<string, IssuedTrigger>();
  private readonly rateLimits = new Map<string, RateLimit>();
  private readonly rateWindows = new Map<string, number[]>();
  private readonly forcedRateLimits = new Map<string, { retryAfterSeconds: number; remaining: number }[]>();
  private channelPostingRate: Required<ChannelPostingRate> | undefined;
  private readonly postingBuckets = new Map<string, Bucket>();
  private tokenState: TokenState = "ok";
  private socketMode: SocketModeProvider | undefined;
  private lastTsSeconds = 0;
  private tsSeq = 0;
  private idSeq = 0;
  private responseUrlSeq = 0;

  private constructor(opts: SlackStandInOptions) {
    this.teamId = opts.teamId ?? "T0TEAM";
    this.teamName = opts.teamName ?? "Zorggroep Voorbeeld";
    this.teamDomain = opts.teamDomain ?? "example";
    this.botUserId = opts.botUserId ?? "U0DATALEKBOT";
    this.botId = opts.botId ?? "B0DATALEKBOT";
    this.appId = opts.appId ?? "A0DATALEK";
    this.botToken = opts.botToken ?? DEFAULT_BOT_TOKEN;
    this.appToken = opts.appToken ?? DEFAULT_APP_TOKEN;
    this.triggerLifetimeMs = opts.triggerLifetimeMs ?? DEFAULT_TRIGGER_LIFETIME_MS;
    this.scopes = [...(opts.scopes ?? DEFAULT_BOT_SCOPES)];
    this.defaultLocale = opts.defaultLocale ?? "nl-NL";
    this.localeRequiresIncludeLocale = opts.localeRequiresIncludeLocale ?? true;
    for (const [id, channel] of Object.entries(opts.channels ?? {})) this.addChannel(id, channel);
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "text/plain" });
        }
        res.end(`stand-in error: ${err instanceof Error ? err.stack : String(err)}`);
      });
    });
    // Connections stay open between calls, as Slack's do. With 1 s, undici
    // (which keeps a margin below a server's Keep-Alive hint) closed every
    // connection after one call: a cost the real Slack does not put on the
    // bot. 5 s (Node's default) keeps them through a burst; close() destroys
    // every socket, so none outlives the stand-in whatever its state.
    this.server.keepAliveTimeout = 5_000;
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
  }

  static async start(opts: SlackStandInOptions = {}): Promise<SlackStandIn> {
    const standIn = new SlackStandIn(opts);
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

  /** Base URL of the Web API, ending in `/api/`; pass as `slackApiUrl`. */
  get url(): string {
    return `${this.baseUrl}/api/`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
    await new Promise<void>((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
    });
  }

  // ---------------------------------------------------------------- records

  /** Every recorded call, oldest first (including failed ones). */
  get calls(): readonly RecordedCall[] {
    return [...this.recorded];
  }

  /** Recorded calls to one method (including failed ones; filter on `!c.failed` for successes). */
  callsTo(method: string): RecordedCall[] {
    return this.recorded.filter((c) => c.method === method);
  }

  /** Successful calls to one method. */
  successfulCallsTo(method: string): RecordedCall[] {
    return this.recorded.filter((c) => c.method === method && !c.failed);
  }

  /** Completed file uploads (`files.uploadV2`), oldest first. */
  get uploads(): readonly RecordedUpload[] {
    return [...this.completedUploads];
  }

  /** Messages posted/updated/deleted through the stand-in (and injected foreign ones), in posting order. */
  get messages(): readonly StoredMessage[] {
    return [...this.messageStore.values()];
  }

  /** Current state of one message held by the stand-in. */
  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messageStore.get(`${channel}/${ts}`);
  }

  /** A view the stand-in holds, by id. */
  view(viewId: string): StandInView | undefined {
    return this.viewStore.get(viewId);
  }

  /** The most recently opened, pushed or updated modal (optionally with this `callback_id`), to submit it from a test. */
  lastView(callbackId?: string): StandInView | undefined {
    const modals = [...this.viewStore.values()].filter(
      (v) => v.view.type !== "home" && (callbackId === undefined || v.view.callback_id === callbackId),
    );
    return modals.at(-1);
  }

  /**
   * Forget recorded calls, uploads, messages, views, pending failures, the down state, issued
   * triggers, rate limits and the token state. Channels go back to how they were declared
   * (`addChannel` / `channels`), so membership or archive changes made by a test do not leak into
   * the next; declared channels, users' settings and unknown users stay, and so does an attached
   * Socket Mode provider.
   */
  clear(): void {
    this.recorded.length = 0;
    this.completedUploads.length = 0;
    this.pendingUploads.clear();
    this.messageStore.clear();
    this.viewStore.clear();
    this.homeViewIds.clear();
    this.failures.clear();
    this.down = false;
    this.triggers.clear();
    this.rateLimits.clear();
    this.rateWindows.clear();
    this.forcedRateLimits.clear();
    this.channelPostingRate = undefined;
    this.postingBuckets.clear();
    this.tokenState = "ok";
    this.channels.clear();
    for (const [id, declared] of this.declaredChannels) this.channels.set(id, channelState(id, declared));
  }

  // ---------------------------------------------------------------- configuration

  /**
   * Make the next `times` calls to `method` (or to any method with `'*'`) fail.
   * Method-specific failures are used before `'*'` ones. Failed calls are recorded with `failed: true`.
   */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    queue.push({ failure, remaining: times });
    this.failures.set(method, queue);
  }

  /** While down, every request (Web API, uploads, response URLs) is answered with HTTP 503. */
  setDown(down: boolean): void {
    this.down = down;
  }

  /**
   * Every later call with the bot token is refused as Slack refuses a revoked token
   * (`token_revoked`) or one of a deleted user or workspace (`account_inactive`), both
   * `ok: false` with HTTP 200 (error tables of every method, e.g.
   * https://docs.slack.dev/reference/methods/auth.test). `"ok"` accepts it again.
   */
  setTokenState(state: TokenState): void {
    this.tokenState = state;
  }

  setUserLocale(userId: string, locale: string): void {
    this.setUser(userId, { locale });
  }

  /**
   * Override fields of the user returned by `users.info` (name, real_name, tz, is_bot, deleted, email, locale).
   * `deleted: true` models a deactivated user: Slack still returns it from users.info, with `deleted: true`.
   * Setting a user makes it known again after `markUserUnknown`.
   */
  setUser(userId: string, fields: Partial<Omit<StandInUser, "id">>): void {
    this.users.set(userId, { ...this.users.get(userId), ...fields });
    this.unknownUsers.delete(userId);
  }

  /** From now on this user id does not exist: `users.info` answers `user_not_found`, its DM `channel_not_found`. */
  markUserUnknown(userId: string): void {
    this.unknownUsers.add(userId);
  }

  /**
   * Answer `method` with a custom handler (overrides the built-in answer, or adds a method).
   * The handler's result gets `ok: true` unless it contains `ok` itself. Token, rate-limit and
   * scope rules still apply before the handler.
   */
  setHandler(method: string, handler: MethodHandler): void {
    this.handlers.set(method, handler);
  }

  /** A fresh `response_url` pointing at the stand-in; POSTs to it are recorded as `'response_url'` calls. */
  newResponseUrl(): string {
    this.responseUrlSeq += 1;
    return `${this.baseUrl}/commands/${this.teamId}/${1000 + this.responseUrlSeq}/${randomToken(24)}`;
  }

  /** Stable DM channel id for a user: `D` + the user id without its first letter. */
  dmChannelFor(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  /**
   * A `trigger_id` as Slack puts in slash commands and interactions ("12345.98765.abcd2358fdea"):
   * usable once with `views.open` / `views.push`, within `triggerLifetimeMs`.
   */
  issueTriggerId(): string {
    const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
    const id = `${digits(13)}.${digits(12)}.${randomHex(32)}`;
    this.triggers.set(id, { issuedAt: Date.now(), used: false });
    return id;
  }

  /**
   * Declare a channel. Undeclared channels do not exist (`channel_not_found`), except direct
   * messages (`D...`) with users that exist. Declaring again replaces the declaration.
   */
  addChannel(id: string, options: ChannelOptions = {}): void {
    this.declaredChannels.set(id, { ...options });
    this.channels.set(id, channelState(id, options));
  }

  /** Invite the bot to a declared channel or remove it (until `clear()`). */
  setBotMembership(channelId: string, isMember: boolean): void {
    const channel = this.requireChannel(channelId);
    channel.botIsMember = isMember;
  }

  /** Archive or unarchive a declared channel (until `clear()`). */
  setChannelArchived(channelId: string, archived: boolean): void {
    const channel = this.requireChannel(channelId);
    channel.archived = archived;
  }

  /** Put a message from someone else (a user, another app) in a channel; the bot may read but not edit it. */
  injectForeignMessage(channel: string, text: string, options: { user?: string; threadTs?: string } = {}): string {
    const ts = this.nextTs();
    this.storeMessage({
      channel,
      ts,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      text,
      updates: 0,
      user: options.user ?? "U0SOMEONE",
      byBot: false,
    });
    return ts;
  }

  /**
   * Rate-limit a method: after `perMinute` calls within a sliding minute, answer HTTP 429 with
   * `Retry-After` and `{ ok: false, error: "ratelimited" }`, as Slack does per method tier
   * (https://docs.slack.dev/apis/web-api/rate-limits). `null` lifts the limit.
   */
  setRateLimit(method: string, limit: RateLimit | null): void {
    if (limit === null) {
      this.rateLimits.delete(method);
      this.rateWindows.delete(method);
    } else {
      this.rateLimits.set(method, limit);
    }
  }

  /** Answer the next `times` calls to `method` with 429 and this `Retry-After`, whatever the rate. */
  rateLimitNext(method: string, retryAfterSeconds: number, times = 1): void {
    const queue = this.forcedRateLimits.get(method) ?? [];
    queue.push({ retryAfterSeconds, remaining: times });
    this.forcedRateLimits.set(method, queue);
  }

  /**
   * Opt-in: Slack's special rule for `chat.postMessage`, "generally allows posting one message per
   * second per channel" with "short bursts >1 allowed" (https://docs.slack.dev/apis/web-api/rate-limits).
   * Modelled as a token bucket per channel. Off unless a test turns it on; `null` turns it off.
   */
  setChannelPostingRate(rate: ChannelPostingRate | null): void {
    this.channelPostingRate = rate === null ? undefined : { perSecond: rate.perSecond ?? 1, burst: rate.burst ?? 3 };
    this.postingBuckets.clear();
  }

  /** Serve `apps.connections.open` with this provider's WebSocket URL (Socket Mode). */
  attachSocketMode(provider: SocketModeProvider): void {
    this.socketMode = provider;
  }

  detachSocketMode(): void {
    this.socketMode = undefined;
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Resolve with the successful calls to `method` ('*' for any) once at least `count` were recorded.
   * Rejects after `timeoutMs` with a message listing the recorded methods.
   */
  waitForCalls(method: string, count: number, timeoutMs = 5000): Promise<RecordedCall[]> {
    const matching = (): RecordedCall[] => this.recorded.filter((c) => !c.failed && (method === "*" || c.method === method));
    return this.waitUntil(
      () => {
        const found = matching();
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
      () => `waiting for ${count} successful call(s) to ${method}, got ${matching().length}`,
    );
  }

  /** Resolve with the first successful call to `method` whose record satisfies `predicate`. */
  waitForCall(method: string, predicate: (call: RecordedCall) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitUntil(
      () => this.recorded.find((c) => !c.failed && c.method === method && predicate(c)),
      timeoutMs,
      () => `waiting for a successful call to ${method} matching the predicate`,
    );
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
        reject(new Error(`SlackStandIn: timed out after ${timeoutMs}ms ${describe()}. Recorded calls: ${this.describeCalls()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off("call", onCall);
      };
      this.events.on("call", onCall);
    });
  }

  private describeCalls(): string {
    if (this.recorded.length === 0) return "(none)";
    return this.recorded
      .map((c) => (c.failed ? `${c.method} (failed: ${c.status} ${c.error ?? ""})`.replace(/ \)$/, ")") : c.method))
      .join(", ");
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.baseUrl);
    const path = url.pathname;
    const headerToken = bearerToken(req.headers.authorization);

    if (path.startsWith("/api/")) {
      const method = decodeURIComponent(path.slice("/api/".length));
      const args = await parseArgs(req, raw, url);
      const token = headerToken ?? (typeof args.token === "string" && args.token !== "" ? args.token : undefined);
      await this.answerRecorded(res, method, args, token, () =>
        this.answerMethod(method, args, token, headerToken !== undefined),
      );
      return;
    }
    if (path.startsWith("/upload/v1/")) {
      const fileId = decodeURIComponent(path.slice("/upload/v1/".length));
      if (this.down) return send(res, new HttpAnswer(503, "Service Unavailable"));
      const answer = await this.acceptUpload(fileId, req, raw);
      return send(res, answer);
    }
    if (path.startsWith("/commands/")) {
      const args = await parseArgs(req, raw, url);
      await this.answerRecorded(
        res,
        RESPONSE_URL_METHOD,
        { ...args, response_url: url.href },
        headerToken,
        () => new HttpAnswer(200, { ok: true }),
      );
      return;
    }
    send(res, new HttpAnswer(404, "Not Found"));
  }

  /** Apply down state / injected failures, else compute the answer; record the call; send. */
  private async answerRecorded(
    res: ServerResponse,
    method: string,
    args: SlackArgs,
    token: string | undefined,
    compute: () => HttpAnswer | Promise<HttpAnswer>,
  ): Promise<void> {
    let answer: HttpAnswer;
    if (this.down) {
      answer = new HttpAnswer(503, { ok: false, error: "service_unavailable" });
    } else {
      const failure = this.takeFailure(method);
      answer = failure ? failureAnswer(failure) : await compute();
    }
    const body = answer.body as { ok?: unknown; error?: unknown } | undefined;
    const apiError = typeof body === "object" && body !== null && body.ok === false;
    const call: RecordedCall = { method, args, token, at: new Date(), status: answer.status };
    if (typeof body === "object" && body !== null) call.response = body as Record<string, unknown>;
    if (answer.status !== 200 || apiError) {
      call.failed = true;
      if (typeof body === "object" && body !== null && typeof body.error === "string") call.error = body.error;
    }
    this.recorded.push(call);
    send(res, answer);
    this.events.emit("call", call);
  }

  private takeFailure(method: string): Failure | undefined {
    for (const key of [method, "*"]) {
      const queue = this.failures.get(key);
      const head = queue?.[0];
      if (queue && head) {
        head.remaining -= 1;
        if (head.remaining <= 0) queue.shift();
        return head.failure;
      }
    }
    return undefined;
  }

  /** Slack's order: the method must exist, the token must be valid for it, the rate allow it, the scopes cover it. */
  private async answerMethod(
    method: string,
    args: SlackArgs,
    token: string | undefined,
    tokenInHeader: boolean,
  ): Promise<HttpAnswer> {
    const custom = this.handlers.get(method);
    const builtIn = Object.hasOwn(this.builtIns, method) ? this.builtIns[method] : undefined;
    // "unknown_method" comes before authentication: Slack answers it for any token or none.
    if (!custom && !builtIn) return new HttpAnswer(200, { ok: false, error: "unknown_method", req_method: method });
    const refusal = this.authorize(method, token, tokenInHeader);
    if (refusal) return new HttpAnswer(200, refusal);
    const limited = this.rateLimited(method);
    if (limited) return limited;
    const missing = this.missingScope(method, args);
    if (missing) return new HttpAnswer(200, missing);
    if (custom) {
      const result = custom(args, { token, method });
      return new HttpAnswer(200, "ok" in result ? result : { ok: true, ...result });
    }
    const result = await (builtIn as BuiltIn)(args, { token });
    if (result instanceof HttpAnswer) return result;
    return new HttpAnswer(200, "ok" in result ? result : { ok: true, ...result });
  }

  /**
   * Token rules (error tables of every method, e.g. https://docs.slack.dev/reference/methods/chat.postMessage):
   * `not_authed` "No authentication token provided", `invalid_auth` for any token Slack does not
   * know, `not_allowed_token_type` "The token type used in this request is not allowed" (an app-level
   * token on a bot method, or a bot token on apps.connections.open), `token_revoked` /
   * `account_inactive` per `setTokenState`. apps.connections.open takes the app-level token only
   * "in the HTTP Authorization header ... passing it as a POST parameter will result in an error"
   * (https://docs.slack.dev/reference/methods/apps.connections.open); the docs do not name that
   * error, the stand-in treats such a call as unauthenticated.
   */
  private authorize(method: string, token: string | undefined, tokenInHeader: boolean): SlackArgs | undefined {
    if (method === "api.test") return undefined; // api.test needs no token.
    if (method === "apps.connections.open") {
      if (token === this.appToken && tokenInHeader) return undefined;
      if (token === undefined || token === this.appToken) return apiError("not_authed");
      if (token === this.botToken) return apiError("not_allowed_token_type");
      return apiError("invalid_auth");
    }
    if (token === undefined) return apiError("not_authed");
    if (token === this.appToken) return apiError("not_allowed_token_type");
    if (token !== this.botToken) return apiError("invalid_auth");
    if (this.tokenState === "revoked") return apiError("token_revoked");
    if (this.tokenState === "inactive") return apiError("account_inactive");
    return undefined;
  }

  /** 429 with `Retry-After` and `{ ok: false, error: "ratelimited" }` (https://docs.slack.dev/apis/web-api/rate-limits). */
  private rateLimited(method: string): HttpAnswer | undefined {
    const forced = this.forcedRateLimits.get(method);
    const head = forced?.[0];
    if (forced && head) {
      head.remaining -= 1;
      if (head.remaining <= 0) forced.shift();
      return rateLimitedAnswer(head.retryAfterSeconds);
    }
    const limit = this.rateLimits.get(method);
    if (!limit) return undefined;
    const now = Date.now();
    const window = (this.rateWindows.get(method) ?? []).filter((at) => now - at < 60_000);
    if (window.length >= limit.perMinute) {
      this.rateWindows.set(method, window);
      const oldest = window[0] ?? now;
      return rateLimitedAnswer(limit.retryAfterSeconds ?? Math.max(1, Math.ceil((oldest + 60_000 - now) / 1000)));
    }
    window.push(now);
    this.rateWindows.set(method, window);
    return undefined;
  }

  /**
   * Scopes each method needs for a bot token ("Scopes" on each method's page), and the answer
   * Slack gives without them: `missing_scope` with `needed` and `provided`.
   */
  private missingScope(method: string, args: SlackArgs): SlackArgs | undefined {
    const needed = this.scopesFor(method, args);
    if (needed.length === 0 || needed.some((scope) => this.scopes.includes(scope))) return undefined;
    return { ok: false, error: "missing_scope", needed: needed.join(","), provided: this.scopes.join(",") };
  }

  private scopesFor(method: string, args: SlackArgs): string[] {
    const kind = this.channelKind(str(args.channel));
    switch (method) {
      case "chat.postMessage":
      case "chat.postEphemeral":
      case "chat.update":
      case "chat.delete":
      case "chat.scheduleMessage":
        return ["chat:write"];
      case "conversations.open":
        return (str(args.users) ?? "").includes(",") ? ["mpim:write"] : ["im:write"];
      case "conversations.info":
        return [`${kind}:read`];
      case "conversations.history":
      case "conversations.replies":
        return [`${kind}:history`];
      case "users.info":
        return ["users:read"];
      case "users.lookupByEmail":
        return ["users:read.email"];
      case "files.getUploadURLExternal":
      case "files.completeUploadExternal":
        return ["files:write"];
      case "reactions.add":
        return ["reactions:write"];
      default:
        return [];
    }
  }

  /** Scope family of a conversation: `im` for DMs, `groups` for private channels, `channels` otherwise. */
  private channelKind(channelId: string | undefined): "im" | "groups" | "channels" {
    if (!channelId) return "channels";
    if (this.channels.has(channelId)) return this.channels.get(channelId)?.isPrivate ? "groups" : "channels";
    if (channelId.startsWith("D")) return "im";
    return channelId.startsWith("G") ? "groups" : "channels";
  }

  // ---------------------------------------------------------------- channels

  private requireChannel(channelId: string): ChannelState {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`SlackStandIn: channel ${channelId} was not declared (addChannel)`);
    return channel;
  }

  /**
   * The conversation a `channel` argument names: a declared channel id or name (`general`,
   * `#general`), or a DM `D...` with an existing user. With `acceptUserIds`, a user id (`U...` /
   * `W...`) means the DM with the app, as chat.postMessage documents for posting to a user's
   * Messages tab (https://docs.slack.dev/reference/methods/chat.postMessage, "Channel ... can be an
   * encoded ID, or a name"; user IDs post to the app's DM).
   */
  private resolveConversation(
    channelArg: string | undefined,
    acceptUserIds = false,
  ): { id: string; dmUser?: string } | undefined {
    if (!channelArg) return undefined;
    if (this.channels.has(channelArg)) return { id: channelArg };
    if (acceptUserIds && /^[UW][A-Z0-9]+$/.test(channelArg)) {
      if (this.unknownUsers.has(channelArg)) return undefined;
      return { id: this.dmChannelFor(channelArg), dmUser: channelArg };
    }
    if (/^D[A-Z0-9]+$/.test(channelArg)) {
      const user = `U${channelArg.slice(1)}`;
      if (this.unknownUsers.has(user)) return undefined;
      return { id: channelArg, dmUser: user };
    }
    const name = channelArg.replace(/^#/, "");
    const byName = [...this.channels.values()].find((c) => c.name === name);
    return byName ? { id: byName.id } : undefined;
  }

  /**
   * Membership rules. A private channel the bot is not in does not exist for it
   * (`channel_not_found`, the error conversations.info and chat.postMessage give); a public one
   * answers `not_in_channel` "Cannot post user messages to a channel they are not in"
   * (chat.postMessage), unless the bot has `chat:write.public`; an archived channel refuses posts
   * with `is_archived` and updates with `is_inactive` ("The message cannot be edited within a
   * frozen, archived or deleted channel", chat.update). Reading history needs membership too.
   */
  private checkAccess(channelId: string, use: ChannelUse): string | undefined {
    const channel = this.channels.get(channelId);
    if (!channel) return undefined; // a DM with an existing user
    if (channel.isPrivate && !channel.botIsMember) return "channel_not_found";
    if (use === "info") return undefined;
    if (channel.archived && use === "post") return "is_archived";
    if (channel.archived && use === "update") return "is_inactive";
    if (!channel.botIsMember) {
      if (use === "post" && this.scopes.includes("chat:write.public")) return undefined;
      if (use === "post" || use === "read") return "not_in_channel";
    }
    return undefined;
  }

  private isChannelMember(channelId: string, dmUser: string | undefined, userId: string): boolean {
    if (dmUser !== undefined) return userId === dmUser;
    const members = this.channels.get(channelId)?.members;
    return members === undefined || members.has(userId);
  }

  // ---------------------------------------------------------------- built-in methods

  private readonly builtIns: Record<string, BuiltIn> = {
    "api.test": (args) => ({ args }),
    "auth.test": () => ({
      url: `https://${this.teamDomain}.slack.com/`,
      team: this.teamName,
      user: "datalek",
      team_id: this.teamId,
      user_id: this.botUserId,
      bot_id: this.botId,
      is_enterprise_install: false,
    }),
    "apps.connections.open": async () => {
      // Docs are silent on the answer when Socket Mode is off for the app; "not_allowed" is the
      // stand-in's choice until a Socket Mode provider is attached.
      if (!this.socketMode) return apiError("not_allowed");
      return { url: await this.socketMode.connectionUrl() };
    },
    "chat.postMessage": (args) => {
      const target = this.resolveConversation(str(args.channel), true);
      if (!target) return apiError("channel_not_found");
      const denied = this.checkAccess(target.id, "post");
      if (denied) return apiError(denied);
      const content = this.checkMessageContent(args);
      if (content.refusal) return content.refusal;
      const metadata = checkMetadata(args.metadata);
      if (metadata.refusal) return metadata.refusal;
      const throttled = this.takePostingToken(target.id);
      if (throttled) return throttled;
      const ts = this.nextTs();
      const threadTs = str(args.thread_ts);
      const stored: StoredMessage = {
        channel: target.id,
        ts,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        text: content.text,
        blocks: args.blocks,
        attachments: args.attachments,
        ...(metadata.value !== undefined ? { metadata: metadata.value } : {}),
        updates: 0,
        user: this.botUserId,
        byBot: true,
      };
      this.storeMessage(stored);
      return withWarnings({ channel: target.id, ts, message: this.messageObject(stored, true) }, [
        ...content.warnings,
        ...metadata.warnings,
      ]);
    },
    "chat.update": (args) => {
      // chat.update wants the DM id, not a user id (chat.update docs: "ensure that this value is a DM ID").
      const target = this.resolveConversation(str(args.channel));
      if (!target) return apiError("channel_not_found");
      const denied = this.checkAccess(target.id, "update");
      if (denied) return apiError(denied);
      const ts = str(args.ts);
      const stored = ts ? this.messageStore.get(`${target.id}/${ts}`) : undefined;
      if (!stored || stored.deleted) return apiError("message_not_found");
      // "cant_update_message: Authenticated user does not have permission to update this message."
      if (!stored.byBot) return apiError("cant_update_message");
      const content = this.checkMessageContent(args);
      if (content.refusal) return content.refusal;
      // "If you don't include this field, the message's previous metadata will be retained. To
      // remove previous metadata, include an empty object" (chat.update, metadata argument).
      const removesMetadata = isObject(args.metadata) && Object.keys(args.metadata).length === 0;
      const metadata = removesMetadata ? { warnings: [] } : checkMetadata(args.metadata);
      if (metadata.refusal) return metadata.refusal;
      if (args.text !== undefined) stored.text = content.text;
      if (args.blocks !== undefined) stored.blocks = args.blocks;
      if (args.attachments !== undefined) stored.attachments = args.attachments;
      if (removesMetadata) delete stored.metadata;
      else if (metadata.value !== undefined) stored.metadata = metadata.value;
      stored.updates += 1;
      return withWarnings(
        { channel: target.id, ts: stored.ts, text: stored.text ?? "", message: this.messageObject(stored, true) },
        [...content.warnings, ...metadata.warnings],
      );
    },
    "chat.delete": (args) => {
      const target = this.resolveConversation(str(args.channel));
      if (!target) return apiError("channel_not_found");
      const denied = this.checkAccess(target.id, "info");
      if (denied) return apiError(denied);
      const ts = str(args.ts);
      const stored = ts ? this.messageStore.get(`${target.id}/${ts}`) : undefined;
      if (!stored || stored.deleted) return apiError("message_not_found");
      if (!stored.byBot) return apiError("cant_delete_message");
      stored.deleted = true;
      return { channel: target.id, ts: stored.ts };
    },
    "chat.postEphemeral": (args) => {
      const target = this.resolveConversation(str(args.channel));
      if (!target) return apiError("channel_not_found");
      const denied = this.checkAccess(target.id, "post");
      if (denied) return apiError(denied);
      const user = str(args.user);
      // "user_not_in_channel: Intended recipient is not in the specified channel." (chat.postEphemeral)
      if (!user || !this.isChannelMember(target.id, target.dmUser, user)) return apiError("user_not_in_channel");
      const content = this.checkMessageContent(args);
      if (content.refusal) return content.refusal;
      return withWarnings({ message_ts: this.nextTs() }, content.warnings);
    },
    "chat.scheduleMessage": (args) => {
      const target = this.resolveConversation(str(args.channel), true);
      if (!target) return apiError("channel_not_found");
      const denied = this.checkAccess(target.id, "post");
      if (denied) return apiError(denied);
      const postAt = Number(args.post_at);
      if (!Number.isFinite(postAt)) return apiError("invalid_time");
      const now = Date.now() / 1000;
      // chat.scheduleMessage: "time_in_past", and "time_too_far" beyond 120 days.
      if (postAt < now) return apiError("time_in_past");
      if (postAt > now + 120 * 24 * 3600) return apiError("time_too_far");
      const content = this.checkMessageContent(args);
      if (content.refusal) return content.refusal;
      const metadata = checkMetadata(args.metadata);
      if (metadata.refusal) return metadata.refusal;
      return withWarnings(
        {
          channel: target.id,
          scheduled_message_id: this.nextId("Q"),
          post_at: postAt,
          message: this.messageObject(
            {
              channel: target.id,
              ts: "",
              text: content.text,
              blocks: args.blocks,
              attachments: args.attachments,
              updates: 0,
              user: this.botUserId,
              byBot: true,
            },
            true,
          ),
        },
        [...content.warnings, ...metadata.warnings],
      );
    },
    "chat.getPermalink": (args) => {
      const target = this.resolveConversation(str(args.channel));
      if (!target) return apiError("channel_not_found");
      const denied = this.checkAccess(target.id, "info");
      if (denied) return apiError(denied);
      const ts = str(args.message_ts);
      const stored = ts ? this.messageStore.get(`${target.id}/${ts}`) : undefined;
      if (!ts || !stored || stored.deleted) return apiError("message_not_found");
      let permalink = `https://${this.teamDomain}.slack.com/archives/${target.id}/p${ts.replace(".", "")}`;
      if (stored.thread_ts && stored.thread_ts !== ts) permalink += `?thread_ts=${stored.thread_ts}&cid=${target.id}`;
      return { channel: target.id, permalink };
    },
    "conversations.open": (args) => {
      const channelArg = str(args.channel);
      if (channelArg) {
        const target = this.resolveConversation(channelArg);
        if (!target || this.checkAccess(target.id, "info")) return apiError("channel_not_found");
        return { no_op: true, already_open: true, channel: { id: target.id } };
      }
      const users = (str(args.users) ?? "")
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean);
      if (users.length === 0) return apiError("users_list_not_supplied");
      for (const user of users) {
        if (this.unknownUsers.has(user) || !/^[UW][A-Z0-9]+$/.test(user)) return apiError("user_not_found");
        // conversations.open: "user_disabled: The user has been disabled."
        if (this.users.get(user)?.deleted) return apiError("user_disabled");
      }
      const id = users.length === 1 ? this.dmChannelFor(users[0] as string) : `G${users.map((u) => u.slice(1)).join("")}`;
      return { no_op: true, already_open: true, channel: { id } };
    },
    "conversations.info": (args) => {
      const target = this.resolveConversation(str(args.channel));
      // A private channel the bot is not in looks like no channel at all.
      if (!target || this.checkAccess(target.id, "info")) return apiError("channel_not_found");
      const channel = this.channels.get(target.id);
      if (!channel) {
        return {
          channel: {
            id: target.id,
            is_im: true,
            is_channel: false,
            is_group: false,
            is_private: true,
            is_archived: false,
            user: target.dmUser,
            created: 1700000000,
            is_member: true,
          },
        };
      }
      return {
        channel: {
          id: channel.id,
          name: channel.name,
          is_channel: !channel.isPrivate,
          is_group: channel.isPrivate,
          is_im: false,
          is_mpim: false,
          is_private: channel.isPrivate,
          is_archived: channel.archived,
          is_member: channel.botIsMember,
          created: 1700000000,
        },
      };
    },
    "conversations.history": (args) => {
      const target = this.resolveConversation(str(args.channel));
      if (!target) return apiError("channel_not_found");
      const denied = this.checkAccess(target.id, "read");
      if (denied) return apiError(denied);
      // History holds top-level messages and thread parents; replies are read with conversations.replies.
      const all = this.liveMessages(target.id)
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
        .sort((a, b) => compareTs(b.ts, a.ts));
      return this.page(args, all, "newest_first", 100);
    },
    "conversations.replies": (args) => {
      const target = this.resolveConversation(str(args.channel));
      if (!target) return apiError("channel_not_found");
      const denied = this.checkAccess(target.id, "read");
      if (denied) return apiError(denied);
      const ts = str(args.ts);
      const found = ts ? this.messageStore.get(`${target.id}/${ts}`) : undefined;
      if (!found || found.deleted) return apiError("thread_not_found");
      // `ts` may name the parent or a reply; either way the whole thread comes back, parent first.
      const parentTs = found.thread_ts ?? found.ts;
      const thread = this.liveMessages(target.id)
        .filter((m) => m.ts === parentTs || m.thread_ts === parentTs)
        .sort((a, b) => compareTs(a.ts, b.ts));
      return this.page(args, thread, "oldest_first", 1000);
    },
    "reactions.add": (args) => (str(args.name) ? {} : apiError("invalid_name")),
    "views.open": (args) => this.openView(args, "views.open"),
    "views.push": (args) => this.openView(args, "views.push"),
    "views.update": (args) => {
      let id = str(args.view_id);
      const externalId = str(args.external_id);
      if (!id && externalId) id = [...this.viewStore.values()].find((v) => v.external_id === externalId)?.id;
      if (!id && !externalId) return apiError("invalid_arguments");
      // views.update: "not_found: ... the given view_id or external_id doesn't exist".
      const existing = id ? this.viewStore.get(id) : undefined;
      if (!id || !existing) return apiError("not_found");
      const hash = str(args.hash);
      if (hash && hash !== existing.hash) return apiError("hash_conflict");
      const surface: TBlockSurface = isObject(args.view) && args.view.type === "home" ? "home" : "modal";
      const invalid = checkView(args.view, surface);
      if (invalid) return invalid;
      const record = this.storeView(id, args.view as SlackArgs, existing);
      return { view: this.viewObject(record) };
    },
    "views.publish": (args) => {
      const userId = str(args.user_id);
      if (!userId) return apiError("invalid_arguments");
      if (this.unknownUsers.has(userId)) return apiError("user_not_found");
      const invalid = checkView(args.view, "home");
      if (invalid) return invalid;
      let id = this.homeViewIds.get(userId);
      const existing = id ? this.viewStore.get(id) : undefined;
      const hash = str(args.hash);
      if (existing && hash && hash !== existing.hash) return apiError("hash_conflict");
      if (!id) {
        id = this.nextId("V");
        this.homeViewIds.set(userId, id);
      }
      const record = this.storeView(id, args.view as SlackArgs, existing ?? null);
      return { view: this.viewObject(record) };
    },
    "users.info": (args) => {
      const userId = str(args.user);
      // Ids the test never declared are accepted when they look like Slack user ids.
      if (!userId || this.unknownUsers.has(userId) || !/^[UW][A-Z0-9]+$/.test(userId)) return apiError("user_not_found");
      const includeLocale = isTrue(args.include_locale);
      const u = this.user(userId);
      const user: SlackArgs = {
        id: u.id,
        team_id: this.teamId,
        name: u.name,
        deleted: u.deleted,
        real_name: u.real_name,
        tz: u.tz,
        tz_label: u.tz === "Europe/Amsterdam" ? "Central European Time" : u.tz,
        tz_offset: tzOffsetSeconds(u.tz),
        is_admin: false,
        is_owner: false,
        is_bot: u.is_bot,
        is_app_user: false,
        updated: 1700000000,
        profile: {
          real_name: u.real_name,
          display_name: u.name,
          email: u.email,
          team: this.teamId,
        },
      };
      if (includeLocale || !this.localeRequiresIncludeLocale) user.locale = u.locale;
      return { user };
    },
    "users.lookupByEmail": (args) => {
      const email = str(args.email);
      if (!email) return apiError("users_not_found");
      const match = [...this.users.entries()].find(([id, u]) => u.email === email && !this.unknownUsers.has(id));
      if (!match) return apiError("users_not_found");
      const u = this.user(match[0]);
      return { user: { id: u.id, team_id: this.teamId, name: u.name, real_name: u.real_name, tz: u.tz } };
    },
    "files.getUploadURLExternal": (args) => {
      const filename = str(args.filename);
      const length = Number(args.length);
      if (!filename || !Number.isFinite(length)) return apiError("invalid_arguments");
      const fileId = this.nextId("F");
      this.pendingUploads.set(fileId, { file_id: fileId, filename, length });
      return { upload_url: `${this.baseUrl}/upload/v1/${fileId}`, file_id: fileId };
    },
    "files.completeUploadExternal": (args, call) => {
      const files = args.files;
      if (!Array.isArray(files) || files.length === 0) return apiError("invalid_arguments");
      const channelId = str(args.channel_id);
      let target: { id: string; dmUser?: string } | undefined;
      if (channelId) {
        target = this.resolveConversation(channelId);
        if (!target) return apiError("channel_not_found");
        const denied = this.checkAccess(target.id, "post");
        if (denied) return apiError(denied);
      }
      const result: SlackArgs[] = [];
      const done: RecordedUpload[] = [];
      for (const entry of files as unknown[]) {
        const id = isObject(entry) ? str(entry.id) : undefined;
        const pending = id ? this.pendingUploads.get(id) : undefined;
        if (!pending || !pending.bytes || pending.completed) return apiError("file_not_found");
        const title = isObject(entry) ? str(entry.title) : undefined;
        done.push({
          file_id: pending.file_id,
          filename: pending.filename,
          title,
          content: pending.bytes.toString("utf8"),
          bytes: pending.bytes,
          channel_id: channelId,
          initial_comment: str(args.initial_comment),
          thread_ts: str(args.thread_ts),
          token: str(args.token) ?? call.token,
        });
        result.push(this.fileObject(pending, title, target?.id));
      }
      for (const upload of done) {
        const pending = this.pendingUploads.get(upload.file_id);
        if (pending) pending.completed = true;
        this.completedUploads.push(upload);
      }
      if (target) {
        // Sharing to a channel posts a message with the files, as in Slack's history.
        const threadTs = str(args.thread_ts);
        this.storeMessage({
          channel: target.id,
          ts: this.nextTs(),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          text: str(args.initial_comment) ?? "",
          files: result,
          updates: 0,
          user: this.botUserId,
          byBot: true,
        });
      }
      return { files: result };
    },
  };

  /**
   * views.open / views.push. trigger_id rules (https://api.slack.com/docs/triggers: "They expire in
   * three seconds", "they can be used only once"); errors from the method pages
   * (https://docs.slack.dev/reference/methods/views.open): `invalid_trigger_id` "The trigger_id is
   * invalid" (also the stand-in's answer for a well-formed id it never issued), `expired_trigger_id`,
   * `exchanged_trigger_id` "already exchanged in a previous call". A refused view does not use up
   * its trigger (the docs are silent; the trigger is exchanged when the view opens).
   */
  private openView(args: SlackArgs, method: "views.open" | "views.push"): BuiltInResult {
    const triggerId = str(args.trigger_id);
    if (!triggerId && !str(args.interactivity_pointer)) {
      return {
        ok: false,
        error: "invalid_arguments",
        response_metadata: { messages: ["[ERROR] missing required field: trigger_id"] },
      };
    }
    let trigger: IssuedTrigger | undefined;
    if (triggerId) {
      trigger = this.triggers.get(triggerId);
      if (!trigger) return apiError("invalid_trigger_id");
      if (trigger.used) return apiError("exchanged_trigger_id");
      if (Date.now() - trigger.issuedAt > this.triggerLifetimeMs) return apiError("expired_trigger_id");
    }
    const invalid = checkView(args.view, "modal");
    if (invalid) return invalid;
    const view = args.view as SlackArgs;
    const externalId = str(view.external_id);
    // "duplicate_external_id: ... the given external_id has already be used" (views.open / push).
    if (externalId && [...this.viewStore.values()].some((v) => v.external_id === externalId))
      return apiError("duplicate_external_id");
    if (trigger) trigger.used = true;
    const previous = method === "views.push" ? this.lastView() : undefined;
    const record = this.storeView(this.nextId("V"), view, null);
    if (previous) {
      record.root_view_id = previous.root_view_id;
      record.previous_view_id = previous.id;
    }
    return { view: this.viewObject(record) };
  }

  /**
   * Message content rules shared by the posting methods: `no_text` without text, blocks or
   * attachments; `invalid_blocks_format` when `blocks` is not a JSON array; `invalid_blocks` with
   * Slack's error lines; text over 40,000 characters truncated with the `message_truncated` warning.
   */
  private checkMessageContent(args: SlackArgs): { refusal?: SlackArgs; text: string | undefined; warnings: string[] } {
    const text = str(args.text);
    const hasText = text !== undefined && text !== "";
    if (!hasText && args.blocks === undefined && args.attachments === undefined) {
      return { refusal: apiError("no_text"), text, warnings: [] };
    }
    if (args.blocks !== undefined) {
      if (!Array.isArray(args.blocks)) return { refusal: apiError("invalid_blocks_format"), text, warnings: [] };
      const problems = validateBlocks("message", args.blocks);
      if (problems.length > 0) {
        return {
          refusal: {
            ok: false,
            error: "invalid_blocks",
            errors: problems.map((p) => p.replace(/^\[ERROR\] /, "")),
            response_metadata: { messages: problems },
          },
          text,
          warnings: [],
        };
      }
    }
    if (text !== undefined && characterCount(text) > MAX_MESSAGE_TEXT) {
      return {
        text: [...text].slice(0, MAX_MESSAGE_TEXT).join(""),
        warnings: ["message_truncated"],
      };
    }
    return { text, warnings: [] };
  }

  /** The opt-in per-channel posting rate of chat.postMessage (token bucket). */
  private takePostingToken(channelId: string): HttpAnswer | undefined {
    const rate = this.channelPostingRate;
    if (!rate) return undefined;
    const now = Date.now();
    const bucket = this.postingBuckets.get(channelId) ?? { tokens: rate.burst, at: now };
    bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond);
    bucket.at = now;
    this.postingBuckets.set(channelId, bucket);
    if (bucket.tokens < 1) {
      return rateLimitedAnswer(Math.max(1, Math.ceil((1 - bucket.tokens) / rate.perSecond)));
    }
    bucket.tokens -= 1;
    return undefined;
  }

  /**
   * Pagination and time range of conversations.history / replies
   * (https://docs.slack.dev/reference/methods/conversations.history): `oldest` / `latest` are
   * exclusive unless `inclusive`; `limit` (history default 100, at most 999; replies default 1000);
   * `cursor` from `response_metadata.next_cursor` (Slack's own form: base64 of `next_ts:<ts>`);
   * metadata only with `include_all_metadata`.
   */
  private page(
    args: SlackArgs,
    ordered: StoredMessage[],
    order: "newest_first" | "oldest_first",
    defaultLimit: number,
  ): SlackArgs {
    const inclusive = isTrue(args.inclusive);
    const oldest = args.oldest === undefined ? undefined : normalizeTs(str(args.oldest));
    const latest = args.latest === undefined ? undefined : normalizeTs(str(args.latest));
    if (oldest === null) return apiError("invalid_ts_oldest");
    if (latest === null) return apiError("invalid_ts_latest");
    let messages = ordered.filter((m) => {
      const ts = normalizeTs(m.ts) as string;
      if (oldest !== undefined && (inclusive ? ts < oldest : ts <= oldest)) return false;
      if (latest !== undefined && (inclusive ? ts > latest : ts >= latest)) return false;
      return true;
    });
    const cursor = str(args.cursor);
    if (cursor) {
      const decoded = Buffer.from(cursor, "base64")
        .toString("utf8")
        .match(/^next_ts:(\d+)$/);
      if (!decoded?.[1]) return apiError("invalid_cursor");
      const boundary = normalizeTs(`${decoded[1].slice(0, -6)}.${decoded[1].slice(-6)}`) as string;
      messages = messages.filter((m) => {
        const ts = normalizeTs(m.ts) as string;
        return order === "newest_first" ? ts <= boundary : ts >= boundary;
      });
    }
    const requested = Number(args.limit);
    const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 999) : defaultLimit;
    const pageOf = messages.slice(0, limit);
    const next = messages[limit];
    const withMetadata = isTrue(args.include_all_metadata);
    return {
      messages: pageOf.map((m) => this.messageObject(m, withMetadata)),
      has_more: next !== undefined,
      pin_count: 0,
      response_metadata: { next_cursor: next ? Buffer.from(`next_ts:${next.ts.replace(".", "")}`).toString("base64") : "" },
    };
  }

  private liveMessages(channelId: string): StoredMessage[] {
    return [...this.messageStore.values()].filter((m) => m.channel === channelId && !m.deleted);
  }

  private storeMessage(message: StoredMessage): void {
    this.messageStore.set(`${message.channel}/${message.ts}`, message);
  }

  private async acceptUpload(fileId: string, req: IncomingMessage, raw: Buffer): Promise<HttpAnswer> {
    const pending = this.pendingUploads.get(fileId);
    if (!pending) return new HttpAnswer(404, "Not Found");
    const contentType = req.headers["content-type"] ?? "";
    let bytes = raw;
    if (contentType.startsWith("multipart/form-data")) {
      const form = await new Request("http://stand-in/", {
        method: "POST",
        headers: { "content-type": contentType },
        body: new Uint8Array(raw),
      }).formData();
      const file = [...form.values()].find((v): v is File => typeof v !== "string");
      const value = file ? Buffer.from(await file.arrayBuffer()) : undefined;
      if (!value) return new HttpAnswer(400, "no file in multipart body");
      bytes = value;
    }
    pending.bytes = bytes;
    // Slack's upload endpoint answers 200 with a short text body.
    return new HttpAnswer(200, `OK - ${bytes.length}`, { "content-type": "text/plain" });
  }

  // ---------------------------------------------------------------- helpers

  private user(userId: string): StandInUser {
    const o = this.users.get(userId) ?? {};
    const name = o.name ?? userId.toLowerCase();
    return {
      id: userId,
      name,
      real_name: o.real_name ?? `User ${userId}`,
      locale: o.locale ?? this.defaultLocale,
      tz: o.tz ?? "Europe/Amsterdam",
      is_bot: o.is_bot ?? false,
      deleted: o.deleted ?? false,
      email: o.email ?? `${name}@example.org`,
    };
  }

  /** Unique, strictly increasing message timestamps like `1732370000.000100`. */
  private nextTs(): string {
    const seconds = Math.floor(Date.now() / 1000);
    if (seconds > this.lastTsSeconds) {
      this.lastTsSeconds = seconds;
      this.tsSeq = 1;
    } else {
      this.tsSeq += 1;
      if (this.tsSeq > 9999) {
        this.lastTsSeconds += 1;
        this.tsSeq = 1;
      }
    }
    return `${this.lastTsSeconds}.${String(this.tsSeq * 100).padStart(6, "0")}`;
  }

  private nextId(prefix: string): string {
    this.idSeq += 1;
    return `${prefix}0${String(this.idSeq).padStart(9, "0")}`;
  }

  /** A message as the Web API returns it; `metadata` only when asked for (history's `include_all_metadata`, or the poster's own answer). */
  private messageObject(m: StoredMessage, withMetadata: boolean): SlackArgs {
    const message: SlackArgs = { type: "message", user: m.user, team: this.teamId, text: m.text ?? "" };
    if (m.byBot) {
      message.bot_id = this.botId;
      message.app_id = this.appId;
      message.bot_profile = { id: this.botId, app_id: this.appId, name: "datalek", deleted: false, team_id: this.teamId };
    }
    if (m.ts) message.ts = m.ts;
    if (m.thread_ts) message.thread_ts = m.thread_ts;
    if (m.thread_ts && m.thread_ts !== m.ts) {
      const parent = this.messageStore.get(`${m.channel}/${m.thread_ts}`);
      if (parent) message.parent_user_id = parent.user;
    }
    if (m.ts && (!m.thread_ts || m.thread_ts === m.ts)) {
      const replies = [...this.messageStore.values()].filter(
        (r) => r.channel === m.channel && !r.deleted && r.thread_ts === m.ts && r.ts !== m.ts,
      );
      if (replies.length > 0) {
        message.thread_ts = m.ts;
        message.reply_count = replies.length;
        message.reply_users = [...new Set(replies.map((r) => r.user))];
        message.reply_users_count = (message.reply_users as string[]).length;
        message.latest_reply = replies
          .map((r) => r.ts)
          .sort(compareTs)
          .at(-1);
      }
    }
    if (m.blocks !== undefined) message.blocks = m.blocks;
    if (m.attachments !== undefined) message.attachments = m.attachments;
    if (m.files !== undefined) message.files = m.files;
    if (m.updates > 0) message.edited = { user: m.user, ts: m.ts };
    if (withMetadata && m.metadata !== undefined) message.metadata = m.metadata;
    return message;
  }

  private storeView(id: string, view: SlackArgs, previous: StandInView | null): StandInView {
    const record: StandInView = {
      id,
      view,
      hash: `${Math.floor(Date.now() / 1000)}.${randomToken(8)}`,
      root_view_id: previous?.root_view_id ?? id,
      previous_view_id: previous?.previous_view_id ?? null,
      external_id: str(view.external_id) ?? previous?.external_id ?? "",
    };
    // Re-insert so that iteration order is "most recently stored last" (lastView).
    this.viewStore.delete(id);
    this.viewStore.set(id, record);
    return record;
  }

  private viewObject(record: StandInView): SlackArgs {
    const v = record.view;
    return {
      id: record.id,
      team_id: this.teamId,
      type: str(v.type) ?? "modal",
      blocks: v.blocks ?? [],
      private_metadata: str(v.private_metadata) ?? "",
      callback_id: str(v.callback_id) ?? "",
      state: { values: {} },
      hash: record.hash,
      title: v.title ?? null,
      clear_on_close: v.clear_on_close ?? false,
      notify_on_close: v.notify_on_close ?? false,
      close: v.close ?? null,
      submit: v.submit ?? null,
      previous_view_id: record.previous_view_id,
      root_view_id: record.root_view_id,
      app_id: this.appId,
      external_id: record.external_id,
      app_installed_team_id: this.teamId,
      bot_id: this.botId,
    };
  }

  private fileObject(pending: PendingUpload, title: string | undefined, channelId: string | undefined): SlackArgs {
    const now = Math.floor(Date.now() / 1000);
    const ext = pending.filename.includes(".") ? (pending.filename.split(".").pop() ?? "") : "";
    return {
      id: pending.file_id,
      created: now,
      timestamp: now,
      name: pending.filename,
      title: title ?? pending.filename,
      mimetype: mimeFor(ext),
      filetype: ext || "text",
      user: this.botUserId,
      size: pending.bytes?.length ?? pending.length,
      url_private: `https://files.slack.com/files-pri/${this.teamId}-${pending.file_id}/${pending.filename}`,
      permalink: `https://${this.teamDomain}.slack.com/files/${this.botUserId}/${pending.file_id}/${pending.filename}`,
      channels: channelId ? [channelId] : [],
    };
  }
}

// -------------------------------------------------------------------- module helpers

function channelState(id: string, options: ChannelOptions): ChannelState {
  return {
    id,
    name: options.name ?? id.toLowerCase(),
    isPrivate: options.isPrivate ?? id.startsWith("G"),
    botIsMember: options.botIsMember ?? true,
    archived: options.archived ?? false,
    members: options.members ? new Set(options.members) : undefined,
  };
}

/**
 * View checks shared by the view methods: Block Kit limits answered with `invalid_arguments` and
 * Slack's lines in `response_metadata.messages` (as Slack answers views.open with an over-long
 * private_metadata), and `view_too_large` for a view over 250 kB.
 */
function checkView(view: unknown, surface: TBlockSurface): SlackArgs | undefined {
  if (isObject(view) && Buffer.byteLength(JSON.stringify(view), "utf8") > MAX_VIEW_BYTES) return apiError("view_too_large");
  const problems = validateBlocks(surface, view);
  if (problems.length === 0) return undefined;
  return { ok: false, error: "invalid_arguments", response_metadata: { messages: problems } };
}

/**
 * Message metadata (https://docs.slack.dev/messaging/message-metadata): `{ event_type, event_payload }`.
 * Not an object of that shape → `invalid_metadata_format` (chat.postMessage / chat.update error
 * tables). "Event types can contain letters, numbers, underscores, and hyphens, but not periods or
 * other punctuation. Metadata with an invalid event_type returns an invalid_metadata_schema warning
 * and is ignored." The docs give no size limit for the payload (`metadata_too_large` is listed
 * without one), so none is enforced.
 */
function checkMetadata(metadata: unknown): { refusal?: SlackArgs; value?: SlackArgs; warnings: string[] } {
  if (metadata === undefined) return { warnings: [] };
  if (!isObject(metadata) || typeof metadata.event_type !== "string" || !isObject(metadata.event_payload)) {
    return { refusal: apiError("invalid_metadata_format"), warnings: [] };
  }
  if (!/^[A-Za-z0-9_-]+$/.test(metadata.event_type)) return { warnings: ["invalid_metadata_schema"] };
  return { value: { event_type: metadata.event_type, event_payload: metadata.event_payload }, warnings: [] };
}

function withWarnings(body: SlackArgs, warnings: string[]): SlackArgs {
  if (warnings.length === 0) return body;
  const messages = warnings.map((w) =>
    w === "message_truncated"
      ? "[WARN] Your message was truncated but still posted. The `text` field accepts up to 40,000 characters."
      : `[WARN] ${w}`,
  );
  return { ...body, response_metadata: { warnings, messages } };
}

function apiError(error: string): SlackArgs {
  return { ok: false, error };
}

function rateLimitedAnswer(retryAfterSeconds: number): HttpAnswer {
  return new HttpAnswer(429, { ok: false, error: "ratelimited" }, { "retry-after": String(retryAfterSeconds) });
}

function failureAnswer(failure: Failure): HttpAnswer {
  const status = failure.status ?? (failure.error ? 200 : 500);
  const error = failure.error ?? (status === 429 ? "ratelimited" : "internal_error");
  const headers: Record<string, string> = {};
  const retryAfter = failure.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  return new HttpAnswer(status, { ok: false, error }, headers);
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  const isText = typeof answer.body === "string";
  const payload = isText ? (answer.body as string) : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "content-type": isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    ...answer.headers,
  });
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function parseArgs(req: IncomingMessage, raw: Buffer, url: URL): Promise<SlackArgs> {
  const args: SlackArgs = {};
  for (const [k, v] of url.searchParams) args[k] = v;
  const contentType = (req.headers["content-type"] ?? "").toLowerCase();
  if (raw.length > 0) {
    if (contentType.startsWith("application/json")) {
      const parsed: unknown = JSON.parse(raw.toString("utf8"));
      if (isObject(parsed)) Object.assign(args, parsed);
    } else if (contentType.startsWith("multipart/form-data")) {
      const form = await new Request("http://stand-in/", {
        method: "POST",
        headers: { "content-type": req.headers["content-type"] ?? "" },
        body: new Uint8Array(raw),
      }).formData();
      for (const [k, v] of form) args[k] = typeof v === "string" ? v : Buffer.from(await v.arrayBuffer()).toString("utf8");
    } else {
      for (const [k, v] of new URLSearchParams(raw.toString("utf8"))) args[k] = v;
    }
  }
  for (const field of JSON_STRING_FIELDS) {
    const value = args[field];
    if (typeof value === "string" && /^\s*[[{]/.test(value)) {
      try {
        args[field] = JSON.parse(value);
      } catch {
        // leave undecodable values as sent
      }
    }
  }
  return args;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1];
}

function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function isTrue(value: unknown): boolean {
  return value === true || value === "true" || value === "1" || value === 1;
}

function isObject(value: unknown): value is SlackArgs {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Slack timestamps as comparable strings: `1732370000.000100` keeps all 16 digits, which a
 * double does not. Returns null for a value that is not a timestamp.
 */
function normalizeTs(ts: string | undefined): string | null {
  const match = ts?.match(/^(\d{1,12})(?:\.(\d{1,6}))?$/);
  if (!match?.[1]) return null;
  return `${match[1].padStart(12, "0")}.${(match[2] ?? "").padEnd(6, "0")}`;
}

function compareTs(a: string, b: string): number {
  const x = normalizeTs(a) ?? a;
  const y = normalizeTs(b) ?? b;
  return x < y ? -1 : x > y ? 1 : 0;
}

function randomToken(length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

function randomHex(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += Math.floor(Math.random() * 16).toString(16);
  return out;
}

function tzOffsetSeconds(timeZone: string): number {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName")?.value;
    const m = part?.match(/GMT([+-])(\d{2}):(\d{2})/);
    if (!m) return 0;
    const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60;
    return m[1] === "-" ? -seconds : seconds;
  } catch {
    return 0;
  }
}

function mimeFor(ext: string): string {
  const map: Record<string, string> = {
    csv: "text/csv",
    txt: "text/plain",
    json: "application/json",
    pdf: "application/pdf",
    md: "text/markdown",
    html: "text/html",
  };
  return map[ext.toLowerCase()] ?? "application/octet-stream";
}
