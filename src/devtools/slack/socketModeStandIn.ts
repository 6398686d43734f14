/**
 * A local stand-in for Slack's Socket Mode, served over a real WebSocket on 127.0.0.1.
 *
 * The bot (Bolt `App` with `socketMode: true`) first asks the Web API for a URL
 * (`apps.connections.open`, answered by the Web API stand-in through `connectionUrl()`),
 * connects to it, gets `hello`, and from then on receives slash commands, interactions and
 * events as envelopes that it must acknowledge by `envelope_id` within 3 seconds.
 *
 * Sources for the rules below (cited again next to each rule):
 *  - [SM]  "Using Socket Mode", https://docs.slack.dev/apis/events-api/using-socket-mode
 *          (formerly https://api.slack.com/apis/connections/socket-implement)
 *  - [EV]  "The Events API", Responding to events / Retries, https://docs.slack.dev/apis/events-api
 *  - [SC]  "Implementing slash commands", https://docs.slack.dev/interactivity/implementing-slash-commands
 *  - [UI]  "Handling user interaction", https://docs.slack.dev/interactivity/handling-user-interaction
 *  - [CL]  the client this must satisfy: node_modules/@slack/socket-mode/dist/src/SocketModeClient.js
 *          and SlackWebSocket.js (@slack/socket-mode 3.1)
 *  - [OBS] frames captured from real Slack and published in SDK tests and issues:
 *          slack-go/slack socketmode tests (hello, disconnect), slackapi/bolt-js#2487 and
 *          slackapi/python-slack-events-api#93 (events_api retry fields),
 *          slackapi/node-slack-sdk#2094, #1472 (handshakes refused with HTTP 409 / 408).
 *
 * Dev tool only: it imports `ws` (a devDependency). Production code must not import this file.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import type { BotResponse, SendOptions, TSlackDelivery, TSlackEnvelopeType } from "./slackRequests.ts";
import type { SocketModeProvider } from "./slackStandIn.ts";

// ------------------------------------------------------------------ wire types

export type TSocketModeEnvelopeType = TSlackEnvelopeType;

/** An envelope as Slack sends it over the socket [SM "Receive events"]. */
export interface TSocketModeEnvelope {
  envelope_id: string;
  payload: Record<string, unknown>;
  type: TSocketModeEnvelopeType;
  accepts_response_payload: boolean;
  /** events_api only: 0 on the first delivery, 1..3 on retries [OBS bolt-js#2487]. */
  retry_attempt?: number;
  /** events_api only: "" on the first delivery, "timeout" on retries [OBS bolt-js#2487]. */
  retry_reason?: string;
}

/** What `deliver()` resolves with: the shape of an HTTP answer, so callers treat both modes alike. */
export interface TSocketModeDeliveryResult extends BotResponse {
  /** 200 when acknowledged; 0 when Slack got no acknowledgement (nothing reached Slack in time). */
  status: number;
  /** The ack's `payload`; "" for an ack without one (or with an empty one), as an empty HTTP 200 body. */
  body: unknown;
  /** The envelope that was acknowledged, or the last one sent. Empty when none could be sent. */
  envelopeId: string;
  /** How many envelopes were sent for this delivery (1 + retries). */
  attempts: number;
  /** Present when the limit passed without an acknowledgement (after the last retry for events). */
  timedOut?: true;
  failure?: "ack_timeout" | "no_connection" | "stand_in_closed";
}

export interface TSocketModeAcknowledgement {
  envelopeId: string;
  /** The ack's `payload` as sent (undefined when absent). */
  payload: unknown;
  connectionId: number;
  at: Date;
  /** Milliseconds from sending the envelope to this ack (undefined for an unknown envelope). */
  elapsedMs?: number;
  /**
   * accepted: answered an envelope in time; late: after its limit (ignored, retries go on);
   * duplicate: that envelope was already acknowledged; unknown: no such envelope was sent.
   */
  outcome: "accepted" | "late" | "duplicate" | "unknown";
}

export interface TSocketModeSentEnvelope {
  envelope: TSocketModeEnvelope;
  connectionId: number;
  at: Date;
}

