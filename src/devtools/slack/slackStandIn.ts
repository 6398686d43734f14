/**
 * A local stand-in for Slack's Web API, served over real HTTP (node:http only).
 *
 * The bot under test is created with `new App({ clientOptions: { slackApiUrl: standIn.url } })`,
 * so every `@slack/web-api` call travels over HTTP to this server, which answers the way
 * Slack does (`{ ok: true, ... }` with realistic fields, `{ ok: false, error }` with HTTP 200
 * for API errors, 429 + `Retry-After` for rate limits) and records each call for assertions.
 *
 * It also serves:
 *  - the external upload URLs handed out by `files.getUploadURLExternal`, so
 *    `client.files.uploadV2(...)` works end to end and the content is recorded in `uploads`;
 *  - `response_url`s (see `newResponseUrl()`), so `respond()` calls from the bot are recorded
 *    as calls to the pseudo-method `'response_url'`.
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Pseudo-method under which POSTs to a `newResponseUrl()` URL are recorded. */
export const RESPONSE_URL_METHOD = "response_url";

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
  /** Present and true when the call was answered with a failure (injected, down, unknown method, API error). */
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
  metadata?: unknown;
  /** Set once `chat.delete` was called for it. */
  deleted?: boolean;
  /** Number of `chat.update` calls applied. */
  updates: number;
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

interface ViewRecord {
  id: string;
  view: SlackArgs;
  hash: string;
  root_view_id: string;
  previous_view_id: string | null;
  external_id: string;
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

export class SlackStandIn {
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;

