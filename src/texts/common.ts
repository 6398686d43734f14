// Words many parts of the bot use: time left, yes and no, who did it.
import { defineTexts } from "../core/text/defineTexts.ts";
import type { TTimeLeft } from "../core/time/deadlines.ts";

function dutchSpan(hours: number, minutes: number): string {
  const h = `${hours} uur`;
  const m = `${minutes} ${minutes === 1 ? "minuut" : "minuten"}`;
  if (hours === 0) return m;
  return minutes === 0 ? h : `${h} en ${m}`;
}

function englishSpan(hours: number, minutes: number): string {
  const h = `${hours} ${hours === 1 ? "hour" : "hours"}`;
  const m = `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  if (hours === 0) return m;
  return minutes === 0 ? h : `${h} ${m}`;
}

export const commonTexts = defineTexts({
  nl: {
    /** "nog 29 minuten", "nog 3 uur en 5 minuten", "1 uur te laat", "nu verlopen". */
    timeLeft: (left: TTimeLeft) =>
      left.totalMinutes === 0
        ? "nu verlopen"
        : left.overdue
          ? `${dutchSpan(left.hours, left.minutes)} te laat`
          : `nog ${dutchSpan(left.hours, left.minutes)}`,
    yes: "Ja",
    no: "Nee",
    unknown: "Weet ik niet",
    notAnswered: "Nog niet beantwoord",
    theBot: "de bot",
    theCommandLine: "de beheerder (opdrachtregel)",
    someone: "iemand",
    and: "en",
  },
  en: {
    timeLeft: (left: TTimeLeft) =>
      left.totalMinutes === 0
        ? "due now"
        : left.overdue
          ? `${englishSpan(left.hours, left.minutes)} overdue`
          : `${englishSpan(left.hours, left.minutes)} left`,
    yes: "Yes",
    no: "No",
    unknown: "I don't know",
    notAnswered: "Not answered yet",
    theBot: "the bot",
    theCommandLine: "the administrator (command line)",
    someone: "someone",
    and: "and",
  },
});
