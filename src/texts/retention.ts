// Retention reviews: the nudge to a system's owner to remove what is past
// its term (with done and snooze buttons), the answer, and the escalation
// to management when nobody confirms.
import { defineTexts } from "../core/text/defineTexts.ts";
import { person, strong, type TRichText } from "../core/text/richText.ts";
import type { TPersonId } from "../core/people/person.ts";

/** A period of a review cadence, as the feature reads it from its key (2026-11, 2026-Q4, 2026-H2, 2026). */
export type TPeriodParts =
  | { cadence: "monthly"; year: number; month: number }
  | { cadence: "quarterly" | "half_yearly"; year: number; part: number }
  | { cadence: "yearly"; year: number }
  | { cadence: "unknown"; key: string };

const NL_MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function nlPeriod(p: TPeriodParts): string {
  switch (p.cadence) {
    case "monthly":
      return `${NL_MONTHS[p.month - 1] ?? p.month} ${p.year}`;
    case "quarterly":
      return `${p.part}e kwartaal ${p.year}`;
    case "half_yearly":
      return `${p.part}e halfjaar ${p.year}`;
    case "yearly":
      return String(p.year);
    case "unknown":
      return p.key;
  }
}

function enPeriod(p: TPeriodParts): string {
  switch (p.cadence) {
    case "monthly":
      return `${EN_MONTHS[p.month - 1] ?? p.month} ${p.year}`;
    case "quarterly":
      return `Q${p.part} ${p.year}`;
    case "half_yearly":
      return `${p.part === 1 ? "first" : "second"} half of ${p.year}`;
    case "yearly":
      return String(p.year);
    case "unknown":
      return p.key;
  }
}

const nlDays = (days: number) => (days === 1 ? "1 dag" : `${days} dagen`);
const enDays = (days: number) => (days === 1 ? "1 day" : `${days} days`);

export const retentionTexts = defineTexts({
  nl: {
    period: nlPeriod,
    title: (p: { system: string; period: string }) => `Bewaartermijn-controle ${p.system} (${p.period})`,
    nudge: {
      summary: (p: { system: string }) => `Bewaartermijn-controle ${p.system}: verwijder wat over de termijn is`,
      first: "🧹 ",
      reminder: "⏰ Herinnering: ",
      remove: (p: { system: string; action: string }): TRichText => ["Verwijder nu uit ", strong(p.system), `: ${p.action}.`],
      term: (p: { retention: string; cadence: string }) =>
        `Bewaartermijn volgens het register: ${p.retention} (controle ${p.cadence}).`,
      defaultAction: "gegevens die de bewaartermijn voorbij zijn",
      unknownTerm: "niet in het register",
      done: "Gedaan",
      snoozeDay: "Herinner me morgen",
      snoozeWeek: "Herinner me volgende week",
    },
    answered: {
      done: (p: { title: string; by: TPersonId; when: string }): TRichText => [
        "✅ ",
        strong(p.title),
        " afgerond door ",
        person(p.by),
        ` op ${p.when}.`,
      ],
      snoozed: (p: { title: string; until: string }): TRichText => [
        "⏰ ",
        strong(p.title),
        `: ik herinner je er op ${p.until} weer aan.`,
      ],
    },
    escalation: {
      summary: (p: { title: string }) => `${p.title} is nog niet bevestigd`,
      text: (p: { title: string; days: number; owner: TPersonId; firstNudge: string; action: string }): TRichText => [
        "⚠️ ",
        strong(p.title),
        ` is na ${nlDays(p.days)} nog niet bevestigd door `,
        person(p.owner),
        ` (eerste herinnering ${p.firstNudge}). Wat verwijderd moet worden: ${p.action}.`,
      ],
    },
  },
  en: {
    period: enPeriod,
    title: (p: { system: string; period: string }) => `Retention review ${p.system} (${p.period})`,
    nudge: {
      summary: (p: { system: string }) => `Retention review ${p.system}: remove what is past its term`,
      first: "🧹 ",
      reminder: "⏰ Reminder: ",
      remove: (p: { system: string; action: string }): TRichText => ["Remove from ", strong(p.system), ` now: ${p.action}.`],
      term: (p: { retention: string; cadence: string }) =>
        `Retention term in the register: ${p.retention} (reviewed ${p.cadence}).`,
      defaultAction: "data past its retention term",
      unknownTerm: "not in the register",
      done: "Done",
      snoozeDay: "Remind me tomorrow",
      snoozeWeek: "Remind me next week",
    },
    answered: {
      done: (p: { title: string; by: TPersonId; when: string }): TRichText => [
        "✅ ",
        strong(p.title),
        " completed by ",
        person(p.by),
        ` on ${p.when}.`,
      ],
      snoozed: (p: { title: string; until: string }): TRichText => ["⏰ ", strong(p.title), `: I will remind you on ${p.until}.`],
    },
    escalation: {
      summary: (p: { title: string }) => `${p.title} has not been confirmed`,
      text: (p: { title: string; days: number; owner: TPersonId; firstNudge: string; action: string }): TRichText => [
        "⚠️ ",
        strong(p.title),
        ` has not been confirmed by `,
        person(p.owner),
        ` after ${enDays(p.days)} (first nudge ${p.firstNudge}). To remove: ${p.action}.`,
      ],
    },
  },
});
