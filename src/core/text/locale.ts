// The interface speaks Dutch first and English second.
export const LOCALES = ["nl", "en"] as const;
export type TLocale = (typeof LOCALES)[number];

/** Maps a platform's locale ("en-US", "nl-NL") to the bot's languages; any other language gets English. */
export function toBotLocale(platformLocale: string | undefined, fallback: TLocale): TLocale {
  if (!platformLocale) return fallback;
  const language = platformLocale.toLowerCase().split(/[-_]/)[0];
  return language === "nl" ? "nl" : "en";
}
