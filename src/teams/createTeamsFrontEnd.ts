// The Teams front end: the Teams SDK's App (JWT-validated activities in,
// the bot's token on every Connector call), the listeners, and the outbox
// worker that delivers the core's messages to Teams. It parses what Teams
// sends, calls the features, and renders their answers as Adaptive Cards.
// Loaded with a dynamic import only when Teams is configured, so an
// install with Slack only does not carry the SDK.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "@microsoft/teams.apps";
import { OutboxWorker } from "../core/outbox/OutboxWorker.ts";
import { RateLimitPauses } from "../core/outbox/RateLimitPauses.ts";
import type { TLocale } from "../core/text/locale.ts";
import type { TFeatureDeps } from "../features/featureDeps.ts";
import { COMMANDS } from "../features/index.ts";
import type { TBotMetrics } from "../metrics/createMetrics.ts";
import type { TTeamsSettings } from "../settings/loadSettings.ts";
import { textsFor } from "../texts/index.ts";
import { createTeamsApp, TeamsTokenError } from "./client/createTeamsApp.ts";
import { classifyTeamsFailure } from "./delivery/classifyTeamsFailure.ts";
import { createTeamsDelivery } from "./delivery/deliverToTeams.ts";
import { TeamsConversations } from "./delivery/teamsConversations.ts";
import type { TRoute } from "./http/TeamsHttpAdapter.ts";
import { channelOf, parseTeamsRef, teamsObjectIdOf, TEAMS_PLATFORM, threadRootOf } from "./identity.ts";
import { opensDialog } from "./listeners/forms/formOpeners.ts";
import { registerTeamsListeners } from "./listeners/index.ts";
import type { TCardContext } from "./render/renderCard.ts";
import type { TDialogContext } from "./render/renderDialog.ts";

/** Where Teams sends activities (the Azure Bot's messaging endpoint ends in this path). */
export const TEAMS_MESSAGING_PATH = "/api/messages";

/** Entra ID refused the bot's credentials at start: the bot cannot work; the message names the settings. */
export class TeamsSetupError extends Error {}

export interface TTeamsFrontEndOptions {
  settings: TTeamsSettings;
  deps: TFeatureDeps;
  metrics: TBotMetrics;
  /** How often the outbox looks for due work. */
  intervalMs: number;
  /** Routes to serve on PORT when no Slack front end serves them (a Teams-only install). */
  standaloneRoutes?: TRoute[];
}

