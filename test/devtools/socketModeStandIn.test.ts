// The Socket Mode stand-in, driven by a real Bolt app (@slack/bolt 5, @slack/socket-mode 3)
// over a real WebSocket on 127.0.0.1, and by a bare `ws` client where a test needs the raw frames.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { App, LogLevel, SocketModeReceiver, type Authorize } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { SlackClientSimulator, type BotResponse, type SendOptions } from "../../src/devtools/slack/slackRequests.ts";
import {
  SocketModeStandIn,
  type TSocketModeDeliveryResult,
  type TSocketModeEnvelope,
  type TSocketModeStandInOptions,
} from "../../src/devtools/slack/socketModeStandIn.ts";
import { SlackStandIn } from "../../src/devtools/slack/slackStandIn.ts";

const TEAM_ID = "T0TEAM";
const USER_ID = "U0STAFF01";

let webApi: SlackStandIn;
let socketMode: SocketModeStandIn;
let slack: SlackClientSimulator;
const apps: App[] = [];

async function startStandIns(options: TSocketModeStandInOptions = {}): Promise<void> {
  webApi = await SlackStandIn.start();
  socketMode = await SocketModeStandIn.start(options);
  // apps.connections.open, called with the app-level token, answers with socketMode.connectionUrl().
  webApi.attachSocketMode(socketMode);
  // Builds slash commands, interactions and events as Slack does and hands them to the stand-in.
  slack = new SlackClientSimulator({
    signingSecret: "not-used-over-socket-mode",
    delivery: socketMode,
    newTriggerId: () => webApi.issueTriggerId(),
    responseUrl: () => webApi.newResponseUrl(),
  });
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop().catch(() => undefined)));
  // Bolt's stop() does not wait for the close handshake; closing the stand-in first would reset it.
  await socketMode?.waitForNoConnection(2000).catch(() => undefined);
  await socketMode?.close();
  await webApi?.close();
});

interface TTinyBot {
  app: App;
  commands: Record<string, unknown>[];
  views: Record<string, unknown>[];
  actions: Record<string, unknown>[];
  events: Record<string, unknown>[];
}

/**
 * A tiny Bolt app, not the datalek bot. `clientPingTimeout` set: the receiver is built by hand,
 * because the App's `socketMode: true` path keeps the client's defaults (5 s between a lost
 * connection and the reconnect). Without it, the app is built exactly as the bot builds it.
 */
async function startTinyBot(
  options: { clientPingTimeout?: number; authorize?: Authorize<boolean>; silentCommand?: boolean } = {},
): Promise<TTinyBot> {
  const clientOptions = { slackApiUrl: webApi.url };
  const auth = options.authorize ? { authorize: options.authorize } : { token: webApi.botToken };
  const app =
    options.clientPingTimeout === undefined
      ? new App({ ...auth, appToken: webApi.appToken, socketMode: true, clientOptions, logLevel: LogLevel.ERROR })
      : new App({
          ...auth,
          clientOptions,
          logLevel: LogLevel.ERROR,
          receiver: new SocketModeReceiver({
            appToken: webApi.appToken,
            clientPingTimeout: options.clientPingTimeout,
            installerOptions: { clientOptions },
            logLevel: LogLevel.ERROR,
          }),
        });
  const bot: TTinyBot = { app, commands: [], views: [], actions: [], events: [] };
  app.command("/datalek", async ({ ack, body, client }) => {
    if (options.silentCommand) return;
    await ack();
    bot.commands.push(body as unknown as Record<string, unknown>);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: "modal",
        callback_id: "report",
        title: { type: "plain_text", text: "Datalek melden" },
        submit: { type: "plain_text", text: "Melden" },
        blocks: [
          {
            type: "input",
            block_id: "what_happened",
            label: { type: "plain_text", text: "Wat is er gebeurd?" },
            element: { type: "plain_text_input", action_id: "what_happened", multiline: true },
          },
        ],
      },
    });
  });
  app.view("report", async ({ ack, body }) => {
    bot.views.push(body as unknown as Record<string, unknown>);
    await ack({ response_action: "errors", errors: { what_happened: "Beschrijf wat er is gebeurd." } });
  });
  app.action("measure_done", async ({ ack, body }) => {
    await ack();
    bot.actions.push(body as unknown as Record<string, unknown>);
  });
  app.event("app_mention", async ({ body }) => {
    bot.events.push(body as unknown as Record<string, unknown>);
  });
  apps.push(app);
  await app.start();
  return bot;
}

