// Assembles the running bot: Bolt (HTTP or Socket Mode) with its
// listeners, the health route, and the outbox worker.
import type { IncomingMessage, ServerResponse, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
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

export interface TBotOptions {
  settings: TSettings;
  database: Database;
  clock: Clock;
  logger: Logger;
  register: TRegister;
  /** How often the outbox looks for due messages; defaults to TICK_SECONDS. */
  outboxIntervalMs?: number;
}

export interface TBot {
  context: TBotContext;
  app: App;
  outbox: OutboxWorker;
  scheduler: SchedulerTicker;
  /** Prometheus metrics, served at GET /metrics. */
  metrics: TBotMetrics;
  /** Publishes App Home tabs again after changes (home_refresh_request). */
  homeRefresher: HomeRefresher;
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

  const healthRoute = {
    path: "/healthz",
    method: ["GET"],
    handler: async (_request: IncomingMessage, response: ServerResponse) => {
      const healthy = await database.ping();
      response.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
      response.end(JSON.stringify({ status: healthy ? "ok" : "unavailable", database: database.kind }));
    },
  };

  const metrics = createMetrics({ database, clock });

  const clientOptions = {
    ...(settings.SLACK_API_URL ? { slackApiUrl: settings.SLACK_API_URL } : {}),
    // The outbox retries with its own back-off; the client must not wait.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
  const common = {
    // Our own authorize: Bolt's default asks auth.test before handling a
    // request, so a Slack API outage would refuse reports. A report must be
    // taken even then; the outbox catches up when Slack is back.
    authorize: async () => ({ botToken: settings.SLACK_BOT_TOKEN }),
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    clientOptions,
  };

  let receiver: HTTPReceiver | undefined;
  const app = settings.SLACK_APP_TOKEN
    ? new App({
        ...common,
        appToken: settings.SLACK_APP_TOKEN,
        socketMode: true,
        customRoutes: [healthRoute, metrics.route],
        installerOptions: { port: settings.PORT },
      })
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
  metrics.instrumentClient(app.client);
  attachLocaleLookup(context, app.client);
  registerListeners(app, context);

  outbox = new OutboxWorker({
    database,
    clock,
    logger: logger.child({ component: "outbox" }),
    deliver: createOutboxDelivery(context, app.client),
    classifyFailure: classifySlackFailure,
    onFailure: (message, failure) => metrics.outboxFailures.inc({ kind: message.kind, failure: failure.kind }),
  });

  const scheduler = new SchedulerTicker(context, createJobHandlers());
  homeRefresher = new HomeRefresher(context, app.client);

  let server: Server | undefined;
  return {
    context,
    app,
    outbox,
    scheduler,
    metrics,
    homeRefresher,
    async start() {
      // Who may do what is decided by the settings: a change is audited.
      await recordSettingsAtStart(context).catch((error: Error) =>
        logger.error({ error: error.message }, "recording the settings in the audit trail failed"),
      );
      await seedOwnRetentionSweep(context).catch((error: Error) =>
        logger.error({ error: error.message }, "scheduling the own-retention sweep failed"),
      );
      const started = (await app.start(settings.PORT)) as unknown;
      let port = settings.PORT;
      if (receiver && started && typeof (started as Server).address === "function") {
        server = started as Server;
        port = (server.address() as AddressInfo).port;
      }
      outbox!.start(options.outboxIntervalMs ?? settings.TICK_SECONDS * 1000);
      homeRefresher!.start(options.outboxIntervalMs ?? settings.TICK_SECONDS * 1000);
      // Seed the recurring duties (retention reviews, yearly evaluation, digest); idempotent.
      await ensureRecurringDuties(context).catch((error: Error) =>
        logger.error({ error: error.message }, "seeding the recurring duties failed"),
      );
      scheduler.start(settings.TICK_SECONDS);
      logger.info({ port, mode: settings.SLACK_APP_TOKEN ? "socket" : "http", database: database.kind }, "datalek-bot started");
      return { port };
    },
    async stop() {
      await scheduler.stop();
      await outbox!.stop();
      await homeRefresher!.stop();
      await app.stop();
    },
  };
}
