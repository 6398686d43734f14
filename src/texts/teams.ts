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
    demo: {
      intro: [
        "datalek-bot demo in Microsoft Teams: één datalek van melding tot afsluiting, tegen de Bot Connector-stand-in.",
        "Alle namen en gegevens zijn verzonnen. Per stap staat wat iedereen ziet.",
      ],
      stages: {
        install: "0. De app: Fleur, verzorgende, installeert de app in Teams",
        report:
          "1. Melden: Fleur typt 'datalek' in haar chat met de bot en vult het venster in; het privacykanaal, de privacyfunctionarissen en Fleur krijgen bericht",
        repage: "2. Niemand pakt het op: na een half uur opnieuw, en het management hoort het",
        take: "3. Oppakken: Priya, privacyfunctionaris, klikt op Oppakken in haar chat",
        checklist: "4. Checklist: Priya beantwoordt de vragen in de thread van het bericht",
        draft: "5. Concept: Priya vraagt het concept van de melding aan de AP; het bestand komt in haar OneDrive",
        decision: "6. Besluit: Priya bevestigt de beoordeling en legt het besluit vast",
        close: "7. Maatregel en afsluiten",
        overview: "8. Overzicht: Priya typt 'overzicht'",
      },
      dialog: (p: { title: string }) => `[venster "${p.title}"]`,
      updated: "(bijgewerkt)",
      channel: (p: { team: string; channel: string }) => `Kanaal ${p.team} › ${p.channel}`,
      chat: (p: { name: string }) => `Chat met de bot van ${p.name}`,
      inThread: " (in de thread)",
      upload: (p: { name: string; file: string }) => `OneDrive van ${p.name}: ${p.file} opgeslagen`,
      missing: (p: { what: string }) => `(niet gelukt: ${p.what})`,
      done: "Klaar.",
      /** What the demo's people type: the Teams locale they type it in, and their answers. */
      typed: {
        teamsLocale: "nl-NL",
        whatHappened: "Overdrachtslijst met namen en medicatie van vijf bewoners in de bus laten liggen (synthetisch voorbeeld).",
        measure: "Overdrachtslijsten alleen nog digitaal",
        art34Reason: "De lijst is ongeopend teruggevonden.",
        overviewCommand: "overzicht",
      },
    },
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
    demo: {
      intro: [
        "datalek-bot demo in Microsoft Teams: one data breach from report to closing, against the Bot Connector stand-in.",
        "All names and data are made up. Each step shows what everyone sees.",
      ],
      stages: {
        install: "0. The app: Fleur, a carer, installs the app in Teams",
        report:
          "1. Report: Fleur types 'datalek' in her chat with the bot and fills in the dialog; the privacy channel, the privacy officers and Fleur are told",
        repage: "2. Nobody takes it: paged again after half an hour, and management is told",
        take: "3. Take: Priya, privacy officer, clicks Take in her chat",
        checklist: "4. Checklist: Priya answers the questions in the post's thread",
        draft: "5. Draft: Priya asks for the draft notification to the DPA; the file goes to her OneDrive",
        decision: "6. Decision: Priya confirms the assessment and records the decision",
        close: "7. Measure and closing",
        overview: "8. Overview: Priya types 'overview'",
      },
      dialog: (p: { title: string }) => `[dialog "${p.title}"]`,
      updated: "(updated)",
      channel: (p: { team: string; channel: string }) => `Channel ${p.team} › ${p.channel}`,
      chat: (p: { name: string }) => `${p.name}'s chat with the bot`,
      inThread: " (in the thread)",
      upload: (p: { name: string; file: string }) => `${p.name}'s OneDrive: ${p.file} saved`,
      missing: (p: { what: string }) => `(did not work: ${p.what})`,
      done: "Done.",
      typed: {
        teamsLocale: "en-GB",
        whatHappened: "Left a handover list with names and medication of five residents on the bus (synthetic example).",
        measure: "Handover lists digital only",
        art34Reason: "The list was found back unopened.",
        overviewCommand: "overview",
      },
    },
  },
});