export interface TSocketModeConnectionInfo {
  /** 1 for the first connection ever accepted, 2 for the next, ... */
  id: number;
  ticket: string;
  openedAt: Date;
}

export interface TSocketModeRefusal {
  url: string;
  reason: "wrong_path" | "unknown_ticket" | "ticket_used" | "wrong_app_id" | "too_many_connections";
  status: number;
  at: Date;
}

export interface TSocketModeStandInOptions {
  /** Port on 127.0.0.1; 0 / omitted picks a free one. */
  port?: number;
  /** The app's id, sent in `hello.connection_info.app_id` (default "A0DATALEK", as the Web API stand-in). */
  appId?: string;
  /** How long Slack waits for an ack (default 3000 ms [SM], [EV], [SC], [UI]). */
  ackTimeoutMs?: number;
  /**
   * Delay before each events_api retry after a failed attempt (default [0, 60 000, 300 000]:
   * "nearly immediately", "after 1 minute", "after 5 minutes" [EV "Retries"]). Its length is
   * the number of retries (3).
   */
  eventRetryDelaysMs?: readonly number[];
  /** Interval of the server's WebSocket pings; 0 turns them off (default 10 000 ms, see `startPinging`). */
  pingIntervalMs?: number;
  /** After `requestRefresh()`, close a connection the client has not closed itself after this long (default 10 000 ms). */
  refreshGraceMs?: number;
  /** `hello.debug_info.approximate_connection_time` in seconds (default 18 060, as captured [OBS]). */
  approximateConnectionTimeSeconds?: number;
}

// ------------------------------------------------------------------ internal state

interface OpenConnection {
  info: TSocketModeConnectionInfo;
  socket: WebSocket;
  /** Sent `refresh_requested`: no new envelopes go here. */
  retiring: boolean;
  pingTimer?: NodeJS.Timeout;
  graceTimer?: NodeJS.Timeout;
}

interface Delivery {
  type: TSocketModeEnvelopeType;
  payload: Record<string, unknown>;
  /** Whether Slack retries this delivery when it fails (events_api only). */
  allowRetries: boolean;
  /** Envelopes sent for this delivery. */
  attemptsMade: number;
  /** Attempts that failed (no ack in time, or no connection to send on). */
  failedAttempts: number;
  /** Set when the caller delivers an event as one of Slack's retries (`SendOptions.retry`). */
  startedAsRetry?: { num: number; reason: string };
  lastEnvelopeId: string;
  retryTimer?: NodeJS.Timeout;
  settled: boolean;
  resolve(result: TSocketModeDeliveryResult): void;
}

interface Attempt {
  envelope: TSocketModeEnvelope;
  delivery: Delivery;
  sentAtMs: number;
  timer?: NodeJS.Timeout;
  state: "awaiting" | "acknowledged" | "timed_out";
}

/** Slack allows an app up to 10 open connections at once [SM "Using multiple connections"]. */
const MAX_CONNECTIONS = 10;
/** A build number as in the captured `hello` [OBS]; any integer will do. */
const BUILD_NUMBER = 10;

export class SocketModeStandIn implements TSlackDelivery, SocketModeProvider {
  readonly appId: string;
  readonly ackTimeoutMs: number;
  /** The `host` in every `debug_info`, shaped like Slack's ("applink-7fc4fdbb64-4x5xq" [OBS]). */
  readonly debugHost: string;

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly events = new EventEmitter();
  private readonly eventRetryDelaysMs: readonly number[];
  private readonly pingIntervalMs: number;
  private readonly refreshGraceMs: number;
  private readonly approximateConnectionTimeSeconds: number;
  /** The `app_id` query parameter of Slack's URLs is a 64-hex-digit hash, not the A-id [OBS asyncapi Slack sample]. */
  private readonly urlAppId: string;
  private baseUrl = "";
  private readonly tickets = new Map<string, { used: boolean }>();
  private readonly open = new Map<number, OpenConnection>();
  private connectionSeq = 0;
  private readonly attempts = new Map<string, Attempt>();
  private readonly deliveries = new Set<Delivery>();
  private readonly sent: TSocketModeSentEnvelope[] = [];
  private readonly acks: TSocketModeAcknowledgement[] = [];
  private readonly refusals: TSocketModeRefusal[] = [];
  private pingsFromClients = 0;
  private pongsFromClients = 0;
  private closed = false;

