// Assembles the running bot: the settings become the features'
// dependencies (roles as person ids, the organisation, the limits), the
// scheduler runs the features' jobs, and each chat front end (Slack, Teams,
// or both) receives what people do and delivers what the features say. The
// Teams front end is imported only when Teams is configured.
import type { IncomingMessage, ServerResponse } from "node:http";
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
import { slackSettingsOf, teamsSettingsOf, type TSettings } from "../settings/loadSettings.ts";
import { createSlackFrontEnd, SlackSetupError, type TSlackFrontEnd } from "../slack/createSlackFrontEnd.ts";
import { personFromSetting, SLACK_PLATFORM } from "../slack/identity.ts";
import type { TTokenCheck } from "../slack/setup/checkSlackToken.ts";
import { personFromTeamsSetting, TEAMS_PLATFORM } from "../teams/identity.ts";
import type { TTeamsFrontEnd } from "../teams/createTeamsFrontEnd.ts";
import { createHealthRoute } from "./healthRoute.ts";

export { SlackSetupError };

/** Entra ID refused the Teams credentials at start (the class lives with the Teams front end, loaded when used). */
export function isTeamsSetupError(error: unknown): error is Error {
  return error instanceof Error && error.constructor.name === "TeamsSetupError";
}

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
  /** The Slack front end; absent in an install with Teams only. */
  slack?: TSlackFrontEnd;
  /** The Teams front end, once started; absent when Teams is not configured. */
  teams?: TTeamsFrontEnd;
  scheduler: SchedulerWorker;
  /** Prometheus metrics, served at GET /metrics. */
  metrics: TBotMetrics;
  /** Asks every worker to run now. */
  wake(): void;
  /** Starts serving; resolves with the HTTP port (HTTP mode or health port). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** A bot with Slack configured: tests and the Slack demo drive its front end directly. */
export type TSlackBot = TBot & { slack: TSlackFrontEnd };

export function withSlack(bot: TBot): TSlackBot {
  if (!bot.slack) throw new Error("this bot has no Slack front end: Slack is not configured");
  return bot as TSlackBot;
}

export function rolesFromSettings(
  settings: TSettings,
  register: TRegister,
): Record<"dpos" | "admins" | "management" | "systemOwners", string[]> {
  // Slack's member ids and Teams' Entra object ids, each as its front end's person ids.
  const people = (slack: readonly string[], teams: readonly string[] | undefined) => [
    ...slack.map(personFromSetting),
    ...(teams ?? []).map(personFromTeamsSetting),
  ];
  return {
    dpos: people(settings.DPO_USER_IDS, settings.TEAMS_DPO_USER_IDS),
    admins: people(settings.ADMIN_USER_IDS, settings.TEAMS_ADMIN_USER_IDS),
    management: people(settings.MANAGEMENT_USER_IDS, settings.TEAMS_MANAGEMENT_USER_IDS),
    systemOwners: register.systems.map((system) => personFromSetting(system.owner)),
  };
}

/** The chat platforms this installation speaks on, from its settings. */
export function platformsFromSettings(settings: TSettings): string[] {
  return [...(slackSettingsOf(settings) ? [SLACK_PLATFORM] : []), ...(teamsSettingsOf(settings) ? [TEAMS_PLATFORM] : [])];
}

export function createBot(options: TBotOptions): TBot {
  const { settings, database, clock, logger, register } = options;
  const deps: TFeatureDeps = {
    database,
    clock,
    logger,
    roles: rolesFromSettings(settings, register),
    messaging: { platforms: platformsFromSettings(settings) },
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
  const slackSettings = slackSettingsOf(settings);
  const teamsSettings = teamsSettingsOf(settings);
  const intervalMs = options.outboxIntervalMs ?? settings.TICK_SECONDS * 1000;
  let slack: TSlackFrontEnd | undefined;
  let teams: TTeamsFrontEnd | undefined;
  const healthRoute = createHealthRoute({ database, reasons: () => slack?.setupMonitor.reasons() ?? [] });
  // Teams' messaging endpoint is served on Slack's port when both run; it answers once Teams has started.
  const teamsRoute = {
    path: "/api/messages",
    method: ["POST"],
    handler: async (request: IncomingMessage, response: ServerResponse) => {
      if (teams) return teams.route.handler(request, response);
      response.writeHead(503).end();
    },
  };
  if (slackSettings)
    slack = createSlackFrontEnd({
      settings: slackSettings,
      deps,
      metrics,
      routes: [healthRoute, metrics.route, ...(teamsSettings ? [teamsRoute] : [])],
      intervalMs,
      ...(options.tokenCheck ? { tokenCheck: options.tokenCheck } : {}),
      ...(options.onFatal ? { onFatal: options.onFatal } : {}),
    });
  const wake = () => {
    slack?.wake();
    teams?.wake();
  };
  const scheduler = new SchedulerWorker({
    database,
    clock,
    logger: logger.child({ component: "scheduler" }),
    handlers: createJobHandlers(deps),
    onDone: wake,
  });

  const bot: TBot = {
    deps,
    ...(slack ? { slack } : {}),
    scheduler,
    metrics,
    wake,
    async start() {
      // Who may do what is decided by the settings: a change is audited.
      await recordSettingsAtStart(deps, settings).catch((error: Error) =>
        logger.error({ error: error.message }, "recording the settings in the audit trail failed"),
      );
      let port: number | undefined = slack ? (await slack.start()).port : undefined;
      if (teamsSettings) {
        const { createTeamsFrontEnd } = await import("../teams/createTeamsFrontEnd.ts");
        const front = createTeamsFrontEnd({
          settings: teamsSettings,
          deps,
          metrics,
          intervalMs,
          ...(slack ? {} : { standaloneRoutes: [healthRoute, metrics.route] }),
        });
        const started = await front.start();
        teams = front;
        bot.teams = front;
        port ??= started.port;
      }
      // The recurring duties and the bot's own retention, on the schedule from the first start; idempotent.
      await seedFeatures(deps);
      scheduler.start(settings.TICK_SECONDS);
      const mode = slack ? (settings.SLACK_APP_TOKEN ? "socket" : "http") : "teams";
      logger.info({ port, mode, platforms: deps.messaging.platforms, database: database.kind }, "datalek-bot started");
      return { port: port ?? settings.PORT };
    },
    async stop() {
      await scheduler.stop();
      await slack?.stop();
      await teams?.stop();
    },
  };
  return bot;
}