/** The simulator's requests, delivered through the stand-in: what a test gets back is its result. */
function viaSocket(response: Promise<BotResponse>): Promise<TSocketModeDeliveryResult> {
  return response as Promise<TSocketModeDeliveryResult>;
}

const command = (text = ""): Promise<TSocketModeDeliveryResult> => viaSocket(slack.slashCommand({ userId: USER_ID, text }));
const submitReport = (): Promise<TSocketModeDeliveryResult> =>
  viaSocket(slack.viewSubmission({ userId: USER_ID, view: { callback_id: "report" } }));
const pressButton = (): Promise<TSocketModeDeliveryResult> =>
  viaSocket(
    slack.blockAction({ userId: USER_ID, channelId: "C0DPOCHAN", actions: [{ action_id: "measure_done", value: "M1" }] }),
  );
const mention = (eventId: string, options?: SendOptions): Promise<TSocketModeDeliveryResult> =>
  viaSocket(
    slack.event(
      { userId: USER_ID, type: "app_mention", channelId: "C0GENERAL", event: { text: "<@U0DATALEKBOT> help" }, eventId },
      options,
    ),
  );

/** A bare WebSocket client: resolves with the first frame, or with the HTTP status that refused the handshake. */
function connectRaw(url: string): Promise<{ socket?: WebSocket; firstMessage?: unknown; refusedWith?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once("unexpected-response", (_req, res) => {
      resolve({ refusedWith: res.statusCode });
      socket.terminate();
    });
    socket.once("message", (data) => resolve({ socket, firstMessage: JSON.parse(String(data)) }));
    socket.once("error", (error) => {
      if (!String(error.message).includes("Unexpected server response")) reject(error);
    });
  });
}

function sentOfType(type: TSocketModeEnvelope["type"]): TSocketModeEnvelope[] {
  return socketMode.envelopes.map((e) => e.envelope).filter((e) => e.type === type);
}

// ------------------------------------------------------------------ the handshake