  private constructor(options: TSocketModeStandInOptions) {
    this.appId = options.appId ?? "A0DATALEK";
    this.ackTimeoutMs = options.ackTimeoutMs ?? 3000;
    this.eventRetryDelaysMs = options.eventRetryDelaysMs ?? [0, 60_000, 300_000];
    this.pingIntervalMs = options.pingIntervalMs ?? 10_000;
    this.refreshGraceMs = options.refreshGraceMs ?? 10_000;
    this.approximateConnectionTimeSeconds = options.approximateConnectionTimeSeconds ?? 18_060;
    this.debugHost = `applink-${randomBytes(5).toString("hex")}-${randomBytes(3).toString("hex").slice(0, 5)}`;
    this.urlAppId = createHash("sha256").update(this.appId).digest("hex");
    this.events.setMaxListeners(0);
    // ws answers every client ping with a pong by itself (autoPong, RFC 6455 §5.5.2): the client
    // pings every clientPingTimeout/3 and drops a connection whose pongs stop [CL SlackWebSocket.monitorPingToSlack].
    this.wss = new WebSocketServer({ noServer: true, autoPong: true });
    this.server = createServer((_req, res) => {
      // Only WebSocket handshakes are served here.
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not Found");
    });
    this.server.on("upgrade", (req, socket, head) => this.handshake(req, socket, head));
  }