export interface TTeamsFrontEnd {
  app: App;
  outbox: OutboxWorker;
  conversations: TeamsConversations;
  /** POST /api/messages, for the server that listens on PORT. */
  route: TRoute;
  wake(): void;
  /** Resolves with the port when this front end serves PORT itself (Teams only). */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

export function createTeamsFrontEnd(options: TTeamsFrontEndOptions): TTeamsFrontEnd {
  const { settings, deps, metrics } = options;
  const logger = deps.logger.child({ component: "teams" });
  const { app, adapter, serviceUrl, connectorToken } = createTeamsApp(settings, logger);
  const conversations = new TeamsConversations(deps.database, () => deps.clock.now());
  const defaultLocale: TLocale = settings.DEFAULT_LOCALE;
  let front: TTeamsFrontEnd | undefined;
  const wake = () => front?.wake();

  const cardContext = (locale: TLocale, links: ReadonlyMap<string, string>): TCardContext => {
    const texts = textsFor(locale);
    return {
      links,
      someone: texts.common.someone,
      nameOf: (person) => {
        const objectId = teamsObjectIdOf(person);
        return objectId ? conversations.cachedName(objectId) : undefined;
      },
      opensDialog,
      saveLabel: texts.teams.save,
      shortened: texts.teams.shortened,
    };
  };
  const dialogContext = (locale: TLocale): TDialogContext => ({ ...cardContext(locale, new Map()), zone: deps.zone });
  // A link to a posted message. Teams' deep links are documented for channel messages
  // (https://teams.microsoft.com/l/message/<channel>/<message>); a personal chat message gets none.
  const messageUrl = (ref: string): string | undefined => {
    const parsed = parseTeamsRef(ref);
    if (!parsed) return undefined;
    const channel = channelOf(parsed.conversationId);
    if (!channel.startsWith("19:")) return undefined;
    const root = threadRootOf(parsed.conversationId) ?? parsed.activityId;
    return `https://teams.microsoft.com/l/message/${encodeURIComponent(channel)}/${parsed.activityId}?tenantId=${settings.TEAMS_TENANT_ID}&parentMessageId=${root}`;
  };

  const delivery = createTeamsDelivery({
    http: app.api.http,
    database: deps.database,
    clock: deps.clock,
    logger,
    conversations,
    pauses: new RateLimitPauses(TEAMS_PLATFORM, deps.database, deps.clock),
    tenantId: settings.TEAMS_TENANT_ID,
    defaultServiceUrl: serviceUrl,
    defaultLocale,
    channels: { dpo: settings.TEAMS_DPO_CHANNEL_ID, management: settings.TEAMS_MANAGEMENT_CHANNEL_ID },
    messageContext: {
      database: deps.database,
      register: deps.register,
      roles: deps.roles,
      organisation: deps.organisation,
      nameOf: async (person) => {
        const objectId = teamsObjectIdOf(person);
        return objectId ? conversations.nameOf(objectId) : undefined;
      },
    },
    cardContext,
    messageUrl,
  });

  registerTeamsListeners(app, {
    ...deps,
    conversations,
    delivery,
    defaultLocale,
    channels: { dpo: settings.TEAMS_DPO_CHANNEL_ID, management: settings.TEAMS_MANAGEMENT_CHANNEL_ID },
    dialogContext,
    wakeOutbox: wake,
    commandDeps: { ...deps, commands: () => COMMANDS },
  });

  const outbox = new OutboxWorker({
    platform: TEAMS_PLATFORM,
    database: deps.database,
    clock: deps.clock,
    logger: logger.child({ component: "outbox" }),
    deliver: delivery.deliver,
    classifyFailure: classifyTeamsFailure,
    onFailure: (message, failure) => metrics.outboxFailures.inc({ kind: message.kind, failure: failure.kind }),
    onParked: (message) => metrics.outboxParked.inc({ kind: message.kind }),
  });

  const route = adapter.route(TEAMS_MESSAGING_PATH);
  let server: Server | undefined;
  front = {
    app,
    outbox,
    conversations,
    route,
    wake() {
      void outbox.kick();
    },
    async start() {
      // The credentials are checked once at start: refused, the start stops with the settings named;
      // Entra ID unreachable is a warning (the outbox catches up when it is back).
      try {
        await connectorToken();
      } catch (error) {
        if (error instanceof TeamsTokenError && error.status < 500) throw new TeamsSetupError(error.message);
        logger.warn(
          { error: (error as Error).message },
          "Entra ID could not be reached at start; Teams messages go out when it is back",
        );
      }
      await conversations.loadNames();
      await app.initialize();
      let port: number | undefined;
      if (options.standaloneRoutes) {
        server = await listen(settings.PORT, [route, ...options.standaloneRoutes]);
        port = (server.address() as AddressInfo).port;
      }
      outbox.start(options.intervalMs);
      logger.info({ port }, "Teams front end started");
      return port === undefined ? {} : { port };
    },
    async stop() {
      await outbox.stop();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      server?.closeAllConnections();
    },
  };
  return front;
}

/** A small server for a Teams-only install: the messaging endpoint, /healthz and /metrics. */
async function listen(port: number, routes: TRoute[]): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routes.find((candidate) => candidate.path === path && candidate.method.includes(request.method ?? ""));
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    route.handler(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  return server;
}