describe("connecting", () => {
  beforeEach(() => startStandIns());

  it("greets a new connection with Slack's hello: num_connections, debug_info and connection_info", async () => {
    const first = await connectRaw(socketMode.connectionUrl());
    const second = await connectRaw(socketMode.connectionUrl());
    expect(first.firstMessage).toEqual({
      type: "hello",
      num_connections: 1,
      debug_info: {
        host: expect.stringMatching(/^applink-/),
        build_number: expect.any(Number),
        approximate_connection_time: 18060,
      },
      connection_info: { app_id: "A0DATALEK" },
    });
    expect(second.firstMessage).toMatchObject({ type: "hello", num_connections: 2 });
    expect(socketMode.connectionCount).toBe(2);
    first.socket?.terminate();
    second.socket?.terminate();
  });

  it("says 360 s in hello for a URL with &debug_reconnects=true, as Slack documents", async () => {
    const { socket, firstMessage } = await connectRaw(`${socketMode.connectionUrl()}&debug_reconnects=true`);
    expect(firstMessage).toMatchObject({ type: "hello", debug_info: { approximate_connection_time: 360 } });
    socket?.terminate();
  });

  it("hands out URLs shaped like Slack's: /link/?ticket=…&app_id=…, a new ticket each time", () => {
    const one = new URL(socketMode.connectionUrl());
    const two = new URL(socketMode.connectionUrl());
    expect(one.protocol).toBe("ws:");
    expect(one.hostname).toBe("127.0.0.1");
    expect(one.pathname).toBe("/link/");
    expect(one.searchParams.get("app_id")).toMatch(/^[0-9a-f]{64}$/);
    expect(one.searchParams.get("ticket")).not.toBe(two.searchParams.get("ticket"));
  });

  it("refuses a ticket used before and a ticket never issued, at the handshake", async () => {
    const url = socketMode.connectionUrl();
    const used = await connectRaw(url);
    expect(used.firstMessage).toMatchObject({ type: "hello" });

    const reused = await connectRaw(url);
    const invented = new URL(url);
    invented.searchParams.set("ticket", randomUUID());
    const neverIssued = await connectRaw(invented.href);

    expect(reused.refusedWith).toBe(401);
    expect(neverIssued.refusedWith).toBe(401);
    expect(socketMode.refusedHandshakes.map((r) => r.reason)).toEqual(["ticket_used", "unknown_ticket"]);
    expect(socketMode.connectionsAccepted).toBe(1);
    used.socket?.terminate();
  });

  it("a Bolt app connects through apps.connections.open with its app-level token", async () => {
    await startTinyBot();
    const connection = await socketMode.waitForConnection(2000);
    const opens = webApi.successfulCallsTo("apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0]?.token).toBe(webApi.appToken);
    expect(connection.ticket).toBe(new URL(String(opens[0]?.response?.url)).searchParams.get("ticket"));
  });
});

// ------------------------------------------------------------------ envelopes and acknowledgements

describe("envelopes and acknowledgements", () => {
  beforeEach(() => startStandIns({ ackTimeoutMs: 1500 }));

  it("a slash command arrives as a slash_commands envelope and is acked by its envelope_id in time", async () => {
    const bot = await startTinyBot();
    const result = await command("");

    const [envelope] = sentOfType("slash_commands");
    expect(envelope).toEqual({
      envelope_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      payload: expect.objectContaining({ command: "/datalek", user_id: USER_ID, team_id: TEAM_ID, text: "" }),
      type: "slash_commands",
      accepts_response_payload: true,
    });
    expect(Object.keys(envelope ?? {})).toEqual(["envelope_id", "payload", "type", "accepts_response_payload"]);
    expect(result).toMatchObject({ status: 200, body: "", envelopeId: envelope?.envelope_id, attempts: 1 });
    const [ack] = socketMode.acknowledgements;
    expect(ack).toMatchObject({ envelopeId: envelope?.envelope_id, outcome: "accepted" });
    expect(ack?.elapsedMs).toBeLessThan(socketMode.ackTimeoutMs);
    // The listener ran: it recorded the command and opened the modal with the command's trigger_id.
    await webApi.waitForCall("views.open", (call) => call.args.trigger_id === envelope?.payload.trigger_id, 2000);
    expect(bot.commands).toHaveLength(1);
  });

  it("a view submission's ack carries response_action in its payload", async () => {
    const bot = await startTinyBot();
    const result = await submitReport();

    expect(sentOfType("interactive")[0]).toMatchObject({ type: "interactive", accepts_response_payload: true });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ response_action: "errors", errors: { what_happened: "Beschrijf wat er is gebeurd." } });
    expect(bot.views).toHaveLength(1);
  });

  it("a button press is an interactive envelope whose plain ack has no payload", async () => {
    const bot = await startTinyBot();
    const result = await pressButton();
    expect(result).toMatchObject({ status: 200, body: "" });
    expect(bot.actions).toHaveLength(1);
  });

  it("answers several envelopes in flight, each held to the limit on its own", async () => {
    const bot = await startTinyBot();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? command(`nr ${i}`) : submitReport())));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.envelopeId)).size).toBe(6);
    expect(socketMode.acknowledgements.every((a) => a.outcome === "accepted")).toBe(true);
    expect(bot.commands).toHaveLength(3);
    expect(bot.views).toHaveLength(3);
  });

  it("ignores an ack naming no envelope it sent, and one for an envelope already acked", async () => {
    const { socket } = await connectRaw(socketMode.connectionUrl());
    if (!socket) throw new Error("no connection");
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string };
      if (!message.envelope_id) return;
      socket.send(JSON.stringify({ envelope_id: "not-an-envelope", payload: { text: "stray" } }));
      socket.send(JSON.stringify({ envelope_id: message.envelope_id, payload: { text: "first" } }));
      socket.send(JSON.stringify({ envelope_id: message.envelope_id, payload: { text: "second" } }));
    });
    const result = await command();
    await socketMode.waitForAcknowledgement((a) => a.outcome === "duplicate", 2000);

    expect(result.body).toEqual({ text: "first" });
    expect(socketMode.acknowledgements.map((a) => a.outcome)).toEqual(["unknown", "accepted", "duplicate"]);
    socket.terminate();
  });

  it("redeliver() sends the same envelope again, envelope_id and all, and the bot acks it again", async () => {
    const bot = await startTinyBot();
    const first = await mention("Ev0REDELIVER");
    await expect.poll(() => bot.events.length).toBe(1);
    const again = await socketMode.redeliver(first.envelopeId);

    const [one, two] = sentOfType("events_api");
    expect(two).toEqual(one);
    expect(again).toMatchObject({ status: 200, envelopeId: first.envelopeId });
    // Bolt hands the duplicate to the listener again: deduplicating is the bot's job (event_id).
    await expect.poll(() => bot.events.length).toBe(2);
  });
});