  private readonly server: Server;
  private readonly events = new EventEmitter();
  private baseUrl = "";
  private readonly recorded: RecordedCall[] = [];
  private readonly failures = new Map<string, PendingFailure[]>();
  private down = false;
  private readonly handlers = new Map<string, MethodHandler>();
  private readonly users = new Map<string, Partial<StandInUser>>();
  private readonly defaultLocale: string;
  private readonly localeRequiresIncludeLocale: boolean;
  private readonly messageStore = new Map<string, StoredMessage>();
  private readonly views = new Map<string, ViewRecord>();
  private readonly homeViewIds = new Map<string, string>();
  private readonly pendingUploads = new Map<string, PendingUpload>();
  private readonly completedUploads: RecordedUpload[] = [];
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
    this.defaultLocale = opts.defaultLocale ?? "nl-NL";
    this.localeRequiresIncludeLocale = opts.localeRequiresIncludeLocale ?? true;
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "text/plain" });
        }
        res.end(`stand-in error: ${err instanceof Error ? err.stack : String(err)}`);
      });
    });
    // Do not let idle keep-alive sockets keep close() waiting.
    this.server.keepAliveTimeout = 1000;
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

  /** Messages posted/updated/deleted through the stand-in, in posting order. */
  get messages(): readonly StoredMessage[] {
    return [...this.messageStore.values()];
  }

  /** Current state of one message posted through the stand-in. */
  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messageStore.get(`${channel}/${ts}`);
  }

  /** Forget recorded calls, uploads, messages, views, pending failures and the down state. Users' settings stay. */
  clear(): void {
    this.recorded.length = 0;
    this.completedUploads.length = 0;
    this.pendingUploads.clear();
    this.messageStore.clear();
    this.views.clear();
    this.homeViewIds.clear();
    this.failures.clear();
    this.down = false;
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

  setUserLocale(userId: string, locale: string): void {
    this.setUser(userId, { locale });
  }

  /** Override fields of the user returned by `users.info` (name, real_name, tz, is_bot, deleted, email, locale). */
  setUser(userId: string, fields: Partial<Omit<StandInUser, "id">>): void {
    this.users.set(userId, { ...this.users.get(userId), ...fields });
  }

  /**
   * Answer `method` with a custom handler (overrides the built-in answer, or adds a method).
   * The handler's result gets `ok: true` unless it contains `ok` itself.
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
    const token = bearerToken(req.headers.authorization);

    if (path.startsWith("/api/")) {
      const method = decodeURIComponent(path.slice("/api/".length));
      const args = await parseArgs(req, raw, url);
      const effectiveToken = token ?? (typeof args.token === "string" ? args.token : undefined);
      this.answerRecorded(res, method, args, effectiveToken, () => this.answerMethod(method, args, effectiveToken));
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
      this.answerRecorded(
        res,
        RESPONSE_URL_METHOD,
        { ...args, response_url: url.href },
        token,
        () => new HttpAnswer(200, { ok: true }),
      );
      return;
    }
    send(res, new HttpAnswer(404, "Not Found"));
  }

  /** Apply down state / injected failures, else compute the answer; record the call; send. */
  private answerRecorded(
    res: ServerResponse,
    method: string,
    args: SlackArgs,
    token: string | undefined,
    compute: () => HttpAnswer,
  ): void {
    let answer: HttpAnswer;
    if (this.down) {
      answer = new HttpAnswer(503, { ok: false, error: "service_unavailable" });
    } else {
      const failure = this.takeFailure(method);
      answer = failure ? failureAnswer(failure) : compute();
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

  private answerMethod(method: string, args: SlackArgs, token: string | undefined): HttpAnswer {
    const custom = this.handlers.get(method);
    if (custom) {
      const result = custom(args, { token, method });
      return new HttpAnswer(200, "ok" in result ? result : { ok: true, ...result });
    }
    const builtIn = this.builtIns[method];
    if (!builtIn) return new HttpAnswer(200, { ok: false, error: "unknown_method" });
    const result = builtIn(args);
    return new HttpAnswer(200, "ok" in result ? result : { ok: true, ...result });
  }

  // ---------------------------------------------------------------- built-in methods

  private readonly builtIns: Record<string, (args: SlackArgs) => SlackArgs> = {
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
    "chat.postMessage": (args) => {
      const channel = this.resolveChannel(str(args.channel));
      if (!channel) return apiError("channel_not_found");
      if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) {
        return apiError("no_text");
      }
      const ts = this.nextTs();
      const threadTs = str(args.thread_ts);
      this.messageStore.set(`${channel}/${ts}`, {
        channel,
        ts,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        text: str(args.text),
        blocks: args.blocks,
        attachments: args.attachments,
        metadata: args.metadata,
        updates: 0,
      });
      return { channel, ts, message: this.messageObject(args, ts, threadTs) };
    },
    "chat.update": (args) => {
      const channel = this.resolveChannel(str(args.channel));
      const ts = str(args.ts);
      if (!channel) return apiError("channel_not_found");
      if (!ts) return apiError("message_not_found");
      const key = `${channel}/${ts}`;
      const stored: StoredMessage = this.messageStore.get(key) ?? { channel, ts, updates: 0 };
      if (stored.deleted) return apiError("message_not_found");
      if (args.text !== undefined) stored.text = str(args.text);
      if (args.blocks !== undefined) stored.blocks = args.blocks;
      if (args.attachments !== undefined) stored.attachments = args.attachments;
      if (args.metadata !== undefined) stored.metadata = args.metadata;
      stored.updates += 1;
      this.messageStore.set(key, stored);
      return {
        channel,
        ts,
        text: stored.text ?? "",
        message: { ...this.messageObject({ ...args, text: stored.text, blocks: stored.blocks }, ts, stored.thread_ts) },
      };
    },
    "chat.delete": (args) => {
      const channel = this.resolveChannel(str(args.channel));
      const ts = str(args.ts);
      if (!channel) return apiError("channel_not_found");
      if (!ts) return apiError("message_not_found");
      const stored = this.messageStore.get(`${channel}/${ts}`);
      if (stored) stored.deleted = true;
      return { channel, ts };
    },
    "chat.postEphemeral": (args) => {
      const channel = this.resolveChannel(str(args.channel));
      if (!channel) return apiError("channel_not_found");
      if (!str(args.user)) return apiError("user_not_in_channel");
      if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) {
        return apiError("no_text");
      }
      return { message_ts: this.nextTs() };
    },
    "chat.scheduleMessage": (args) => {
      const channel = this.resolveChannel(str(args.channel));
      if (!channel) return apiError("channel_not_found");
      const postAt = Number(args.post_at);
      if (!Number.isFinite(postAt)) return apiError("invalid_time");
      return {
        channel,
        scheduled_message_id: this.nextId("Q"),
        post_at: postAt,
        message: this.messageObject(args, undefined, str(args.thread_ts)),
      };
    },
    "chat.getPermalink": (args) => {
      const channel = this.resolveChannel(str(args.channel));
      const ts = str(args.message_ts);
      if (!channel) return apiError("channel_not_found");
      if (!ts) return apiError("message_not_found");
      let permalink = `https://${this.teamDomain}.slack.com/archives/${channel}/p${ts.replace(".", "")}`;
      const threadTs = this.messageStore.get(`${channel}/${ts}`)?.thread_ts;
      if (threadTs && threadTs !== ts) permalink += `?thread_ts=${threadTs}&cid=${channel}`;
      return { channel, permalink };
    },
    "conversations.open": (args) => {
      const channelArg = str(args.channel);
      if (channelArg) return { no_op: true, already_open: true, channel: { id: channelArg } };
      const users = (str(args.users) ?? "")
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean);
      if (users.length === 0) return apiError("users_list_not_supplied");
      const id = users.length === 1 ? this.dmChannelFor(users[0] as string) : `G${users.map((u) => u.slice(1)).join("")}`;
      return { no_op: true, already_open: true, channel: { id } };
    },
    "conversations.info": (args) => {
      const channel = str(args.channel);
      if (!channel) return apiError("channel_not_found");
      const isIm = channel.startsWith("D");
      return {
        channel: {
          id: channel,
          name: isIm ? undefined : channel.toLowerCase(),
          is_channel: !isIm,
          is_im: isIm,
          is_private: channel.startsWith("G"),
          is_archived: false,
          is_member: true,
          created: 1700000000,
          ...(isIm ? { user: `U${channel.slice(1)}` } : {}),
        },
      };
    },
    "reactions.add": (args) => (str(args.name) ? {} : apiError("invalid_name")),
    "views.open": (args) => {
      if (!str(args.trigger_id)) return apiError("invalid_arguments");
      if (!isObject(args.view)) return apiError("invalid_arguments");
      const record = this.storeView(this.nextId("V"), args.view, null);
      return { view: this.viewObject(record) };
    },
    "views.push": (args) => {
      if (!str(args.trigger_id)) return apiError("invalid_arguments");
      if (!isObject(args.view)) return apiError("invalid_arguments");
      const record = this.storeView(this.nextId("V"), args.view, null);
      return { view: this.viewObject(record) };
    },
    "views.update": (args) => {
      if (!isObject(args.view)) return apiError("invalid_arguments");
      let id = str(args.view_id);
      const externalId = str(args.external_id);
      if (!id && externalId) {
        id = [...this.views.values()].find((v) => v.external_id === externalId)?.id;
        if (!id) return apiError("not_found");
      }
      if (!id) return apiError("invalid_arguments");
      const existing = this.views.get(id);
      const hash = str(args.hash);
      if (existing && hash && hash !== existing.hash) return apiError("hash_conflict");
      const record = this.storeView(id, args.view, existing ?? null);
      return { view: this.viewObject(record) };
    },
    "views.publish": (args) => {
      const userId = str(args.user_id);
      if (!userId) return apiError("invalid_arguments");
      if (!isObject(args.view)) return apiError("invalid_arguments");
      let id = this.homeViewIds.get(userId);
      if (!id) {
        id = this.nextId("V");
        this.homeViewIds.set(userId, id);
      }
      const record = this.storeView(id, { ...args.view, type: "home" }, this.views.get(id) ?? null);
      return { view: this.viewObject(record) };
    },
    "users.info": (args) => {
      const userId = str(args.user);
      if (!userId) return apiError("user_not_found");
      const includeLocale = args.include_locale === true || args.include_locale === "true" || args.include_locale === "1";
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
      const match = [...this.users.entries()].find(([, u]) => u.email === email);
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
    "files.completeUploadExternal": (args) => {
      const files = args.files;
      if (!Array.isArray(files) || files.length === 0) return apiError("invalid_arguments");
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
          channel_id: str(args.channel_id),
          initial_comment: str(args.initial_comment),
          thread_ts: str(args.thread_ts),
          token: str(args.token),
        });
        result.push(this.fileObject(pending, title, str(args.channel_id)));
      }
      for (const upload of done) {
        const pending = this.pendingUploads.get(upload.file_id);
        if (pending) pending.completed = true;
        this.completedUploads.push(upload);
      }
      return { files: result };
    },
  };

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

  /** Posting to a user id delivers to the DM with that user, as Slack does. */
  private resolveChannel(channel: string | undefined): string | undefined {
    if (!channel) return undefined;
    if (/^[UW][A-Z0-9]+$/.test(channel)) return this.dmChannelFor(channel);
    return channel;
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

  private messageObject(args: SlackArgs, ts: string | undefined, threadTs: string | undefined): SlackArgs {
    const message: SlackArgs = {
      type: "message",
      user: this.botUserId,
      bot_id: this.botId,
      app_id: this.appId,
      team: this.teamId,
      text: str(args.text) ?? "",
      bot_profile: { id: this.botId, app_id: this.appId, name: "datalek", deleted: false, team_id: this.teamId },
    };
    if (ts) message.ts = ts;
    if (threadTs) message.thread_ts = threadTs;
    if (args.blocks !== undefined) message.blocks = args.blocks;
    if (args.attachments !== undefined) message.attachments = args.attachments;
    if (args.metadata !== undefined) message.metadata = args.metadata;
    return message;
  }

  private storeView(id: string, view: SlackArgs, previous: ViewRecord | null): ViewRecord {
    const record: ViewRecord = {
      id,
      view,
      hash: `${Math.floor(Date.now() / 1000)}.${randomToken(8)}`,
      root_view_id: previous?.root_view_id ?? id,
      previous_view_id: previous?.previous_view_id ?? null,
      external_id: str(view.external_id) ?? previous?.external_id ?? "",
    };
    this.views.set(id, record);
    return record;
  }

  private viewObject(record: ViewRecord): SlackArgs {
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

function apiError(error: string): SlackArgs {
  return { ok: false, error };
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

function isObject(value: unknown): value is SlackArgs {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function randomToken(length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
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
