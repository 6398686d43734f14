// The text catalogue: every word a person reads, Dutch and English, one
// file per part of the product. `textsFor(locale)` is what the features use.
import type { TLocale } from "../core/text/locale.ts";
import { commonTexts } from "./common.ts";
import { helpTexts } from "./help.ts";
import { noticeTexts } from "./notices.ts";
import { questionTexts } from "./questions.ts";
import { reportTexts } from "./report.ts";
import { pagingTexts } from "./paging.ts";
import { vocabularyTexts } from "./vocabulary.ts";
import { setupTexts } from "./setup.ts";
import { overviewTexts } from "./overview.ts";
import { registerTexts } from "./register.ts";
import { checklistTexts } from "./checklist.ts";
import { countdownTexts } from "./countdown.ts";
import { notificationsTexts } from "./notifications.ts";
import { measuresTexts } from "./measures.ts";
import { evaluationTexts } from "./evaluation.ts";
import { retentionTexts } from "./retention.ts";
import { digestTexts } from "./digest.ts";
import { auditTexts } from "./audit.ts";
import { exportTexts } from "./export.ts";
import { teamsTexts } from "./teams.ts";

export const CATALOGUE = {
  common: commonTexts,
  help: helpTexts,
  notices: noticeTexts,
  questions: questionTexts,
  report: reportTexts,
  paging: pagingTexts,
  vocabulary: vocabularyTexts,
  setup: setupTexts,
  overview: overviewTexts,
  register: registerTexts,
  checklist: checklistTexts,
  countdown: countdownTexts,
  notifications: notificationsTexts,
  measures: measuresTexts,
  evaluation: evaluationTexts,
  retention: retentionTexts,
  digest: digestTexts,
  audit: auditTexts,
  export: exportTexts,
  teams: teamsTexts,
} as const;

export type TTexts = { readonly [Area in keyof typeof CATALOGUE]: (typeof CATALOGUE)[Area]["nl"] };

function build(locale: TLocale): TTexts {
  return Object.fromEntries(Object.entries(CATALOGUE).map(([area, texts]) => [area, texts[locale]])) as unknown as TTexts;
}

const BY_LOCALE: Record<TLocale, TTexts> = { nl: build("nl"), en: build("en") };

export function textsFor(locale: TLocale): TTexts {
  return BY_LOCALE[locale];
}