// ------------------------------------------------------------------ the 3-second limit

describe("no acknowledgement in time", () => {
  it("a slash command not acked within 3 s (the default) times out once, and is not sent again", async () => {
    await startStandIns();
    await startTinyBot({ silentCommand: true });
    const startedAt = performance.now();
    const result = await command();
    const elapsed = performance.now() - startedAt;

    expect(result).toMatchObject({ status: 0, timedOut: true, failure: "ack_timeout", attempts: 1 });
    expect(elapsed).toBeGreaterThanOrEqual(2950);
    expect(elapsed).toBeLessThan(4000);
    expect(sentOfType("slash_commands")).toHaveLength(1);
  });

  it("an interaction not acked in time is not retried either", async () => {
    await startStandIns({ ackTimeoutMs: 100 });
    const { socket } = await connectRaw(socketMode.connectionUrl());
    const result = await pressButton();
    expect(result).toMatchObject({ status: 0, timedOut: true, attempts: 1 });
    expect(sentOfType("interactive")).toHaveLength(1);
    socket?.terminate();
  });

  it("an event not acked in time is sent again with retry_attempt 1 and retry_reason timeout, same event_id", async () => {
    await startStandIns({ ackTimeoutMs: 200, eventRetryDelaysMs: [0, 60_000, 300_000] });
    // Bolt acks an event only after authorize(): a slow first authorize makes the first ack late.
    let authorizations = 0;
    const bot = await startTinyBot({
      authorize: async () => {
        authorizations += 1;
        if (authorizations === 1) await new Promise((r) => setTimeout(r, 400));
        return { botToken: webApi.botToken, botUserId: "U0DATALEKBOT", teamId: TEAM_ID };
      },
    });
    const result = await mention("Ev0RETRIED1");

    const [first, retry] = sentOfType("events_api");
    expect(first).toMatchObject({ accepts_response_payload: false, retry_attempt: 0, retry_reason: "" });
    expect(retry).toMatchObject({ accepts_response_payload: false, retry_attempt: 1, retry_reason: "timeout" });
    expect(retry?.envelope_id).not.toBe(first?.envelope_id);
    expect(retry?.payload.event_id).toBe("Ev0RETRIED1");
    expect(result).toMatchObject({ status: 200, envelopeId: retry?.envelope_id, attempts: 2 });
    // The first ack still comes, too late: recorded, ignored.
    const late = await socketMode.waitForAcknowledgement((a) => a.envelopeId === first?.envelope_id, 2000);
    expect(late.outcome).toBe("late");
    await expect.poll(() => bot.events.length).toBe(2);
  });

  it("an event is retried at most 3 times, then given up", async () => {
    await startStandIns({ ackTimeoutMs: 50, eventRetryDelaysMs: [0, 20, 20] });
    const { socket } = await connectRaw(socketMode.connectionUrl());
    const result = await mention("Ev0NEVERACK");
    expect(result).toMatchObject({ status: 0, timedOut: true, attempts: 4 });
    expect(sentOfType("events_api").map((e) => e.retry_attempt)).toEqual([0, 1, 2, 3]);
    socket?.terminate();
  });
});

// ------------------------------------------------------------------ connections coming and going

describe("an event delivered as one of Slack's retries", () => {
  beforeEach(() => startStandIns({ ackTimeoutMs: 50, eventRetryDelaysMs: [0, 20, 20] }));

  it("starts at the given retry_attempt and reason, and only the retries left follow", async () => {
    const { socket } = await connectRaw(socketMode.connectionUrl());
    const result = await mention("Ev0ASRETRY", { retry: { num: 2, reason: "timeout" } });
    expect(result).toMatchObject({ status: 0, timedOut: true, attempts: 2 });
    expect(sentOfType("events_api").map((e) => [e.retry_attempt, e.retry_reason])).toEqual([
      [2, "timeout"],
      [3, "timeout"],
    ]);
    socket?.terminate();
  });
});

