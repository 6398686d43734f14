// "Concept melding AP": the notification to the Autoriteit Persoonsgegevens
// drafted from the record, section by section in the order of the AP's
// online form, in Dutch, ready to paste. What the record does not hold is
// named as still to fill, so nothing is silently left out.
import { valueLabel } from "../checklist/questions.ts";
import { formatLocal } from "../time/formatLocal.ts";
import { renderDraftText, toFill, type TDraft, type TDraftSection, type TNotificationDraftInput } from "./draftInput.ts";

export const AP_DRAFT_SECTION_IDS = [
  "about",
  "contact",
  "timeline",
  "nature",
  "personal_data",
  "people",
  "measures_before",
  "consequences",
  "followup_subjects",
  "followup_measures",
  "international",
] as const;

const SPECIAL_CATEGORIES = new Set(["health", "special_other", "criminal"]);

const STOPPED_NL: Record<string, string> = {
  yes: "Het lek is gestopt.",
  no: "Het lek loopt nog.",
  unknown: "Het is nog niet bekend of het lek gestopt is.",
};

const LEVEL_NL: Record<string, string> = {
  not_a_breach: "geen datalek (geen persoonsgegevens)",
  no_risk: "waarschijnlijk geen risico voor de betrokkenen",
  risk: "risico voor de betrokkenen",
  high_risk: "hoog risico voor de betrokkenen",
};

