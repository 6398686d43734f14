// Words only the Teams front end says: the card that opens the report
// dialog, the button beside a choice in a card, the answers to a click
// (Teams shows them where the person clicked), file consent, and the app
// package's descriptions.
import { defineTexts } from "../core/text/defineTexts.ts";

export const teamsTexts = defineTexts({
  nl: {
    reportCardIntro: "Gaat er iets mis met persoonsgegevens? Meld het meteen; het kost minder dan een minuut.",
    save: "Opslaan",
    shortened: "Dit bericht is ingekort om binnen de grenzen van Teams te blijven; alles staat in de details.",
    clickDone: "Verwerkt.",
    clickAnsweredInChat: "Verwerkt. Lukte het niet, dan lees je waarom in je chat met de bot.",
    formRefusedInChat: "Dat kan nu niet; je leest waarom in je chat met de bot.",
    unknownCommand: "Dat ken ik niet.",
    fileAccepted: (p: { name: string }) => `${p.name} staat in je OneDrive.`,
    fileDeclined: (p: { name: string }) => `${p.name} is niet opgeslagen. Vraag het opnieuw aan als je het toch wilt.`,
    fileGone: "Dit bestand is niet meer beschikbaar.",
    welcome: "Welkom bij de datalekbot. Typ 'datalek' om een datalek te melden, of 'help' voor wat ik nog meer kan.",
    packageShort: "Datalekken melden en afhandelen",
    packageFull:
      "Meld een datalek in een minuut. De privacy officers krijgen het meteen, met de 72-uurstermijn, de checklist, herinneringen en concepten voor de melding bij de AP.",
    commandReport: "Een datalek melden",
    commandStatus: "De stand van een incident of van alles",
    commandOverview: "Jouw overzicht",
    commandHelp: "Wat de bot kan",
    extensionTitle: "Datalek melden",
    extensionDescription: "Meld een datalek vanuit elk gesprek",
  },
  en: {
    reportCardIntro: "Something went wrong with personal data? Report it right away; it takes less than a minute.",
    save: "Save",
    shortened: "This message was shortened to stay within Teams' limits; the details have everything.",
    clickDone: "Done.",
    clickAnsweredInChat: "Done. If it did not work, your chat with the bot says why.",
    formRefusedInChat: "That is not possible now; your chat with the bot says why.",
    unknownCommand: "I do not know that.",
    fileAccepted: (p: { name: string }) => `${p.name} is in your OneDrive.`,
    fileDeclined: (p: { name: string }) => `${p.name} was not saved. Ask for it again if you do want it.`,
    fileGone: "This file is no longer available.",
    welcome: "Welcome to the data breach bot. Type 'datalek' to report a data breach, or 'help' for what else I can do.",
    packageShort: "Report and handle data breaches",
    packageFull:
      "Report a data breach in a minute. The privacy officers get it at once, with the 72-hour deadline, the checklist, reminders and drafts for the notification to the Dutch DPA.",
    commandReport: "Report a data breach",
    commandStatus: "The state of one incident or of all",
    commandOverview: "Your overview",
    commandHelp: "What the bot can do",
    extensionTitle: "Report a data breach",
    extensionDescription: "Report a data breach from any chat",
  },
});