describe("with no connection open", () => {
  beforeEach(() => startStandIns({ ackTimeoutMs: 1500, eventRetryDelaysMs: [300, 60_000, 300_000] }));

  it("a command fails at once, as Slack cannot reach the app", async () => {
    const refused = await command();
    expect(refused).toMatchObject({ status: 0, failure: "no_connection", attempts: 0 });
    expect(socketMode.envelopes).toHaveLength(0);
  });

  it("an event counts it as a failed attempt and arrives as retry 1 once the app is connected", async () => {
    const event = mention("Ev0NOSOCKET");
    const bot = await startTinyBot();
    expect(await event).toMatchObject({ status: 200, attempts: 1 });
    expect(sentOfType("events_api")).toEqual([expect.objectContaining({ retry_attempt: 1, retry_reason: "timeout" })]);
    await expect.poll(() => bot.events.length).toBe(1);
  });
});

describe("refresh, warning and dropped connections", () => {
  beforeEach(() => startStandIns({ ackTimeoutMs: 1500 }));

  it("refresh_requested: the client asks apps.connections.open again, reconnects after 5 s without a connection, and the next command is handled once", async () => {
    const bot = await startTinyBot(); // exactly as the bot builds it: the client's default 5 s reconnect delay
    await socketMode.waitForConnection(2000);
    socketMode.requestRefresh();
    // @slack/socket-mode closes the old connection first and opens the new one a clientPingTimeout
    // (5 s) later; Slack's docs suggest opening the new one before the old one goes. In between,
    // a command has nowhere to go.
    await socketMode.waitForNoConnection(2000);
    const closedAt = performance.now();
    expect(await command("tijdens refresh")).toMatchObject({ status: 0, failure: "no_connection" });
    const fresh = await socketMode.waitForConnection(9000, { nth: 2 });
    expect(performance.now() - closedAt).toBeGreaterThan(4000);

    expect(webApi.successfulCallsTo("apps.connections.open")).toHaveLength(2);
    expect(socketMode.connections.map((c) => c.id)).toEqual([fresh.id]);
    const result = await command("na refresh");
    expect(result.status).toBe(200);
    expect(socketMode.envelopes.at(-1)?.connectionId).toBe(fresh.id);
    expect(bot.commands.map((c) => c.text)).toEqual(["na refresh"]);
  }, 15_000);

  it("a dropped connection (no close frame): the client reconnects by itself and the next command is handled", async () => {
    const bot = await startTinyBot({ clientPingTimeout: 300 });
    await socketMode.waitForConnection(2000);
    socketMode.dropConnections();
    const fresh = await socketMode.waitForConnection(5000, { nth: 2 });

    expect(webApi.successfulCallsTo("apps.connections.open")).toHaveLength(2);
    const result = await command("na storing");
    expect(result.status).toBe(200);
    expect(socketMode.envelopes.at(-1)?.connectionId).toBe(fresh.id);
    expect(bot.commands.map((c) => c.text)).toEqual(["na storing"]);
  });

  it("@slack/socket-mode 3 reconnects on a disconnect warning too", async () => {
    await startTinyBot({ clientPingTimeout: 300 });
    await socketMode.waitForConnection(2000);
    socketMode.warnDisconnect();
    const fresh = await socketMode.waitForConnection(5000, { nth: 2 });
    expect(webApi.successfulCallsTo("apps.connections.open")).toHaveLength(2);
    const result = await command();
    expect(result.status).toBe(200);
    expect(socketMode.envelopes.at(-1)?.connectionId).toBe(fresh.id);
  });
});

describe("several connections, and a client that ignores a refresh", () => {
  beforeEach(() => startStandIns({ ackTimeoutMs: 200, refreshGraceMs: 100 }));

  it("sends each envelope on the newest open connection", async () => {
    const older = await connectRaw(socketMode.connectionUrl());
    const newer = await connectRaw(socketMode.connectionUrl());
    await command();
    expect(socketMode.envelopes.map((e) => e.connectionId)).toEqual([2]);
    older.socket?.terminate();
    newer.socket?.terminate();
  });

  it("sends nothing more on a connection asked to refresh, and closes it when the client does not", async () => {
    const { socket } = await connectRaw(socketMode.connectionUrl());
    if (!socket) throw new Error("no connection");
    const frames: unknown[] = [];
    socket.on("message", (data) => frames.push(JSON.parse(String(data))));
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socketMode.requestRefresh();
    const refused = await command();

    expect(refused).toMatchObject({ status: 0, failure: "no_connection" });
    expect(await closed).toBe(1000);
    expect(frames).toEqual([{ type: "disconnect", reason: "refresh_requested", debug_info: { host: socketMode.debugHost } }]);
  });
});