export function buildApNotificationDraft(input: TNotificationDraftInput): TDraft {
  const { incident, answers } = input;
  const at = (date: Date) => formatLocal(date, input.zone, "nl");
  const label = (id: Parameters<typeof valueLabel>[0], value: string) => valueLabel(id, value, "nl");
  const initial = input.apNotifications.find((notification) => notification.kind === "initial");
  const apReference = initial?.apReference ?? incident.apReference;

  const about: string[] = apReference
    ? [
        `Soort melding: vervolgmelding (aanvulling op de eerdere melding).`,
        `Meldnummer van de eerste melding bij de AP: ${apReference}`,
        ...(initial ? [`Eerste melding gedaan op: ${at(initial.notifiedAt)}`] : []),
        toFill("wat deze vervolgmelding aanvult of wijzigt"),
      ]
    : ["Soort melding: nieuwe melding.", `Intern kenmerk: ${input.reference}`];

  const contact = [
    input.organisationName ? `Organisatie: ${input.organisationName}` : toFill("naam, KvK-nummer en adres van de organisatie"),
    input.privacyContact
      ? `Contactpersoon voor de AP: ${input.privacyContact}`
      : toFill("naam, functie, e-mailadres en telefoonnummer van de contactpersoon (functionaris gegevensbescherming)"),
  ];

  const late = input.now.getTime() > incident.deadlineAt.getTime() && !initial;
  const timeline = [
    incident.occurredAt
      ? `Datum en tijd van het ontstaan van het datalek: ${at(incident.occurredAt)}`
      : toFill("wanneer is het datalek ontstaan (datum en tijd, of 'onbekend')"),
    `Datum en tijd van de ontdekking: ${at(incident.discoveredAt)}`,
    `Moment waarop de organisatie zich bewust werd van het datalek: ${at(incident.awarenessAt)}`,
    ...(input.awarenessCorrectionReason
      ? [`Toelichting op het moment van bewustwording: ${input.awarenessCorrectionReason}`]
      : []),
    `Uiterste termijn voor de melding (72 uur na bewustwording): ${at(incident.deadlineAt)}`,
    ...(late
      ? [
          `Deze melding wordt na de termijn van 72 uur gedaan (art. 33 lid 1 AVG).`,
          `Reden van de vertraging: ${toFill("waarom de melding later is dan 72 uur na bewustwording")}`,
        ]
      : []),
  ];

  const breachTypes = answers.breach_types ?? [];
  const nature = [
    `Wat is er gebeurd: ${incident.whatHappened}`,
    breachTypes.length > 0
      ? `Soort inbreuk: ${breachTypes.map((type) => label("breach_types", type)).join("; ")}`
      : toFill("soort inbreuk: vertrouwelijkheid (inzage/verstrekking), integriteit (wijziging) en/of beschikbaarheid (verlies)"),
    `Systeem of kanaal: ${input.systemName}`,
    `Wie kan de gegevens hebben: ${label("recipient", answers.recipient ?? incident.recipient)}`,
    ...(answers.malicious ? [`Opzet of kwaad opzet: ${answers.malicious === "yes" ? "ja" : "nee"}`] : []),
    STOPPED_NL[incident.stopped] ?? toFill("is het lek gestopt"),
  ];

  const categories = answers.data_categories ?? incident.dataKinds;
  const special = categories.filter((category) => SPECIAL_CATEGORIES.has(category));
  const personalData = [
    categories.length > 0
      ? `Soorten persoonsgegevens: ${categories.map((category) => label("data_categories", category)).join("; ")}`
      : toFill("soorten persoonsgegevens"),
    special.length > 0
      ? `Bijzondere of strafrechtelijke persoonsgegevens: ja (${special.map((category) => label("data_categories", category)).join("; ")})`
      : "Bijzondere persoonsgegevens: nee, volgens de huidige gegevens.",
    ...(answers.identifiability ? [`Herleidbaarheid tot personen: ${label("identifiability", answers.identifiability)}`] : []),
  ];

  const count = answers.people_affected ?? incident.peopleAffected;
  const people = [
    `Aantal betrokkenen: ${count}${answers.people_affected === undefined ? " (schatting uit de melding; controleer dit)" : ""}`,
    input.registerSystem
      ? `Categorieën betrokkenen: ${input.registerSystem.peopleConcerned}`
      : toFill("categorieën betrokkenen (bijvoorbeeld cliënten, medewerkers)"),
    answers.vulnerable_people === "yes"
      ? "Het gaat (ook) om kwetsbare personen (kinderen, cliënten of patiënten)."
      : answers.vulnerable_people === "no"
        ? "Het gaat niet om kwetsbare personen."
        : toFill("gaat het om kwetsbare personen (kinderen, cliënten, patiënten)"),
  ];

  const measuresBefore = [
    ...(input.registerSystem
      ? [
          `Technische en organisatorische maatregelen vooraf (${input.systemName}): ${input.registerSystem.securityMeasures.join("; ")}`,
        ]
      : [toFill("welke beveiligingsmaatregelen waren er vooraf voor dit kanaal")]),
    answers.unintelligible === "yes"
      ? "De gegevens waren onleesbaar voor onbevoegden (versleuteld; de sleutel is niet gelekt)."
      : answers.unintelligible === "no"
        ? "De gegevens waren leesbaar voor wie ze kreeg (niet versleuteld of de sleutel is gelekt)."
        : toFill("waren de gegevens versleuteld of anderszins onleesbaar gemaakt"),
  ];

  const consequences = input.assessment
    ? [
        `Beoordeling: ${LEVEL_NL[input.assessment.level] ?? input.assessment.level}.`,
        ...input.assessment.reasons.map((reason) => `- ${reason}`),
        toFill("mogelijke gevolgen voor de betrokkenen in eigen woorden (bijv. schaamte, fraude, discriminatie)"),
      ]
    : [toFill("mogelijke gevolgen voor de betrokkenen (de checklist is nog niet beoordeeld)")];

  const followupSubjects =
    input.subjectNotices.length > 0
      ? input.subjectNotices.map(
          (notice) =>
            `Betrokkenen geïnformeerd op ${at(notice.sentAt)} per ${methodNl(notice.method)}, aan ${notice.recipientsCount} personen.`,
        )
      : input.assessment?.notifySubjects
        ? [
            "De betrokkenen worden geïnformeerd (hoog risico, art. 34 AVG).",
            toFill("wanneer en hoe de betrokkenen worden geïnformeerd, met de tekst van het bericht"),
          ]
        : [toFill("worden de betrokkenen geïnformeerd; zo niet, waarom niet")];

  const followupMeasures = [
    STOPPED_NL[incident.stopped] ?? "",
    ...(input.measures.length > 0
      ? input.measures.map(
          (measure) => `- ${measure.what} (${measure.done ? "uitgevoerd" : `gepland uiterlijk ${measure.dueDate}`})`,
        )
      : [toFill("welke maatregelen zijn of worden genomen om het lek te dichten en herhaling te voorkomen")]),
  ].filter(Boolean);

  const international = [
    toFill("zijn er betrokkenen in andere EU-landen, of is het lek ook bij een andere toezichthouder gemeld"),
  ];

  const sections: TDraftSection[] = [
    { id: "about", title: "Over deze melding", lines: about },
    { id: "contact", title: "Contactgegevens", lines: contact },
    { id: "timeline", title: "Tijdlijn", lines: timeline },
    { id: "nature", title: "Aard van het datalek", lines: nature },
    { id: "personal_data", title: "Persoonsgegevens", lines: personalData },
    { id: "people", title: "Betrokkenen", lines: people },
    { id: "measures_before", title: "Maatregelen vooraf", lines: measuresBefore },
    { id: "consequences", title: "Gevolgen", lines: consequences },
    { id: "followup_subjects", title: "Vervolg: betrokkenen informeren", lines: followupSubjects },
    { id: "followup_measures", title: "Vervolg: maatregelen", lines: followupMeasures },
    { id: "international", title: "Vervolg: internationale aspecten", lines: international },
  ];
  const title = `Concept melding datalek aan de Autoriteit Persoonsgegevens (${input.reference})`;
  const intro = [
    `Opgesteld op ${at(input.now)} uit het dossier. Controleer alles en vul aan wat met "NOG INVULLEN" gemarkeerd is, voordat u het in het meldformulier van de AP plakt.`,
  ];
  return {
    title,
    sections,
    text: renderDraftText(title, intro, sections),
    filename: `concept-melding-AP-${input.reference}.txt`,
  };
}

function methodNl(method: string): string {
  return (
    { letter: "brief", email: "e-mail", phone: "telefoon", in_person: "persoonlijk gesprek", public: "openbare mededeling" }[
      method
    ] ?? method
  );
}
