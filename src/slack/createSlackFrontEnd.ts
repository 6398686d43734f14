// The Slack front end: Bolt (HTTP or Socket Mode) with the listeners, the
// client that carries the bot token, the outbox worker that delivers the
// core's messages to Slack, the App Home refresher, and the setup monitor.
// It parses what Slack sends, calls the features, and renders their answers.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type ReceiverEvent } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { handleRequest } from "../core/jobs/answerFirst.ts";
import { InFlight } from "../core/jobs/InFlight.ts";
import { OutboxWorker } from "../core/outbox/OutboxWorker.ts";
import { RateLimitPauses } from "../core/outbox/RateLimitPauses.ts";
import type { TFeatureDeps } from "../features/featureDeps.ts";
import { COMMANDS } from "../features/index.ts";
import { boltLogger } from "../logging/createLogger.ts";
import type { TBotMetrics } from "../metrics/createMetrics.ts";
import type { TSlackSettings as TSettings } from "../settings/loadSettings.ts";
import { createSlackWebClient, slackClientOptions } from "./client/createSlackWebClient.ts";
import { classifySlackFailure } from "./delivery/classifySlackFailure.ts";
import { convertLegacyOutbox } from "./delivery/convertLegacyOutbox.ts";
import { createSlackDelivery } from "./delivery/deliverToSlack.ts";
import { HomeTabViewers } from "./home/homeTabViewers.ts";
import { HomeTabRefresher } from "./home/HomeTabRefresher.ts";
import { SLACK_PLATFORM, slackPerson, slackWhere } from "./identity.ts";
import { registerListeners } from "./listeners/index.ts";
import { SlackLocales } from "./locale/SlackLocales.ts";
import { slackNames } from "./people/slackNames.ts";
import { guardRequestBodies } from "./security/requestBodyGuard.ts";
import { requestFingerprint, requestGuard } from "./security/requestGuard.ts";
import { acknowledgeUnmatched, recordListeners } from "./security/unmatchedInteractions.ts";
import { enqueueNotice } from "../core/notices/enqueueNotice.ts";
import { checkSlackToken, TOKEN_REFUSED_ERRORS, tokenRefusedLine, type TTokenCheck } from "./setup/checkSlackToken.ts";
import { SlackSetupMonitor } from "./setup/SlackSetupMonitor.ts";

/** Far above any real Slack payload (a limit on sizes). */
const REQUEST_BODY_LIMIT = 1024 * 1024;

/** Slack refused a token at start: the bot cannot work; the message names the setting. */
export class SlackSetupError extends Error {}

type TRoute = {
  path: string;
  method: string[];
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
};

export interface TSlackFrontEndOptions {
  settings: TSettings;
  deps: TFeatureDeps;
  metrics: TBotMetrics;
  routes: TRoute[];
  /** How often the outbox and the Home refresher look for due work. */
  intervalMs: number;
  tokenCheck?: TTokenCheck;
  /** A setup problem found while running that the bot cannot work past (an app token revoked). */
  onFatal?: (line: string) => void;
}

