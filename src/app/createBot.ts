// Assembles the running bot: the settings become the features'
// dependencies (roles as person ids, the organisation, the limits), the
// scheduler runs the features' jobs, and each chat front end (Slack today)
// receives what people do and delivers what the features say.
import type { Logger } from "pino";
import type { Clock } from "../core/time/clock.ts";
import { SchedulerWorker } from "../core/scheduler/SchedulerWorker.ts";
import type { Database } from "../core/storage/openDatabase.ts";
import type { TKeyRing } from "../core/security/fieldCipher.ts";
import type { TFeatureDeps } from "../features/featureDeps.ts";
import { createJobHandlers, seedFeatures } from "../features/index.ts";
import type { TRegister } from "../features/register/loadRegister.ts";
import { recordSettingsAtStart } from "../features/audit/recordSettingsAtStart.ts";
import { createMetrics, type TBotMetrics } from "../metrics/createMetrics.ts";
import type { TSettings } from "../settings/loadSettings.ts";
import { createSlackFrontEnd, SlackSetupError, type TSlackFrontEnd } from "../slack/createSlackFrontEnd.ts";
import { personFromSetting, SLACK_PLATFORM } from "../slack/identity.ts";
import type { TTokenCheck } from "../slack/setup/checkSlackToken.ts";
import { createHealthRoute } from "./healthRoute.ts";

export { SlackSetupError };

export interface TBotOptions {
  settings: TSettings;
  database: Database;
  clock: Clock;
  logger: Logger;
  register: TRegister;
  keyRing?: TKeyRing;
  /** How often the outbox looks for due messages; defaults to TICK_SECONDS. */
  outboxIntervalMs?: number;
  /** The result of auth.test when the caller already asked (startFromEnvironment); otherwise start() asks. */
  tokenCheck?: TTokenCheck;
  /** A setup problem found while running that the bot cannot work past (an app token revoked); default: log and exit 1. */
  onFatal?: (line: string) => void;
}

export interface TBot {
  /** What the features are given. */
  deps: TFeatureDeps;
  slack: TSlackFrontEnd;
  scheduler: SchedulerWorker;
  /** Prometheus metrics, served at GET /metrics. */
  metrics: TBotMetrics;
  /** Asks every worker to run now. */
  wake(): void;
  /** Starts serving; resolves with the HTTP port (HTTP mode or health port). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

export function rolesFromSettings(
  settings: TSettings,
  register: TRegister,
): Record<"dpos" | "admins" | "management" | "systemOwners", string[]> {
  return {
    dpos: settings.DPO_USER_IDS.map(personFromSetting),
    admins: settings.ADMIN_USER_IDS.map(personFromSetting),
    management: settings.MANAGEMENT_USER_IDS.map(personFromSetting),
    systemOwners: register.systems.map((system) => personFromSetting(system.owner)),
  };
}

export function createBot(options: TBotOptions): TBot {
  const { settings, database, clock, logger, register } = options;
  const deps: TFeatureDeps = {
    database,
    clock,
    logger,
    roles: rolesFromSettings(settings, register),
    messaging: { platforms: [SLACK_PLATFORM] },
    register,
    organisation: {
      name: settings.ORGANISATION_NAME,
      privacyContact: settings.PRIVACY_CONTACT,
      sector: settings.ORGANISATION_SECTOR,
      zone: settings.TIMEZONE,
    },
    settings,
    zone: settings.TIMEZONE,
    limits: {
      reportsPerHour: settings.REPORT_RATE_LIMIT_PER_HOUR,
      repageAfterMinutes: settings.REPAGE_AFTER_MINUTES,
      repageRepeatMinutes: settings.REPAGE_REPEAT_MINUTES,
    },
    ...(options.keyRing ? { keyRing: options.keyRing } : {}),
  };
  const metrics = createMetrics({ database, clock });
  let slack: TSlackFrontEnd | undefined;
  const healthRoute = createHealthRoute({ database, reasons: () => slack?.setupMonitor.reasons() ?? [] });
  slack = createSlackFrontEnd({
    settings,
    deps,
    metrics,
    routes: [healthRoute, metrics.route],
    intervalMs: options.outboxIntervalMs ?? settings.TICK_SECONDS * 1000,
    ...(options.tokenCheck ? { tokenCheck: options.tokenCheck } : {}),
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
  });
  const front = slack;
  const scheduler = new SchedulerWorker({
    database,
    clock,
    logger: logger.child({ component: "scheduler" }),
    handlers: createJobHandlers(deps),
    onDone: () => front.wake(),
  });

  return {
    deps,
    slack: front,
    scheduler,
    metrics,
    wake: () => front.wake(),
    async start() {
      // Who may do what is decided by the settings: a change is audited.
      await recordSettingsAtStart(deps, settings).catch((error: Error) =>
        logger.error({ error: error.message }, "recording the settings in the audit trail failed"),
      );
      const { port } = await front.start();
      // The recurring duties and the bot's own retention, on the schedule from the first start; idempotent.
      await seedFeatures(deps);
      scheduler.start(settings.TICK_SECONDS);
      logger.info({ port, mode: settings.SLACK_APP_TOKEN ? "socket" : "http", database: database.kind }, "datalek-bot started");
      return { port };
    },
    async stop() {
      await scheduler.stop();
      await front.stop();
    },
  };
}
