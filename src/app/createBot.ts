// Assembles the running bot: Bolt (HTTP or Socket Mode) with its
// listeners, the health route, and the outbox worker.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Clock } from "../domain/time/clock.ts";
import { boltLogger } from "../logging/createLogger.ts";
import type { TRegister } from "../register/loadRegister.ts";
import { OutboxWorker } from "../services/outbox/deliverOutbox.ts";
import { createJobHandlers } from "../services/scheduler/jobHandlers.ts";
import { SchedulerTicker } from "../services/scheduler/SchedulerTicker.ts";
import { ensureRecurringDuties } from "../services/register/ensureRecurringDuties.ts";
import type { TSettings } from "../settings/loadSettings.ts";
import { classifySlackFailure } from "../slack/delivery/classifySlackFailure.ts";
import { createOutboxDelivery } from "../slack/delivery/deliverOutboxMessage.ts";
import { registerListeners } from "../slack/listeners/registerListeners.ts";
import { attachLocaleLookup } from "../slack/i18n/localeFor.ts";
import { createMetrics, type TBotMetrics } from "../metrics/createMetrics.ts";
import { HomeRefresher } from "../slack/home/HomeRefresher.ts";
import { recordSettingsAtStart } from "../services/audit/recordSettingsAtStart.ts";
import { seedOwnRetentionSweep } from "../services/ownRetention/ownRetentionSweep.ts";
import { requestFingerprint, requestGuard } from "../slack/security/requestGuard.ts";
import { guardRequestBodies } from "../slack/security/requestBodyGuard.ts";
import type { Database } from "../storage/openDatabase.ts";
import type { TBotContext } from "./botContext.ts";
import { createHealthRoute } from "./healthRoute.ts";
import { createSlackWebClient, slackClientOptions } from "../slack/client/createSlackWebClient.ts";
import { SlackSetupMonitor } from "../slack/setup/SlackSetupMonitor.ts";
import { checkSlackToken, TOKEN_REFUSED_ERRORS, tokenRefusedLine, type TTokenCheck } from "../slack/setup/checkSlackToken.ts";

export interface TBotOptions {
  settings: TSettings;
  database: Database;
  clock: Clock;
  logger: Logger;
  register: TRegister;
  /** How often the outbox looks for due messages; defaults to TICK_SECONDS. */
  outboxIntervalMs?: number;
  /** The result of auth.test when the caller already asked (startFromEnvironment); otherwise start() asks. */
  tokenCheck?: TTokenCheck;
  /** A setup problem found while running that the bot cannot work past (an app token revoked); default: log and exit 1. */
  onFatal?: (line: string) => void;
}

function exitOnFatal(logger: Logger) {
  return (line: string) => {
    logger.fatal(line);
    console.error(`datalek-bot: setting ${line}`);
    process.exit(1);
  };
}

/** Slack refused a token at start: the bot cannot work; the message names the setting. */
export class SlackSetupError extends Error {}

