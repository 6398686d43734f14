// Reporting a breach: the form a care worker fills in on a phone in under a
// minute, its answers field by field, and the receipt with the reference.
import { defineTexts } from "../core/text/defineTexts.ts";
import type { TReportProblem } from "../features/report/reportInput.ts";

type TProblemTexts = { [C in TReportProblem["code"]]: (problem: Extract<TReportProblem, { code: C }>) => string };

const nlProblems: TProblemTexts = {
  required: () => "Vul dit veld in.",
  too_long: (p) => `Maximaal ${p.max.toLocaleString("nl-NL")} tekens (nu ${p.actual.toLocaleString("nl-NL")}).`,
  discovered_in_future: () => "Het ontdekmoment kan niet in de toekomst liggen.",
  occurred_after_discovery: () => "Het lek kan niet na de ontdekking zijn gebeurd.",
  unknown_system: () => "Kies een systeem uit de lijst.",
  no_data_kinds: () => "Kies minstens één soort gegevens (‘overige’ als je het niet weet).",
  unknown_data_kind: () => "Kies soorten uit de lijst.",
  not_a_count: (p) => `Vul een heel getal in van 0 tot ${p.max.toLocaleString("nl-NL")} (een schatting mag).`,
  unknown_stopped: () => "Kies ja, nee of weet ik niet.",
  unknown_recipient: () => "Kies een antwoord uit de lijst.",
};

const enProblems: TProblemTexts = {
  required: () => "Please fill in this field.",
  too_long: (p) => `At most ${p.max.toLocaleString("en-GB")} characters (now ${p.actual.toLocaleString("en-GB")}).`,
  discovered_in_future: () => "The time of discovery cannot be in the future.",
  occurred_after_discovery: () => "The breach cannot have happened after it was discovered.",
  unknown_system: () => "Choose a system from the list.",
  no_data_kinds: () => "Choose at least one kind of data ('other' if you are not sure).",
  unknown_data_kind: () => "Choose kinds from the list.",
  not_a_count: (p) => `Enter a whole number from 0 to ${p.max.toLocaleString("en-GB")} (an estimate is fine).`,
  unknown_stopped: () => "Choose yes, no or don't know.",
  unknown_recipient: () => "Choose an answer from the list.",
};

export const reportTexts = defineTexts({
  nl: {
    form: {
      title: "Datalek melden",
      submit: "Melden",
      close: "Annuleren",
      privacyHint:
        "🔒 Typ geen namen, BSN's of andere gegevens van cliënten of collega's. De privacyfunctionaris vraagt zelf door.",
      whatHappened: "Wat is er gebeurd?",
      whatHappenedHint: "Beschrijf het kort en zonder namen, bijvoorbeeld: 'zorgplan naar verkeerde ouder gemaild'.",
      discoveredAt: "Wanneer ontdekt?",
      discoveredAtHint: "Standaard nu. Mag in het verleden liggen.",
      occurredAt: "Wanneer gebeurd, als je het weet?",
      system: "Welk systeem of kanaal?",
      systemPlaceholder: "Kies een systeem",
      dataKinds: "Welke soorten gegevens?",
      dataKindsHint: "Kies alles wat klopt; 'overige gegevens' als je het niet weet.",
      dataKindsPlaceholder: "Kies soorten gegevens",
      peopleAffected: "Om hoeveel personen gaat het ongeveer?",
      peopleAffectedHint: "Een schatting is goed; neem liever te veel dan te weinig.",
      stopped: "Is het lek gestopt?",
      recipient: "Wie kan de gegevens gezien of gekregen hebben?",
      recipientPlaceholder: "Kies wat het best past",
    },
    problems: nlProblems,
    rateLimited:
      "Je hebt het afgelopen uur al veel meldingen gedaan. Wacht even, of neem direct contact op met de privacyfunctionaris. Je tekst staat er nog.",
    saveFailed: "Opslaan lukte niet (storing). Je tekst staat er nog: probeer het over een minuut opnieuw.",
    received: {
      title: "Melding ontvangen",
      close: "Sluiten",
      recorded: (p: { reference: string; deadline: string }) =>
        `✅ Je melding is vastgelegd als ${p.reference}. De privacyfunctionaris is gewaarschuwd. Deadline voor een eventuele melding aan de AP: ${p.deadline}.`,
    },
    receipt: {
      summary: (p: { reference: string }) => `Melding ontvangen: ${p.reference}`,
      thanks: "✅ Bedankt voor je melding. Je referentie is ",
      paged: ". De privacyfunctionaris is gewaarschuwd. Een eventuele melding aan de Autoriteit Persoonsgegevens moet uiterlijk ",
      done: " gedaan zijn.",
    },
    nextSteps: {
      heading: "Wat nu?",
      steps: [
        "1. Stop het lek als dat nog kan en veilig is (bijvoorbeeld: vraag de ontvanger de e-mail te verwijderen).",
        "2. Verwijder niets en bewaar wat je weet; de privacyfunctionaris vraagt ernaar.",
        "3. Deel geen details in kanalen of groepsapps.",
        "4. De privacyfunctionaris beoordeelt het lek en neemt zo nodig contact met je op.",
      ],
    },
  },
  en: {
    form: {
      title: "Report a data breach",
      submit: "Report",
      close: "Cancel",
      privacyHint:
        "🔒 Do not type names, citizen service numbers (BSN) or other details of clients or colleagues. The privacy officer will ask.",
      whatHappened: "What happened?",
      whatHappenedHint: "Describe it briefly without names, for example: 'care plan e-mailed to the wrong parent'.",
      discoveredAt: "When was it discovered?",
      discoveredAtHint: "Defaults to now. May lie in the past.",
      occurredAt: "When did it happen, if you know?",
      system: "Which system or channel?",
      systemPlaceholder: "Choose a system",
      dataKinds: "Which kinds of data?",
      dataKindsHint: "Choose all that apply; 'other data' if unsure.",
      dataKindsPlaceholder: "Choose kinds of data",
      peopleAffected: "Roughly how many people are concerned?",
      peopleAffectedHint: "An estimate is fine; rather too many than too few.",
      stopped: "Has the breach been stopped?",
      recipient: "Who may have seen or received the data?",
      recipientPlaceholder: "Choose the best fit",
    },
    problems: enProblems,
    rateLimited:
      "You have made many reports in the past hour. Please wait a little, or contact the privacy officer directly. Your text is still here.",
    saveFailed: "Saving failed (outage). Your text is still here: please try again in a minute.",
    received: {
      title: "Report received",
      close: "Close",
      recorded: (p: { reference: string; deadline: string }) =>
        `✅ Your report is recorded as ${p.reference}. The privacy officer has been paged. Deadline for a notification to the AP, if needed: ${p.deadline}.`,
    },
    receipt: {
      summary: (p: { reference: string }) => `Report received: ${p.reference}`,
      thanks: "✅ Thank you for your report. Your reference is ",
      paged: ". The privacy officer has been paged. A notification to the Dutch Data Protection Authority, if needed, is due by ",
      done: ".",
    },
    nextSteps: {
      heading: "What now?",
      steps: [
        "1. Stop the breach if you still can and it is safe (for example: ask the recipient to delete the e-mail).",
        "2. Delete nothing and keep what you know; the privacy officer will ask.",
        "3. Do not share details in channels or group chats.",
        "4. The privacy officer assesses the breach and contacts you if needed.",
      ],
    },
  },
});
