// A part of the text catalogue: the Dutch texts and their English
// translation, which must have exactly the same keys and the same
// parameters. A key missing (or extra) in one language does not compile.
import type { TLocale } from "./locale.ts";

export type TBilingual<T> = { readonly nl: T; readonly en: T };

export function defineTexts<T>(texts: { nl: T; en: NoInfer<T> }): TBilingual<T> {
  return texts;
}

/** A label per value of a closed set (levels, decisions, statuses): a value without a label does not compile. */
export function defineLabels<K extends string>(labels: {
  nl: Record<K, string>;
  en: Record<K, string>;
}): TBilingual<Record<K, string>> {
  return labels;
}

export function pick<T>(texts: TBilingual<T>, locale: TLocale): T {
  return texts[locale];
}
