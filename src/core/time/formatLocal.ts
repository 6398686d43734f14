// Instants are stored in UTC and shown in the organisation's zone
// (Europe/Amsterdam by default).
import { DateTime } from "luxon";
import type { TLocale } from "../text/locale.ts";

const LUXON_LOCALE: Record<TLocale, string> = { nl: "nl-NL", en: "en-GB" };

/** Instants already shown: a report's messages show the same few instants many times, and each formatting asks Intl anew. */
const FORMATTED = new Map<string, string>();
const FORMATTED_LIMIT = 2_000;

/** "di 27 okt 2026 09:00" / "Tue 27 Oct 2026 09:00" */
export function formatLocal(at: Date, zone: string, locale: TLocale): string {
  const key = `${at.getTime()} ${zone} ${locale}`;
  let text = FORMATTED.get(key);
  if (text === undefined) {
    text = DateTime.fromJSDate(at, { zone }).setLocale(LUXON_LOCALE[locale]).toFormat("ccc d LLL yyyy HH:mm");
    if (FORMATTED.size >= FORMATTED_LIMIT) FORMATTED.clear();
    FORMATTED.set(key, text);
  }
  return text;
}

/** "di 27 okt 2026" / "Tue 27 Oct 2026", for a local calendar day (yyyy-MM-dd). */
export function formatLocalDay(day: string, locale: TLocale): string {
  return DateTime.fromISO(day).setLocale(LUXON_LOCALE[locale]).toFormat("ccc d LLL yyyy");
}

/** The calendar year in the organisation's zone. */
export function localYear(at: Date, zone: string): number {
  return DateTime.fromJSDate(at, { zone }).year;
}

/** Whole numbers as the reader writes them: 20.000 in Dutch, 20,000 in English. */
export function formatNumber(value: number, locale: TLocale): string {
  return value.toLocaleString(LUXON_LOCALE[locale]);
}