  static async start(options: TSocketModeStandInOptions = {}): Promise<SocketModeStandIn> {
    const standIn = new SocketModeStandIn(options);
    await new Promise<void>((resolve, reject) => {
      standIn.server.once("error", reject);
      standIn.server.listen(options.port ?? 0, "127.0.0.1", () => {
        standIn.server.off("error", reject);
        resolve();
      });
    });
    const { port } = standIn.server.address() as AddressInfo;
    standIn.baseUrl = `ws://127.0.0.1:${port}`;
    return standIn;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * A fresh, single-use WebSocket URL, as `apps.connections.open` returns
   * (`wss://wss-primary.slack.com/link/?ticket=…&app_id=…` [SM step 1], [OBS]).
   * Give this to the Web API stand-in (`attachSocketMode(standIn)`).
   */
  connectionUrl(): string {
    const ticket = randomUUID();
    this.tickets.set(ticket, { used: false });
    return `${this.baseUrl}/link/?ticket=${ticket}&app_id=${this.urlAppId}`;
  }

  // ---------------------------------------------------------------- records

  /** Connections open now. */
  get connectionCount(): number {
    return this.open.size;
  }

  /** Connections open now, oldest first. */
  get connections(): readonly TSocketModeConnectionInfo[] {
    return [...this.open.values()].map((c) => c.info);
  }

  /** Connections accepted since the start, open or closed. */
  get connectionsAccepted(): number {
    return this.connectionSeq;
  }

  /** Every envelope sent, oldest first (retries and redeliveries included). */
  get envelopes(): readonly TSocketModeSentEnvelope[] {
    return [...this.sent];
  }

  /** Every acknowledgement received, oldest first, with what became of it. */
  get acknowledgements(): readonly TSocketModeAcknowledgement[] {
    return [...this.acks];
  }

  /** Handshakes refused (unknown or spent ticket, wrong path, ...). */
  get refusedHandshakes(): readonly TSocketModeRefusal[] {
    return [...this.refusals];
  }

  /** WebSocket pings received from clients (each answered with a pong). */
  get pingsReceived(): number {
    return this.pingsFromClients;
  }

  /** Pongs received from clients in answer to the stand-in's pings. */
  get pongsReceived(): number {
    return this.pongsFromClients;
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Resolve once a connection is open whose id is at least `nth` (default 1: any open one).
   * After a refresh, `{ nth: standIn.connectionsAccepted + 1 }` waits for the new connection.
   */
  waitForConnection(timeoutMs = 5000, options: { nth?: number } = {}): Promise<TSocketModeConnectionInfo> {
    const nth = options.nth ?? 1;
    const find = (): TSocketModeConnectionInfo | undefined =>
      [...this.open.values()].map((c) => c.info).find((info) => info.id >= nth);
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onChange = (): void => {
        const info = find();
        if (info) {
          cleanup();
          resolve(info);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `SocketModeStandIn: no connection #${nth} or later within ${timeoutMs} ms ` +
              `(accepted so far: ${this.connectionSeq}, open: ${this.open.size}, refused handshakes: ${this.refusals.length})`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off("connection", onChange);
      };
      this.events.on("connection", onChange);
    });
  }

  /** Resolve once no connection is open. */
  waitForNoConnection(timeoutMs = 5000): Promise<void> {
    if (this.open.size === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onClose = (): void => {
        if (this.open.size === 0) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`SocketModeStandIn: still ${this.open.size} connection(s) open after ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off("disconnection", onClose);
      };
      this.events.on("disconnection", onClose);
    });
  }

  /** Resolve with the first acknowledgement (received so far or later) that satisfies `predicate`. */
  waitForAcknowledgement(
    predicate: (ack: TSocketModeAcknowledgement) => boolean,
    timeoutMs = 5000,
  ): Promise<TSocketModeAcknowledgement> {
    const found = this.acks.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onAck = (ack: TSocketModeAcknowledgement): void => {
        if (predicate(ack)) {
          cleanup();
          resolve(ack);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`SocketModeStandIn: no matching acknowledgement within ${timeoutMs} ms (got ${this.acks.length})`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off("ack", onAck);
      };
      this.events.on("ack", onAck);
    });
  }

  // ---------------------------------------------------------------- delivering

  /**
   * Send `payload` to the bot in an envelope of `type` and resolve with its acknowledgement.
   *
   * - slash_commands / interactive: one envelope; no ack within `ackTimeoutMs` resolves with
   *   `{ status: 0, timedOut: true }` — the user sees `operation_timeout` / an error and Slack does
   *   not send it again [SC "Responding to commands"], [UI "Acknowledgment response"].
   * - events_api: no ack within the limit is retried up to 3 times with `retry_attempt` 1..3 and
   *   `retry_reason: "timeout"` [EV "Retries"], [OBS]; resolves on the first ack, or with
   *   `timedOut` after the last retry.
   * With no connection open, a command or interaction fails at once (`failure: "no_connection"`);
   * an event counts it as a failed attempt and retries on the same schedule ([OBS] vercel/chat#666:
   * events raised while no socket was open arrive as retries).
   *
   * Of `options` only `retry` counts, for events: the first envelope goes out as that retry
   * (`retry_attempt: retry.num`, `retry_reason: retry.reason`) and Slack's remaining retries follow.
   * The signing overrides have no meaning here: envelopes come over a pre-authenticated socket and
   * are not signed [SM "Acknowledge events"].
   */
  deliver(
    type: TSocketModeEnvelopeType,
    payload: Record<string, unknown>,
    options?: SendOptions,
  ): Promise<TSocketModeDeliveryResult> {
    const asRetry = type === "events_api" ? options?.retry : undefined;
    return new Promise((resolve) => {
      const delivery: Delivery = {
        type,
        payload,
        allowRetries: type === "events_api",
        attemptsMade: 0,
        failedAttempts: asRetry?.num ?? 0,
        ...(asRetry ? { startedAsRetry: asRetry } : {}),
        lastEnvelopeId: "",
        settled: false,
        resolve,
      };
      this.deliveries.add(delivery);
      this.attempt(delivery, asRetry?.num ?? 0);
    });
  }

  /**
   * Send an envelope that was already sent once more, unchanged (same `envelope_id`, same payload,
   * same retry fields), as Slack has been seen to do (bolt-js#2487: "same envelope_id as the first
   * one" [OBS]). Resolves with the ack of this copy; no retries follow it.
   */
  redeliver(envelopeId: string): Promise<TSocketModeDeliveryResult> {
    const previous = this.attempts.get(envelopeId);
    if (!previous) throw new Error(`SocketModeStandIn: no envelope ${envelopeId} was sent`);
    if (previous.state === "awaiting") throw new Error(`SocketModeStandIn: envelope ${envelopeId} still awaits its ack`);
    return new Promise((resolve) => {
      const delivery: Delivery = {
        type: previous.envelope.type,
        payload: previous.envelope.payload,
        allowRetries: false,
        attemptsMade: 0,
        failedAttempts: 0,
        lastEnvelopeId: envelopeId,
        settled: false,
        resolve,
      };
      this.deliveries.add(delivery);
      const connection = this.pickConnection();
      if (!connection) return this.fail(delivery, "no_connection");
      this.send(connection, delivery, previous.envelope);
    });
  }

  // ---------------------------------------------------------------- connection lifecycle

  /**
   * Ask every open connection to reconnect: `{ type: "disconnect", reason: "refresh_requested" }`
   * [SM "Handle disconnects gracefully"]. The client closes the socket and opens a new one through
   * `apps.connections.open` [CL onWebSocketMessage]. No envelope is sent on a connection after
   * this; one the client leaves open is closed after `refreshGraceMs` (the docs do not say how
   * long Slack waits; they say a warning may come about 10 seconds before a disconnect).
   */
  requestRefresh(): void {
    for (const connection of this.open.values()) {
      if (connection.retiring) continue;
      connection.retiring = true;
      this.sendJson(connection, { type: "disconnect", reason: "refresh_requested", debug_info: { host: this.debugHost } });
      connection.graceTimer = setTimeout(() => connection.socket.close(1000), this.refreshGraceMs);
    }
  }

  /**
   * `{ type: "disconnect", reason: "warning" }`: Slack "may" send it about 10 seconds before a
   * disconnect [SM]. The connection stays usable. @slack/socket-mode 3 treats every `disconnect`
   * alike and reconnects at once [CL onWebSocketMessage].
   */
  warnDisconnect(): void {
    for (const connection of this.open.values()) {
      this.sendJson(connection, { type: "disconnect", reason: "warning", debug_info: { host: this.debugHost } });
    }
  }

  /** Cut every connection without a close frame, as a network failure or a crashed Slack host does. */
  dropConnections(): void {
    for (const connection of this.open.values()) connection.socket.terminate();
  }

  /** Close everything; deliveries still waiting resolve with `failure: "stand_in_closed"`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const delivery of this.deliveries) this.settle(delivery, this.failureResult(delivery, "stand_in_closed"));
    for (const connection of this.open.values()) connection.socket.terminate();
    this.events.removeAllListeners();
    this.wss.close();
    await new Promise<void>((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- handshake

  private handshake(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", this.baseUrl);
    const ticket = url.searchParams.get("ticket") ?? "";
    const issued = this.tickets.get(ticket);
    // The URL is made for one connection: a ticket that was never issued, or that was used,
    // is refused at the handshake. The docs only say the URL "is created at runtime by calling
    // apps.connections.open" and that one must "be ready to receive and connect to new WebSocket
    // URLs" [SM]; they do not say what a reused URL gets. Slack refuses failed handshakes with a
    // plain HTTP status and no upgrade (408 and 409 are reported in [OBS] node-slack-sdk#1472,
    // #2094); the status chosen here for a bad ticket (401) is this stand-in's, not Slack's.
    const refuse = (reason: TSocketModeRefusal["reason"], status: number, text: string): void => {
      this.refusals.push({ url: url.href, reason, status, at: new Date() });
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (url.pathname !== "/link/") return refuse("wrong_path", 404, "Not Found");
    if (!issued) return refuse("unknown_ticket", 401, "Unauthorized");
    if (issued.used) return refuse("ticket_used", 401, "Unauthorized");
    // The stand-in's own consistency check: the app_id must be the one it put in the URL.
    if (url.searchParams.get("app_id") !== this.urlAppId) return refuse("wrong_app_id", 401, "Unauthorized");
    // Up to 10 connections at once [SM]; what the 11th gets is not documented (409 Conflict here,
    // the status Slack's edge answered when many instances connected at once [OBS #2094]).
    if (this.open.size >= MAX_CONNECTIONS) return refuse("too_many_connections", 409, "Conflict");
    issued.used = true;
    // "append &debug_reconnects=true to your WebSocket URL ... to make the connection time
    // significantly shorter (360 seconds)" [SM step 2]: reflected in hello's approximate_connection_time.
    const debugReconnects = url.searchParams.get("debug_reconnects") === "true";
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, ticket, debugReconnects));
  }

  private accept(socket: WebSocket, ticket: string, debugReconnects: boolean): void {
    this.connectionSeq += 1;
    const connection: OpenConnection = {
      info: { id: this.connectionSeq, ticket, openedAt: new Date() },
      socket,
      retiring: false,
    };
    this.open.set(connection.info.id, connection);
    socket.on("message", (data, isBinary) => this.onClientMessage(connection, data, isBinary));
    socket.on("ping", () => {
      this.pingsFromClients += 1;
    });
    socket.on("pong", () => {
      this.pongsFromClients += 1;
    });
    socket.on("error", () => {
      // A reset connection also emits "close", handled there.
    });
    socket.on("close", () => {
      clearInterval(connection.pingTimer);
      clearTimeout(connection.graceTimer);
      this.open.delete(connection.info.id);
      this.events.emit("disconnection", connection.info);
    });
    // "After you connect to the WebSocket, Slack will send a hello message" [SM step 2];
    // fields and their order as in a captured hello [OBS slack-go socketmode tests]:
    // { type, num_connections, debug_info: { host, build_number, approximate_connection_time },
    //   connection_info: { app_id } }. num_connections counts this connection too.
    this.sendJson(connection, {
      type: "hello",
      num_connections: this.open.size,
      debug_info: {
        host: this.debugHost,
        build_number: BUILD_NUMBER,
        approximate_connection_time: debugReconnects ? 360 : this.approximateConnectionTimeSeconds,
      },
      connection_info: { app_id: this.appId },
    });
    this.startPinging(connection);
    this.events.emit("connection", connection.info);
  }

  /**
   * Slack's servers ping their Socket Mode clients: the client restarts a `serverPingTimeout`
   * (default 30 s) timer on every ping it gets and drops the connection when pings stop
   * [CL SlackWebSocket.monitorPingFromSlack]. The docs give no interval; the default here is
   * well inside the client's 30 s.
   */
  private startPinging(connection: OpenConnection): void {
    if (this.pingIntervalMs <= 0) return;
    connection.pingTimer = setInterval(() => {
      if (connection.socket.readyState === connection.socket.OPEN) connection.socket.ping(Buffer.from("ping from stand-in"));
    }, this.pingIntervalMs);
  }

  // ---------------------------------------------------------------- envelopes and acks

  /**
   * When several connections are open, "each payload may be sent to any of the connections" [SM];
   * this stand-in picks the newest open one that was not asked to refresh.
   */
  private pickConnection(): OpenConnection | undefined {
    const candidates = [...this.open.values()].filter((c) => !c.retiring && c.socket.readyState === c.socket.OPEN);
    return candidates[candidates.length - 1];
  }

  private attempt(delivery: Delivery, retryAttempt: number): void {
    if (delivery.settled) return;
    const connection = this.pickConnection();
    if (!connection) return this.fail(delivery, "no_connection");
    const envelope: TSocketModeEnvelope = {
      // A UUID per envelope, as in every captured envelope [SM], [OBS]. A retry gets an envelope of
      // its own (the docs do not say; reports of retried events handled twice describe new envelopes,
      // e.g. gugu91/pinet#226), while the payload, and so its event_id, stays the same [EV].
      envelope_id: randomUUID(),
      payload: delivery.payload,
      type: delivery.type,
      // Commands and interactions may carry a response in the ack; events may not [SM examples].
      accepts_response_payload: delivery.type !== "events_api",
    };
    if (delivery.type === "events_api") {
      envelope.retry_attempt = retryAttempt;
      envelope.retry_reason =
        retryAttempt === 0 ? "" : retryAttempt === delivery.startedAsRetry?.num ? delivery.startedAsRetry.reason : "timeout";
    }
    this.send(connection, delivery, envelope);
  }

  private send(connection: OpenConnection, delivery: Delivery, envelope: TSocketModeEnvelope): void {
    delivery.attemptsMade += 1;
    delivery.lastEnvelopeId = envelope.envelope_id;
    const attempt: Attempt = { envelope, delivery, sentAtMs: performance.now(), state: "awaiting" };
    this.attempts.set(envelope.envelope_id, attempt);
    this.sent.push({ envelope, connectionId: connection.info.id, at: new Date() });
    // Each envelope has its own clock: several in flight are each held to the limit.
    attempt.timer = setTimeout(() => {
      if (attempt.state !== "awaiting") return;
      attempt.state = "timed_out";
      this.fail(delivery, "ack_timeout");
    }, this.ackTimeoutMs);
    this.sendJson(connection, envelope);
  }

  /** A failed attempt: events are retried on Slack's schedule [EV "Retries"]; the rest fail for good. */
  private fail(delivery: Delivery, failure: "ack_timeout" | "no_connection"): void {
    if (delivery.settled) return;
    // An attempt that found no connection counts as one of Slack's attempts too.
    delivery.failedAttempts += 1;
    const retryNumber = delivery.failedAttempts;
    if (delivery.allowRetries && retryNumber <= this.eventRetryDelaysMs.length && !this.closed) {
      const delay = this.eventRetryDelaysMs[retryNumber - 1] ?? 0;
      delivery.retryTimer = setTimeout(() => this.attempt(delivery, retryNumber), delay);
      return;
    }
    this.settle(delivery, this.failureResult(delivery, failure));
  }

  private failureResult(
    delivery: Delivery,
    failure: NonNullable<TSocketModeDeliveryResult["failure"]>,
  ): TSocketModeDeliveryResult {
    return {
      status: 0,
      body: "",
      headers: {},
      envelopeId: delivery.lastEnvelopeId,
      attempts: delivery.attemptsMade,
      ...(failure === "ack_timeout" ? { timedOut: true as const } : {}),
      failure,
    };
  }

  private settle(delivery: Delivery, result: TSocketModeDeliveryResult): void {
    if (delivery.settled) return;
    delivery.settled = true;
    clearTimeout(delivery.retryTimer);
    this.deliveries.delete(delivery);
    for (const attempt of this.attempts.values()) {
      if (attempt.delivery === delivery) clearTimeout(attempt.timer);
    }
    delivery.resolve(result);
  }

  /**
   * The client acknowledges with `{ envelope_id, payload? }` [SM "Acknowledge events"]
   * (@slack/socket-mode always sends `payload`, `{}` when the listener gave none [CL send]).
   * The docs are silent on acks that name no pending envelope; they are recorded and ignored.
   */
  private onClientMessage(connection: OpenConnection, data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let message: unknown;
    try {
      message = JSON.parse(rawText(data));
    } catch {
      return;
    }
    if (typeof message !== "object" || message === null) return;
    const { envelope_id: envelopeId, payload } = message as { envelope_id?: unknown; payload?: unknown };
    if (typeof envelopeId !== "string") return;
    const attempt = this.attempts.get(envelopeId);
    const record: TSocketModeAcknowledgement = {
      envelopeId,
      payload,
      connectionId: connection.info.id,
      at: new Date(),
      outcome: "unknown",
    };
    if (attempt) record.elapsedMs = performance.now() - attempt.sentAtMs;
    if (!attempt) {
      record.outcome = "unknown";
    } else if (attempt.state === "acknowledged") {
      record.outcome = "duplicate";
    } else if (attempt.state === "timed_out") {
      // Too late: Slack already counted this attempt as failed (and an event is retried anyway).
      record.outcome = "late";
    } else {
      record.outcome = "accepted";
      attempt.state = "acknowledged";
      clearTimeout(attempt.timer);
      this.settle(attempt.delivery, {
        status: 200,
        body: ackBody(payload),
        headers: {},
        envelopeId,
        attempts: attempt.delivery.attemptsMade,
      });
    }
    this.acks.push(record);
    this.events.emit("ack", record);
  }

  private sendJson(connection: OpenConnection, message: unknown): void {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(JSON.stringify(message));
  }
}

/** An ack without payload, or with an empty one, is the plain acknowledgement: "" as an empty HTTP 200 body. */
function ackBody(payload: unknown): unknown {
  if (payload === undefined || payload === null) return "";
  if (typeof payload === "object" && !Array.isArray(payload) && Object.keys(payload).length === 0) return "";
  return payload;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString("utf8");
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data).toString("utf8");
}