export interface TBot {
  context: TBotContext;
  app: App;
  outbox: OutboxWorker;
  scheduler: SchedulerTicker;
  /** Prometheus metrics, served at GET /metrics. */
  metrics: TBotMetrics;
  /** Publishes App Home tabs again after changes (home_refresh_request). */
  homeRefresher: HomeRefresher;
  /** The client for work outside a request: it carries the bot token. */
  slackClient: WebClient;
  /** Channel membership and Slack reachability, for /healthz. */
  setupMonitor: SlackSetupMonitor;
  /** Starts serving; resolves with the HTTP port (HTTP mode or health port). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** Far above any real Slack payload (issue 6: limits on sizes). */
const REQUEST_BODY_LIMIT = 1024 * 1024;

export function createBot(options: TBotOptions): TBot {
  const { settings, database, clock, logger, register } = options;
  let outbox: OutboxWorker | undefined;
  let homeRefresher: HomeRefresher | undefined;
  const context: TBotContext = {
    settings,
    database,
    clock,
    logger,
    register,
    locale: settings.DEFAULT_LOCALE,
    wakeOutbox: () => {
      void outbox?.kick();
      void homeRefresher?.kick();
    },
  };

  const metrics = createMetrics({ database, clock });
  // Every call the bot makes outside a request goes through this client,
  // which carries the bot token (Bolt's app.client has none: see the file).
  const slackClient = createSlackWebClient(settings, logger);
  metrics.instrumentClient(slackClient);

  const setupMonitor = new SlackSetupMonitor({
    client: slackClient,
    database,
    clock,
    logger: logger.child({ component: "slack-setup" }),
    channels: [
      { setting: "DPO_CHANNEL_ID", channelId: settings.DPO_CHANNEL_ID },
      { setting: "MANAGEMENT_CHANNEL_ID", channelId: settings.MANAGEMENT_CHANNEL_ID },
    ],
    dpoUserIds: settings.DPO_USER_IDS,
    onChecked: (checks) => metrics.recordChannelChecks(checks),
    wakeOutbox: () => context.wakeOutbox(),
  });
  const healthRoute = createHealthRoute({ database, reasons: () => setupMonitor.reasons() });

  // Listener clients (views.open inside a request) get the token from our
  // authorize. They retry little: a trigger_id dies after 3 seconds.
  const requestClientOptions = { ...slackClientOptions(settings, logger), retryConfig: { retries: 1, maxTimeout: 1000 } };
  const common = {
    // Our own authorize: Bolt's default asks auth.test before handling a
    // request, so a Slack API outage would refuse reports. A report must be
    // taken even then; the outbox catches up when Slack is back.
    authorize: async () => ({ botToken: settings.SLACK_BOT_TOKEN }),
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    clientOptions: requestClientOptions,
  };

  let receiver: HTTPReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  if (settings.SLACK_APP_TOKEN) {
    socketReceiver = new SocketModeReceiver({
      appToken: settings.SLACK_APP_TOKEN,
      logger: boltLogger(logger),
      // The Socket Mode client gets its own options: without retryConfig it
      // retries apps.connections.open on its own (100 times, growing
      // delays), so a failed refresh is retried instead of being fatal.
      installerOptions: { clientOptions: slackClientOptions(settings, logger) },
    });
  }
  const app = socketReceiver
    ? new App({ ...common, receiver: socketReceiver })
    : new App({
        ...common,
        receiver: (receiver = new HTTPReceiver({
          signingSecret: settings.SLACK_SIGNING_SECRET!,
          endpoints: "/slack/events",
          customRoutes: [healthRoute, metrics.route],
          logger: boltLogger(logger),
          // Acknowledge as soon as the listener calls ack().
          processBeforeResponse: false,
          // Replay protection (src/slack/security/requestGuard.ts) and a size limit far above any real payload.
          customPropertiesExtractor: requestFingerprint,
          bodyLimit: REQUEST_BODY_LIMIT,
        })),
      });
  if (receiver) guardRequestBodies(receiver, REQUEST_BODY_LIMIT, logger);

  app.error(async (error) => {
    logger.error({ error: error.message, code: (error as { code?: string }).code }, "listener failed");
  });
  app.use(requestGuard(context));
  if (receiver) metrics.instrumentReceiver(receiver as unknown as Parameters<TBotMetrics["instrumentReceiver"]>[0]);
  app.use(metrics.ackMiddleware);
  attachLocaleLookup(context, slackClient);
  registerListeners(app, context);
  // Added to a channel: check the setup again at once, not in an hour.
  app.event("member_joined_channel", async () => {
    await setupMonitor.checkNow();
  });

  outbox = new OutboxWorker({
    database,
    clock,
    logger: logger.child({ component: "outbox" }),
    deliver: createOutboxDelivery(context, slackClient),
    classifyFailure: classifySlackFailure,
    onFailure: (message, failure) => metrics.outboxFailures.inc({ kind: message.kind, failure: failure.kind }),
    onParked: (message) => {
      metrics.outboxParked.inc({ kind: message.kind });
      // The DPOs' and administrators' Home tabs show parked messages.
      context.wakeOutbox();
    },
  });

  const scheduler = new SchedulerTicker(context, createJobHandlers());
  homeRefresher = new HomeRefresher(context, slackClient);

  let server: Server | undefined;
  // In Socket Mode nothing listens on PORT for Slack; /healthz and /metrics
  // get a small server of their own, up before the socket connects.
  let healthServer: Server | undefined;
  return {
    context,
    app,
    outbox,
    scheduler,
    metrics,
    homeRefresher,
    slackClient,
    setupMonitor,
    async start() {
      const tokenCheck = options.tokenCheck ?? (await checkSlackToken(slackClient));
      if (tokenCheck.state === "refused") throw new SlackSetupError(tokenRefusedLine("SLACK_BOT_TOKEN", tokenCheck.error));
      if (tokenCheck.state === "unreachable")
        logger.warn({ error: tokenCheck.error }, "Slack could not be reached at start; reports are taken and go out when it is back");
      setupMonitor.setTokenCheck(tokenCheck);
      // Who may do what is decided by the settings: a change is audited.
      await recordSettingsAtStart(context).catch((error: Error) =>
        logger.error({ error: error.message }, "recording the settings in the audit trail failed"),
      );
      await seedOwnRetentionSweep(context).catch((error: Error) =>
        logger.error({ error: error.message }, "scheduling the own-retention sweep failed"),
      );
      let port = settings.PORT;
      if (socketReceiver) {
        healthServer = await listenForHealth(settings.PORT, [healthRoute, metrics.route]);
        port = (healthServer.address() as AddressInfo).port;
        await connectSocketMode(app, logger, options.onFatal ?? exitOnFatal(logger));
      } else {
        const started = (await app.start(settings.PORT)) as unknown;
        if (started && typeof (started as Server).address === "function") {
          server = started as Server;
          port = (server.address() as AddressInfo).port;
        }
      }
      outbox!.start(options.outboxIntervalMs ?? settings.TICK_SECONDS * 1000);
      homeRefresher!.start(options.outboxIntervalMs ?? settings.TICK_SECONDS * 1000);
      // Seed the recurring duties (retention reviews, yearly evaluation, digest); idempotent.
      await ensureRecurringDuties(context).catch((error: Error) =>
        logger.error({ error: error.message }, "seeding the recurring duties failed"),
      );
      scheduler.start(settings.TICK_SECONDS);
      // Channel membership: now (in the background: the start does not wait on Slack) and every hour.
      void setupMonitor.checkNow();
      setupMonitor.start();
      logger.info({ port, mode: settings.SLACK_APP_TOKEN ? "socket" : "http", database: database.kind }, "datalek-bot started");
      return { port };
    },
    async stop() {
      await setupMonitor.stop();
      await scheduler.stop();
      await outbox!.stop();
      await homeRefresher!.stop();
      await app.stop();
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
    },
  };
}

type TRoute = ReturnType<typeof createHealthRoute>;

async function listenForHealth(port: number, routes: TRoute[]): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routes.find((candidate) => candidate.path === path && candidate.method.includes(request.method ?? ""));
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    void route.handler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  return server;
}