describe("pings", () => {
  it("answers the client's pings and sends its own, so a quiet connection stays up", async () => {
    await startStandIns({ pingIntervalMs: 50 });
    // The client pings every 100 ms and drops the connection when a pong is 300 ms late.
    await startTinyBot({ clientPingTimeout: 300 });
    await socketMode.waitForConnection(2000);
    await new Promise((r) => setTimeout(r, 1000));

    expect(socketMode.pingsReceived).toBeGreaterThanOrEqual(5);
    expect(socketMode.pongsReceived).toBeGreaterThanOrEqual(5);
    expect(socketMode.connectionsAccepted).toBe(1);
    expect(socketMode.connectionCount).toBe(1);
  });
});

// ------------------------------------------------------------------ apps.connections.open failing during a refresh

/**
 * The toolchain notes say `clientOptions.retryConfig` given to the App also reaches the Socket Mode
 * client, and `retries: 0` makes a failed refresh fatal. An unhandled rejection ends a Node process,
 * so each case runs a tiny Bolt app in a child process and watches what becomes of it.
 */
describe("apps.connections.open answering HTTP 500 once during a refresh", () => {
  beforeEach(() => startStandIns());

  const childApp = `
    import { App, LogLevel } from "@slack/bolt";
    const clientOptions = { slackApiUrl: process.env.SLACK_API_URL };
    if (process.env.RETRIES !== "default") clientOptions.retryConfig = { retries: Number(process.env.RETRIES) };
    const app = new App({ token: process.env.BOT_TOKEN, appToken: process.env.APP_TOKEN, socketMode: true,
      clientOptions, logLevel: LogLevel.ERROR });
    app.command("/datalek", async ({ ack }) => { await ack({ text: "still here" }); });
    await app.start();
  `;

  function startChild(retries: string): { exited: Promise<number | null>; stderr: () => string; kill: () => void } {
    const child = spawn(process.execPath, ["--input-type=module", "-e", childApp], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        SLACK_API_URL: webApi.url,
        APP_TOKEN: webApi.appToken,
        BOT_TOKEN: webApi.botToken,
        RETRIES: retries,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    return { exited, stderr: () => stderr, kill: () => child.kill() };
  }

  it("with retryConfig { retries: 0 } (as the bot sets it) the refresh fails and the process dies", async () => {
    const child = startChild("0");
    try {
      await socketMode.waitForConnection(10_000);
      webApi.failNext("apps.connections.open", { status: 500 });
      socketMode.requestRefresh();
      const code = await Promise.race([child.exited, new Promise((r) => setTimeout(() => r("alive"), 12_000))]);

      expect(code).toBe(1);
      // An unhandled rejection from the client's reconnect: WebAPIHTTPError with no retry left.
      expect(child.stderr()).toContain("statusCode = 500");
      expect(child.stderr()).toContain("retriesLeft: 0");
      expect(webApi.callsTo("apps.connections.open").map((c) => c.status)).toEqual([200, 500]);
      expect(socketMode.connectionsAccepted).toBe(1);
    } finally {
      child.kill();
    }
  }, 25_000);

  it("with the client's default retryConfig the failed call is retried and the app reconnects", async () => {
    const child = startChild("default");
    try {
      await socketMode.waitForConnection(10_000);
      webApi.failNext("apps.connections.open", { status: 500 });
      socketMode.requestRefresh();
      await socketMode.waitForConnection(12_000, { nth: 2 });

      expect(webApi.callsTo("apps.connections.open").map((c) => c.status)).toEqual([200, 500, 200]);
      const result = await command();
      expect(result).toMatchObject({ status: 200, body: { text: "still here" } });
    } finally {
      child.kill();
    }
  }, 25_000);
});
