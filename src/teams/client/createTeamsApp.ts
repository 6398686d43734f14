// The one place the Teams SDK's App is made. It validates every incoming
// activity's JWT against the Bot Framework's published keys (never off), and
// carries the bot's token on every Connector call. The token comes from
// Entra ID's client-credentials endpoint of the organisation's own tenant
// (a single-tenant app registration), fetched here and cached until shortly
// before it expires: the SDK's own MSAL path refuses any authority but
// Microsoft's, so a local stand-in could not be used in tests.
import { App } from "@microsoft/teams.apps";
import { PUBLIC, withOverrides } from "@microsoft/teams.api";
import type { ILogger } from "@microsoft/teams.common";
import type { Logger } from "pino";
import type { TTeamsSettings } from "../../settings/loadSettings.ts";
import { TeamsHttpAdapter } from "../http/TeamsHttpAdapter.ts";

/** Teams' global service URL, for proactive messages before Teams named the region's (the SDK's default too). */
export const DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams/";
/** A token is renewed this long before it expires, so no call carries one that dies on the way. */
const TOKEN_RENEW_BEFORE_MS = 5 * 60 * 1000;
/** A hung Connector call must not hold a delivery round for minutes. */
const CALL_TIMEOUT_MS = 10_000;

export interface TTeamsApp {
  app: App;
  adapter: TeamsHttpAdapter;
  serviceUrl: string;
  /** The bot's token for the Connector (cached); throws TeamsTokenError when Entra ID refuses the credentials. */
  connectorToken: () => Promise<string>;
}

export function createTeamsApp(settings: TTeamsSettings, logger: Logger): TTeamsApp {
  const adapter = new TeamsHttpAdapter();
  const loginUrl = (settings.TEAMS_LOGIN_URL ?? PUBLIC.loginEndpoint).replace(/\/$/, "");
  const serviceUrl = settings.TEAMS_SERVICE_URL ?? DEFAULT_SERVICE_URL;
  const tokens = new Map<string, { token: string; renewAt: number }>();
  const fetchToken = async (scope: string | string[]): Promise<string> => {
    const wanted = Array.isArray(scope) ? scope.join(" ") : scope;
    const cached = tokens.get(wanted);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const response = await fetch(`${loginUrl}/${settings.TEAMS_TENANT_ID}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: settings.TEAMS_APP_ID,
        client_secret: settings.TEAMS_APP_PASSWORD,
        scope: wanted,
      }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string; error_codes?: number[] };
      throw new TeamsTokenError(response.status, body.error ?? "unknown", body.error_codes?.[0]);
    }
    const body = (await response.json()) as { access_token: string; expires_in: number };
    tokens.set(wanted, { token: body.access_token, renewAt: Date.now() + body.expires_in * 1000 - TOKEN_RENEW_BEFORE_MS });
    return body.access_token;
  };
  const app = new App({
    clientId: settings.TEAMS_APP_ID,
    tenantId: settings.TEAMS_TENANT_ID,
    token: (scope) => fetchToken(scope),
    serviceUrl,
    cloud: withOverrides(PUBLIC, {
      loginEndpoint: loginUrl,
      ...(settings.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: settings.TEAMS_OPENID_METADATA_URL } : {}),
      ...(settings.TEAMS_TOKEN_SERVICE_URL ? { tokenServiceUrl: settings.TEAMS_TOKEN_SERVICE_URL } : {}),
    }),
    httpServerAdapter: adapter,
    client: { timeout: CALL_TIMEOUT_MS },
    logger: sdkLogger(logger.child({ component: "teams-sdk" })),
  });
  return { app, adapter, serviceUrl, connectorToken: () => fetchToken(PUBLIC.botScope) };
}

/** Entra ID refused the bot's credentials: the message names the setting to check. */
export class TeamsTokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number | undefined,
  ) {
    super(
      `Entra ID refused the bot's credentials (${error}${code ? `, AADSTS${code}` : ""}): check TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID`,
    );
  }
}

/** The SDK's logger interface over pino; the SDK's debug chatter stays at debug. */
function sdkLogger(logger: Logger): ILogger {
  const text = (msg: unknown[]) =>
    msg.map((part) => (part instanceof Error ? part.message : typeof part === "string" ? part : JSON.stringify(part))).join(" ");
  const make = (target: Logger): ILogger => ({
    debug: (...msg: unknown[]) => target.debug(text(msg)),
    info: (...msg: unknown[]) => target.debug(text(msg)),
    warn: (...msg: unknown[]) => target.warn(text(msg)),
    error: (...msg: unknown[]) => target.error(text(msg)),
    trace: (...msg: unknown[]) => target.trace(text(msg)),
    log: (level, ...msg: unknown[]) => target[level === "info" ? "debug" : level](text(msg)),
    child: (name: string) => make(target.child({ sdk: name })),
  });
  return make(logger);
}
