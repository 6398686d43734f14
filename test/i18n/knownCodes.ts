// Every code the bot stores that a person could be shown by mistake (a
// status, a decision, a level, a timeline kind, an answer value, a refusal
// reason, a notification kind), and a check that finds any of them written
// out in what a person reads. Shared by the label test and the demo test.
import { DECISIONS, INCIDENT_STATUSES } from "../../src/core/incidents/decisions.ts";
import { REFUSAL_REASONS, TIMELINE_KINDS } from "../../src/core/incidents/timelineKinds.ts";
import { ASSESSMENT_LEVELS, EXEMPTIONS } from "../../src/features/checklist/assessmentLevels.ts";
import { QUESTION_IDS } from "../../src/features/checklist/questions.ts";
import { CSV_COLUMNS } from "../../src/features/export/csvColumns.ts";
import { ART34_GROUNDS } from "../../src/features/measures/closingRules.ts";
import { AP_NOTIFICATION_KINDS, SUBJECT_NOTICE_METHODS } from "../../src/features/notifications/notificationCodes.ts";
import { textsFor } from "../../src/texts/index.ts";
import type { TLocale } from "../../src/core/text/locale.ts";

/** Codes that are also ordinary Dutch words, so a Dutch text may hold them. */
const DUTCH_WORDS = new Set(["permanent", "maximum", "letter", "status"]);

const answerValues = Object.values(textsFor("nl").questions.values).flatMap((values) => Object.keys(values));

export const KNOWN_CODES: readonly string[] = [
  ...new Set([
    ...TIMELINE_KINDS,
    ...REFUSAL_REASONS,
    ...DECISIONS,
    ...INCIDENT_STATUSES,
    ...ASSESSMENT_LEVELS,
    ...EXEMPTIONS,
    ...ART34_GROUNDS,
    ...QUESTION_IDS,
    ...answerValues,
    ...AP_NOTIFICATION_KINDS,
    ...SUBJECT_NOTICE_METHODS,
    ...CSV_COLUMNS,
    ...Object.keys(textsFor("nl").notices),
  ]),
];

/**
 * The codes written out in a text a person reads. In Dutch every code
 * counts (they are English words or have underscores); in English only
 * codes with an underscore, since "closed" or "risk" are words there. Person
 * ids (slack:U…) count in both: people are named.
 */
export function untranslatedCodes(text: string, locale: TLocale): string[] {
  const found = KNOWN_CODES.filter((code) => (locale === "nl" ? !DUTCH_WORDS.has(code) : code.includes("_"))).filter((code) =>
    new RegExp(`(?<![\\p{L}\\d_-])${code}(?![\\p{L}\\d_-])`, "u").test(text),
  );
  const people = text.match(/\bslack:[UW][A-Z0-9]+/g) ?? [];
  return [...found, ...people];
}
