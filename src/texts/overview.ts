// The overview (Slack: the App Home tab; Teams: the card in the personal
// chat), and the status and list commands that answer from the same data.
import { defineLabels, defineTexts } from "../core/text/defineTexts.ts";
import type { TNextStep } from "../features/overview/loadOverview.ts";

const nextSteps = defineLabels<TNextStep>({
  nl: {
    take: "Oppakken",
    assess_and_decide: "Checklist invullen en besluit over melden vastleggen",
    measures_and_close: "Maatregelen vastleggen en afsluiten",
  },
  en: {
    take: "Take it",
    assess_and_decide: "Complete the checklist and record the notification decision",
    measures_and_close: "Record measures and close",
  },
});

export const overviewTexts = defineTexts({
  nl: {
    title: "Datalek",
    reportButton: "🚨 Datalek melden",
    reportIntro:
      "Gaat er iets mis met persoonsgegevens? Meld het meteen; het kost minder dan een minuut. Twijfel je? Meld het toch.",
    openIncidents: (p: { count: number }) => `Open incidenten (${p.count})`,
    noOpenIncidents: "Geen open incidenten. 🎉",
    more: (p: { count: number }) => `en nog ${p.count} meer: zie /datalek lijst.`,
    ownReports: "Jouw meldingen",
    noOwnReports: "Je hebt nog niets gemeld.",
    summary: "Overzicht",
    nextStep: "Volgende stap: ",
    openThread: "Naar de thread",
    overdue: "TE LAAT",
    deadline: "deadline ",
    handledBy: " · behandelaar ",
    updated: (p: { when: string }) => `Bijgewerkt: ${p.when}`,
    summaryOpen: "Open",
    summaryOverdue: "Te laat (geen besluit)",
    summaryAwaiting: "Wacht op besluit",
    summaryNotified: "Gemeld bij de AP",
    summaryClosed: "Afgesloten",
    summaryTotal: "Totaal in het register",
    parked: (p: { count: number; errors: string }) =>
      `⚠️ ${p.count} ${p.count === 1 ? "bericht kon" : "berichten konden"} niet worden afgeleverd (${p.errors}). Los de oorzaak op (bijvoorbeeld /invite @Datalek in het kanaal, of een nieuw token) en verstuur ze dan opnieuw.`,
    parkedRetry: "Opnieuw versturen",
    nextSteps: nextSteps.nl,
  },
  en: {
    title: "Data breach",
    reportButton: "🚨 Report a data breach",
    reportIntro:
      "Something went wrong with personal data? Report it at once; it takes less than a minute. In doubt? Report it anyway.",
    openIncidents: (p: { count: number }) => `Open incidents (${p.count})`,
    noOpenIncidents: "No open incidents. 🎉",
    more: (p: { count: number }) => `and ${p.count} more: see /datalek list.`,
    ownReports: "Your reports",
    noOwnReports: "You have not reported anything yet.",
    summary: "Summary",
    nextStep: "Next step: ",
    openThread: "Open the thread",
    overdue: "OVERDUE",
    deadline: "deadline ",
    handledBy: " · handled by ",
    updated: (p: { when: string }) => `Updated: ${p.when}`,
    summaryOpen: "Open",
    summaryOverdue: "Overdue (no decision)",
    summaryAwaiting: "Awaiting a decision",
    summaryNotified: "Notified to the AP",
    summaryClosed: "Closed",
    summaryTotal: "Total in the register",
    parked: (p: { count: number; errors: string }) =>
      `⚠️ ${p.count} ${p.count === 1 ? "message" : "messages"} could not be delivered (${p.errors}). Fix the cause (for example /invite @Datalek in the channel, or a new token), then send them again.`,
    parkedRetry: "Send again",
    nextSteps: nextSteps.en,
  },
});
