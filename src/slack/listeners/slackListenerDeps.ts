// What every Slack listener may be given: the features' dependencies, the
// client that carries the bot token, the people's languages, and a way to
// wake the outbox. Each listener declares the part it uses.
import type { WebClient } from "@slack/web-api";
import type { TFeatureDeps } from "../../features/featureDeps.ts";
import type { HomeTabViewers } from "../home/homeTabViewers.ts";
import type { SlackLocales } from "../locale/SlackLocales.ts";

export interface TSlackListenerDeps extends TFeatureDeps {
  client: WebClient;
  locales: SlackLocales;
  /** Asks the outbox (and the Home refresher) to run now. */
  wakeOutbox: () => void;
  /** Who opened the App Home tab (only their tabs are kept up to date). */
  homeTabViewers: HomeTabViewers;
  /** What the commands after /datalek are given. */
  commandDeps: unknown;
}
