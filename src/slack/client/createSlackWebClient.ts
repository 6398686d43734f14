// The one place a Slack Web API client for the bot's own work is made: the
// outbox, the App Home refresher, locale look-ups, uploads and the start-up
// checks. It carries the bot token itself. Bolt's `app.client` does not:
// with our own `authorize` Bolt builds it without a token, and every call
// made with it outside a request is refused by Slack with `not_authed`.
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Logger } from "pino";
import { boltLogger } from "../../logging/createLogger.ts";
import { createSlackFetch } from "./slackFetch.ts";

export interface TSlackClientSettings {
  SLACK_BOT_TOKEN: string;
  SLACK_API_URL?: string | undefined;
}

// One transport for every client in the process: idle connections are shared and unreferenced.
let sharedSlackFetch: typeof fetch | undefined;

/** Options shared by every client the bot makes (the base URL, the logger, the transport). */
export function slackClientOptions(settings: Pick<TSlackClientSettings, "SLACK_API_URL">, logger: Logger): WebClientOptions {
  return {
    ...(settings.SLACK_API_URL ? { slackApiUrl: settings.SLACK_API_URL } : {}),
    logger: boltLogger(logger.child({ component: "slack-client" })),
    fetch: (sharedSlackFetch ??= createSlackFetch()),
  };
}

/**
 * The client for background work. It does not retry by itself and does not
 * wait out rate limits: the outbox owns retries, back-off and Retry-After,
 * durably, so one slow call never holds a delivery round.
 */
export function createSlackWebClient(settings: TSlackClientSettings, logger: Logger): WebClient {
  return new WebClient(settings.SLACK_BOT_TOKEN, {
    ...slackClientOptions(settings, logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // A hung connection must not hold a delivery round for minutes.
    timeout: 10_000,
  });
}
