// Instants are stored in UTC and shown in the organisation's zone
// (Europe/Amsterdam by default).
import { DateTime } from "luxon";

import type { TLocale } from "../../assessment/questions.ts";

export type { TLocale };

/** "di 27 okt 2026 09:00" / "Tue 27 Oct 2026 09:00" */
export function formatLocal(at: Date, zone: string, locale: TLocale): string {
  return DateTime.fromJSDate(at, { zone })
    .setLocale(locale === "nl" ? "nl-NL" : "en-GB")
    .toFormat("ccc d LLL yyyy HH:mm");
}

/** The calendar year in the organisation's zone. */
export function localYear(at: Date, zone: string): number {
  return DateTime.fromJSDate(at, { zone }).year;
}