export interface TSlackFrontEnd {
  app: App;
  client: WebClient;
  outbox: OutboxWorker;
  homeTabs: HomeTabRefresher;
  setupMonitor: SlackSetupMonitor;
  locales: SlackLocales;
  /** Asks the outbox and the Home refresher to run now. */
  wake(): void;
  /** Resolves when no listener is running any more (one that answered may still be finishing its work). */
  idle(): Promise<void>;
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

export function createSlackFrontEnd(options: TSlackFrontEndOptions): TSlackFrontEnd {
  const { settings, deps, metrics } = options;
  const logger = deps.logger;
  // Every call the bot makes outside a request goes through this client,
  // which carries the bot token (Bolt's app.client has none with our own authorize).
  const client = createSlackWebClient(settings, logger);
  metrics.instrumentClient(client);
  const locales = new SlackLocales(client, settings.DEFAULT_LOCALE, logger.child({ component: "locale" }));
  let front: TSlackFrontEnd | undefined;
  const wake = () => front?.wake();

  const setupMonitor = new SlackSetupMonitor({
    client,
    database: deps.database,
    clock: deps.clock,
    logger: logger.child({ component: "slack-setup" }),
    channels: [
      { setting: "DPO_CHANNEL_ID", channelId: settings.DPO_CHANNEL_ID },
      { setting: "MANAGEMENT_CHANNEL_ID", channelId: settings.MANAGEMENT_CHANNEL_ID },
    ],
    dpos: deps.roles.dpos,
    onChecked: (checks) => metrics.recordChannelChecks(checks),
    wakeOutbox: wake,
  });

  // Listener clients (views.open inside a request) get the token from our
  // authorize. They retry little: a trigger_id dies after 3 seconds.
  const common = {
    // Our own authorize: Bolt's default asks auth.test before handling a
    // request, so a Slack API outage would refuse reports. A report must be
    // taken even then; the outbox catches up when Slack is back.
    authorize: async () => ({ botToken: settings.SLACK_BOT_TOKEN }),
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    clientOptions: { ...slackClientOptions(settings, logger), retryConfig: { retries: 1, maxTimeout: 1000 } },
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
          customRoutes: options.routes,
          logger: boltLogger(logger),
          // Acknowledge as soon as the listener calls ack().
          processBeforeResponse: false,
          // Replay protection and a size limit far above any real payload.
          customPropertiesExtractor: requestFingerprint,
          bodyLimit: REQUEST_BODY_LIMIT,
        })),
      });
  if (receiver) guardRequestBodies(receiver, REQUEST_BODY_LIMIT, logger);

  // A request awaits its answer until it is acknowledged: meanwhile the
  // embedded database lets background work wait (core/jobs/answerFirst.ts).
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) =>
    handleRequest((markAnswered) =>
      processEvent({
        ...event,
        ack: async (response) => {
          try {
            return await event.ack(response);
          } finally {
            markAnswered();
          }
        },
      }),
    );
  // Every listener run is counted until it ends (work after the answer included): stop() waits for it.
  const inFlight = new InFlight();
  app.use(({ next }) => inFlight.track(next()));
  app.error(async (error) => {
    logger.error({ error: error.message, code: (error as { code?: string }).code }, "listener failed");
  });
  app.use(requestGuard(deps));
  // Listeners are recorded as they register (below); a click or form none of them handles is acknowledged at once.
  const registry = recordListeners(app);
  app.use(
    acknowledgeUnmatched(registry, (userId, where) => {
      if (!/^[UW][A-Z0-9]{2,20}$/.test(userId)) return;
      void deps.database.prisma
        .$transaction((tx) =>
          enqueueNotice(
            tx,
            deps.messaging,
            { person: slackPerson(userId), notice: "no_longer_applies", where: slackWhere(where.channel, where.threadTs) },
            deps.clock.now(),
          ),
        )
        .then(wake)
        .catch((error: Error) => logger.warn({ error: error.message }, "answering an unknown click failed"));
    }),
  );
  if (receiver) metrics.instrumentReceiver(receiver as unknown as Parameters<TBotMetrics["instrumentReceiver"]>[0]);
  app.use(metrics.ackMiddleware);
  const homeTabViewers = new HomeTabViewers(deps.database);
  const homeDeps = { ...deps, client, locales, homeTabViewers };
  registerListeners(app, {
    ...homeDeps,
    wakeOutbox: wake,
    commandDeps: { ...deps, commands: () => COMMANDS },
  });
  // Added to a channel: check the setup again at once, not in an hour.
  app.event("member_joined_channel", async () => {
    await setupMonitor.checkNow();
  });

  const outbox = new OutboxWorker({
    platform: SLACK_PLATFORM,
    database: deps.database,
    clock: deps.clock,
    logger: logger.child({ component: "outbox" }),
    deliver: createSlackDelivery({
      client,
      database: deps.database,
      clock: deps.clock,
      logger,
      locales,
      pauses: new RateLimitPauses(SLACK_PLATFORM, deps.database, deps.clock),
      channels: { dpo: settings.DPO_CHANNEL_ID, management: settings.MANAGEMENT_CHANNEL_ID },
      messageContext: {
        database: deps.database,
        register: deps.register,
        roles: deps.roles,
        organisation: deps.organisation,
        // People by name where a message names them in words (the register export).
        nameOf: slackNames(client),
      },
    }),
    classifyFailure: classifySlackFailure,
    onFailure: (message, failure) => metrics.outboxFailures.inc({ kind: message.kind, failure: failure.kind }),
    onParked: (message) => {
      metrics.outboxParked.inc({ kind: message.kind });
      // The Home tabs of privacy officers and administrators show parked messages.
      void deps.database.prisma.overviewRefreshRequest
        .createMany({ data: [{ target: "overseers", requestedAt: deps.clock.now() }], skipDuplicates: true })
        .then(() => homeTabs.kick());
    },
  });
  const homeTabs = new HomeTabRefresher({
    ...homeDeps,
    viewers: homeTabViewers,
    logger: logger.child({ component: "home-tabs" }),
  });

  let server: Server | undefined;
  // In Socket Mode nothing listens on PORT for Slack; /healthz and /metrics
  // get a small server of their own, up before the socket connects.
  let healthServer: Server | undefined;
  front = {
    app,
    client,
    outbox,
    homeTabs,
    setupMonitor,
    locales,
    wake() {
      void outbox.kick();
      homeTabs.kickSoon();
    },
    idle: () => inFlight.idle(),
    async start() {
      const tokenCheck = options.tokenCheck ?? (await checkSlackToken(client));
      if (tokenCheck.state === "refused") throw new SlackSetupError(tokenRefusedLine("SLACK_BOT_TOKEN", tokenCheck.error));
      if (tokenCheck.state === "unreachable")
        logger.warn(
          { error: tokenCheck.error },
          "Slack could not be reached at start; reports are taken and go out when it is back",
        );
      setupMonitor.setTokenCheck(tokenCheck);
      let port = settings.PORT;
      if (socketReceiver) {
        healthServer = await listenForRoutes(settings.PORT, options.routes);
        port = (healthServer.address() as AddressInfo).port;
        await connectSocketMode(app, logger, options.onFatal ?? exitOnFatal(logger));
      } else {
        const started = (await app.start(settings.PORT)) as unknown;
        if (started && typeof (started as Server).address === "function") {
          server = started as Server;
          port = (server.address() as AddressInfo).port;
        }
      }
      // Messages the previous release left in the outbox go out in today's form.
      await convertLegacyOutbox(deps.database, logger).catch((error: Error) =>
        logger.error({ error: error.message }, "converting the previous release's outbox messages failed"),
      );
      outbox.start(options.intervalMs);
      homeTabs.start(options.intervalMs);
      // Channel membership: now (in the background: the start does not wait on Slack) and every hour.
      void setupMonitor.checkNow();
      setupMonitor.start();
      return { port };
    },
    async stop() {
      // No new requests; what the answered ones still do is finished first.
      await app.stop();
      await inFlight.idle(10_000);
      await setupMonitor.stop();
      await outbox.stop();
      await homeTabs.stop();
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
    },
  };
  return front;
}

function exitOnFatal(logger: Logger) {
  return (line: string) => {
    logger.fatal(line);
    console.error(`datalek-bot: setting ${line}`);
    process.exit(1);
  };
}

async function listenForRoutes(port: number, routes: TRoute[]): Promise<Server> {
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