/**
 * Opens the Socket Mode connection. A token Slack refuses stops the start
 * (the line names SLACK_APP_TOKEN); anything else (Slack unreachable, a 500)
 * is a warning, and the connection is tried again with growing pauses in the
 * background while the rest of the bot (outbox, scheduler) works.
 */
async function connectSocketMode(app: App, logger: Logger, onFatal: (line: string) => void): Promise<void> {
  const refusal = (error: unknown) => {
    const slackError = (error as { data?: { error?: string } }).data?.error;
    return slackError && TOKEN_REFUSED_ERRORS.has(slackError) ? tokenRefusedLine("SLACK_APP_TOKEN", slackError) : undefined;
  };
  const retryLater = (attempt: number, error: unknown) => {
    const delayMs = Math.min(60_000, 1000 * 2 ** attempt);
    logger.warn({ error: (error as Error).message, retryInMs: delayMs }, "Socket Mode could not connect; trying again");
    setTimeout(() => {
      app.start().catch((next: unknown) => {
        const line = refusal(next);
        if (line) return onFatal(line);
        retryLater(attempt + 1, next);
      });
    }, delayMs).unref();
  };
  const first = app.start();
  const outcome = await Promise.race([
    first.then(() => ({ state: "connected" as const })),
    new Promise<{ state: "pending" }>((resolve) => setTimeout(() => resolve({ state: "pending" }), 5000).unref()),
  ]).catch((error: unknown) => ({ state: "failed" as const, error }));
  if (outcome.state === "connected") return;
  if (outcome.state === "pending") {
    logger.warn("Socket Mode is not connected yet; it keeps trying in the background");
    first.catch((error: unknown) => retryLater(0, error));
    return;
  }
  const line = refusal(outcome.error);
  if (line) throw new SlackSetupError(line);
  retryLater(0, outcome.error);
}
