// Which language to speak to one person: their Slack locale (users.info with
// include_locale), cached in memory for a short time, falling back to the
// DEFAULT_LOCALE setting. The slash-command ack path must never wait on
// Slack for this, so it reads the cache only (`cachedLocaleFor`) and the
// lookup is refreshed in the background for next time.
import type { WebClient } from "@slack/web-api";
import type { TBotContext } from "../../app/botContext.ts";
import type { TLocale } from "../../assessment/questions.ts";

/** How long a looked-up locale is trusted before it is asked again. */
export const LOCALE_TTL_MS = 10 * 60_000;
/** The longest a delivery waits for users.info before using the default. */
const LOOKUP_TIMEOUT_MS = 1500;

interface TCacheEntry {
  locale: TLocale;
  /** Wall-clock milliseconds (not the bot's clock: a test's frozen clock must not freeze the cache). */
  fetchedAt: number;
}

interface TLocaleLookup {
  client: WebClient;
  cache: Map<string, TCacheEntry>;
  inFlight: Map<string, Promise<TLocale>>;
}

// One lookup per bot context, so two bots in one process (tests, replicas) do not share a cache.
const lookups = new WeakMap<TBotContext, TLocaleLookup>();

/** Called once by createBot: the client to ask users.info with. */
export function attachLocaleLookup(context: TBotContext, client: WebClient): void {
  lookups.set(context, { client, cache: new Map(), inFlight: new Map() });
}

/** Maps a Slack locale such as "en-US" or "nl-NL" to the bot's languages. */
export function toBotLocale(slackLocale: string | undefined, fallback: TLocale): TLocale {
  if (!slackLocale) return fallback;
  const language = slackLocale.toLowerCase().split(/[-_]/)[0];
  if (language === "nl") return "nl";
  if (language === "en") return "en";
  // Any other language: English is the better guess for a non-Dutch speaker.
  return "en";
}

function fetchLocale(context: TBotContext, lookup: TLocaleLookup, userId: string): Promise<TLocale> {
  const pending = lookup.inFlight.get(userId);
  if (pending) return pending;
  const request = (async () => {
    try {
      const answer = await lookup.client.users.info({ user: userId, include_locale: true });
      const locale = toBotLocale((answer.user as { locale?: string } | undefined)?.locale, context.locale);
      lookup.cache.set(userId, { locale, fetchedAt: Date.now() });
      return locale;
    } catch (error) {
      context.logger.debug({ error: (error as Error).message }, "users.info for locale failed; using the default");
      return lookup.cache.get(userId)?.locale ?? context.locale;
    } finally {
      lookup.inFlight.delete(userId);
    }
  })();
  lookup.inFlight.set(userId, request);
  return request;
}

/**
 * The locale for one person, for messages that are not on the ack path
 * (deliveries, home views). Asks Slack when the cache has nothing fresh,
 * but never waits longer than LOOKUP_TIMEOUT_MS.
 */
export async function localeFor(context: TBotContext, userId: string): Promise<TLocale> {
  const lookup = lookups.get(context);
  if (!lookup) return context.locale;
  const cached = lookup.cache.get(userId);
  if (cached && Date.now() - cached.fetchedAt < LOCALE_TTL_MS) return cached.locale;
  const fallback = cached?.locale ?? context.locale;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<TLocale>((resolve) => {
    timer = setTimeout(() => resolve(fallback), LOOKUP_TIMEOUT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([fetchLocale(context, lookup, userId), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** For the ack path: the cached locale or the default, at once; refreshes in the background. */
export function cachedLocaleFor(context: TBotContext, userId: string): TLocale {
  const lookup = lookups.get(context);
  if (!lookup) return context.locale;
  const cached = lookup.cache.get(userId);
  if (!cached || Date.now() - cached.fetchedAt >= LOCALE_TTL_MS) void fetchLocale(context, lookup, userId);
  return cached?.locale ?? context.locale;
}
