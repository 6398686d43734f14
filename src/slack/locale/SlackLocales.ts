// Which language to speak to one person: their Slack locale (users.info with
// include_locale), cached in memory for a while, else DEFAULT_LOCALE. The
// acknowledgement path never waits on Slack for it: it reads the cache only
// and refreshes it in the background for next time.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { toBotLocale, type TLocale } from "../../core/text/locale.ts";

/** How long a looked-up locale is trusted before it is asked again. */
export const LOCALE_TTL_MS = 10 * 60_000;
/** The longest a delivery waits for users.info before using the default. */
const LOOKUP_TIMEOUT_MS = 1500;

interface TCacheEntry {
  locale: TLocale;
  /** Wall-clock milliseconds (not the bot's clock: a test's frozen clock must not freeze the cache). */
  fetchedAt: number;
}

export class SlackLocales {
  private readonly cache = new Map<string, TCacheEntry>();
  private readonly inFlight = new Map<string, Promise<TLocale>>();

  constructor(
    private readonly client: WebClient,
    readonly defaultLocale: TLocale,
    private readonly logger: Logger,
  ) {}

  private fetch(userId: string): Promise<TLocale> {
    const pending = this.inFlight.get(userId);
    if (pending) return pending;
    const request = (async () => {
      try {
        const answer = await this.client.users.info({ user: userId, include_locale: true });
        const locale = toBotLocale((answer.user as { locale?: string } | undefined)?.locale, this.defaultLocale);
        this.cache.set(userId, { locale, fetchedAt: Date.now() });
        return locale;
      } catch (error) {
        this.logger.debug({ error: (error as Error).message }, "users.info for locale failed; using the default");
        return this.cache.get(userId)?.locale ?? this.defaultLocale;
      } finally {
        this.inFlight.delete(userId);
      }
    })();
    this.inFlight.set(userId, request);
    return request;
  }

  /** For deliveries and views: asks Slack when the cache has nothing fresh, but never waits longer than a moment. */
  async of(userId: string): Promise<TLocale> {
    const cached = this.cache.get(userId);
    if (cached && Date.now() - cached.fetchedAt < LOCALE_TTL_MS) return cached.locale;
    const fallback = cached?.locale ?? this.defaultLocale;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<TLocale>((resolve) => {
      timer = setTimeout(() => resolve(fallback), LOOKUP_TIMEOUT_MS);
      timer.unref();
    });
    try {
      return await Promise.race([this.fetch(userId), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** For the acknowledgement path: the cached locale or the default, at once; refreshed in the background. */
  cached(userId: string): TLocale {
    const cached = this.cache.get(userId);
    if (!cached || Date.now() - cached.fetchedAt >= LOCALE_TTL_MS) void this.fetch(userId);
    return cached?.locale ?? this.defaultLocale;
  }
}
