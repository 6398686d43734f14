// The notifications: to the Autoriteit Persoonsgegevens (the draft, the
// follow-ups and a withdrawal) and to the people concerned (the draft
// letter, and recording that it was sent).
//
// The two drafts themselves are documents in Dutch whatever the reader's
// language: the AP's online form is Dutch, and the letter goes to Dutch
// clients and staff ("in plain Dutch", Art. 34(2) AVG). Their words are the
// Dutch-only tables at the end of this file; everything around them (the
// message that carries a draft, buttons, forms, notices) is bilingual.
import { defineLabels, defineTexts } from "../core/text/defineTexts.ts";
import { code, person, type TRichText } from "../core/text/richText.ts";
import type { TPersonId } from "../core/people/person.ts";
import { formatNumber } from "../core/time/formatLocal.ts";
import type { TAssessmentLevel } from "../features/checklist/assessmentLevels.ts";
import type { TApNotificationKind, TSubjectNoticeMethod } from "../features/notifications/notificationCodes.ts";
import type { TRecordProblem } from "../features/notifications/notificationRecords.ts";
import type { TStopped } from "./vocabulary.ts";

type TRecordProblemTexts = { [C in TRecordProblem["code"]]: (problem: Extract<TRecordProblem, { code: C }>) => string };

const nlProblems: TRecordProblemTexts = {
  required: () => "Vul dit veld in.",
  too_long: (p) => `Maximaal ${formatNumber(p.max, "nl")} tekens.`,
  in_future: () => "Dit moment ligt in de toekomst.",
  choose_kind: () => "Kies vervolgmelding of intrekking.",
  followup_text: () => "Beschrijf wat er is aangevuld.",
  withdrawal_reason: () => "Geef de reden van de intrekking.",
  choose_method: () => "Kies hoe het bericht is verstuurd.",
  not_a_count: (p) => `Een heel getal van 1 tot ${formatNumber(p.max, "nl")}.`,
};

const enProblems: TRecordProblemTexts = {
  required: () => "Please fill in this field.",
  too_long: (p) => `At most ${formatNumber(p.max, "en")} characters.`,
  in_future: () => "This moment lies in the future.",
  choose_kind: () => "Choose follow-up or withdrawal.",
  followup_text: () => "Describe what was added.",
  withdrawal_reason: () => "Give the reason for the withdrawal.",
  choose_method: () => "Choose how it was sent.",
  not_a_count: (p) => `A whole number from 1 to ${formatNumber(p.max, "en")}.`,
};

export const apNotificationKindLabels = defineLabels<TApNotificationKind>({
  nl: { initial: "Eerste melding", followup: "Vervolgmelding", withdrawal: "Intrekking" },
  en: { initial: "Initial notification", followup: "Follow-up notification", withdrawal: "Withdrawal" },
});

export const subjectNoticeMethodLabels = defineLabels<TSubjectNoticeMethod>({
  nl: { letter: "Brief", email: "E-mail", phone: "Telefoon", in_person: "Persoonlijk gesprek", public: "Openbare mededeling" },
  en: { letter: "Letter", email: "E-mail", phone: "Phone", in_person: "In person", public: "Public communication" },
});

export const notificationsTexts = defineTexts({
  nl: {
    /** The buttons on the incident's post in the DPO channel. */
    post: {
      awarenessCorrect: "Bewustwording corrigeren",
      draftApNotification: "Concept melding AP",
      draftSubjectNotice: "Concept bericht betrokkenen",
      recordSubjectNotice: "Betrokkenen geïnformeerd",
      apFollowup: "Vervolgmelding / intrekking",
    },
    kinds: apNotificationKindLabels.nl,
    methods: subjectNoticeMethodLabels.nl,
    draft: {
      apSummary: (p: { reference: string }) => `Concept melding AP voor ${p.reference}`,
      subjectSummary: (p: { reference: string }) => `Concept bericht aan de betrokkenen voor ${p.reference}`,
      forYouOnly: (p: { filename: string }): TRichText => [
        "🔒 Alleen voor jou. Het hele concept staat ook in het bestand ",
        code(p.filename),
        ". Vul aan wat met NOG INVULLEN gemarkeerd is.",
      ],
      /** The answer where the button was pressed. */
      sent: (p: { reference: string }) =>
        `📄 Het concept voor ${p.reference} staat in je privéberichten met de bot, ook als bestand.`,
    },
    thread: {
      apFollowup: (p: { actor: TPersonId; apReference: string }): TRichText => [
        "📄 ",
        person(p.actor),
        ` heeft een vervolgmelding aan de AP vastgelegd (meldnummer ${p.apReference}).`,
      ],
      apWithdrawal: (p: { actor: TPersonId; apReference: string }): TRichText => [
        "↩️ ",
        person(p.actor),
        ` heeft vastgelegd dat de melding aan de AP is ingetrokken (meldnummer ${p.apReference}).`,
      ],
      subjectNotice: (p: { actor: TPersonId; sentAt: string; method: string; count: number }): TRichText => [
        "✉️ ",
        person(p.actor),
        ` heeft vastgelegd dat de betrokkenen zijn geïnformeerd: ${p.sentAt}, ${p.method.toLowerCase()}, ${formatNumber(p.count, "nl")} ${p.count === 1 ? "persoon" : "personen"}.`,
      ],
      apFollowupSummary: (p: { reference: string; apReference: string }) =>
        `${p.reference}: vervolgmelding aan de AP vastgelegd (meldnummer ${p.apReference})`,
      apWithdrawalSummary: (p: { reference: string; apReference: string }) =>
        `${p.reference}: melding aan de AP ingetrokken (meldnummer ${p.apReference})`,
      subjectNoticeSummary: (p: { reference: string }) => `${p.reference}: betrokkenen geïnformeerd`,
    },
    apFollowupForm: {
      title: "Melding AP",
      submit: "Vastleggen",
      close: "Annuleren",
      kind: "Soort",
      apReference: "Meldnummer van de AP",
      text: "Wat is aangevuld, of waarom ingetrokken",
      textHint: "Komt in het dossier, niet in het kanaal.",
    },
    subjectNoticeForm: {
      title: "Betrokkenen",
      submit: "Vastleggen",
      close: "Annuleren",
      sentAt: "Wanneer verstuurd",
      method: "Hoe",
      methodPlaceholder: "Kies hoe",
      recipientsCount: "Aan hoeveel personen",
      note: "Opmerking",
      noteHint: "Komt in het dossier, niet in het kanaal.",
    },
    problems: nlProblems,
    /** Answers in a form when it cannot be saved. */
    answers: {
      refused: "Alleen een privacyfunctionaris kan dit vastleggen.",
      notFound: "Incident niet gevonden.",
      closed: "Dit incident is afgesloten.",
      notNotified: "Er is nog geen melding aan de AP vastgelegd.",
      notApplicable: "Dit is niet meer van toepassing: het incident is afgesloten of het besluit is dat het geen datalek is.",
      saveFailed: "Opslaan lukte niet (storing). Probeer het over een minuut opnieuw.",
    },
  },
  en: {
    post: {
      awarenessCorrect: "Correct awareness time",
      draftApNotification: "Draft AP notification",
      draftSubjectNotice: "Draft notice to people",
      recordSubjectNotice: "People informed",
      apFollowup: "Follow-up / withdrawal",
    },
    kinds: apNotificationKindLabels.en,
    methods: subjectNoticeMethodLabels.en,
    draft: {
      apSummary: (p: { reference: string }) => `Draft AP notification for ${p.reference}`,
      subjectSummary: (p: { reference: string }) => `Draft notice to the people concerned for ${p.reference}`,
      forYouOnly: (p: { filename: string }): TRichText => [
        "🔒 For you only. The whole draft is also in the file ",
        code(p.filename),
        ". It is in Dutch, as the AP's form and the letter to the people concerned are. Fill in what is marked NOG INVULLEN (to fill in).",
      ],
      sent: (p: { reference: string }) =>
        `📄 The draft for ${p.reference} is in your direct messages with the bot, also as a file.`,
    },
    thread: {
      apFollowup: (p: { actor: TPersonId; apReference: string }): TRichText => [
        "📄 ",
        person(p.actor),
        ` recorded a follow-up notification to the AP (reference ${p.apReference}).`,
      ],
      apWithdrawal: (p: { actor: TPersonId; apReference: string }): TRichText => [
        "↩️ ",
        person(p.actor),
        ` recorded that the notification to the AP was withdrawn (reference ${p.apReference}).`,
      ],
      subjectNotice: (p: { actor: TPersonId; sentAt: string; method: string; count: number }): TRichText => [
        "✉️ ",
        person(p.actor),
        ` recorded that the people concerned were informed: ${p.sentAt}, ${p.method.toLowerCase()}, ${formatNumber(p.count, "en")} ${p.count === 1 ? "person" : "people"}.`,
      ],
      apFollowupSummary: (p: { reference: string; apReference: string }) =>
        `${p.reference}: follow-up notification to the AP recorded (reference ${p.apReference})`,
      apWithdrawalSummary: (p: { reference: string; apReference: string }) =>
        `${p.reference}: notification to the AP withdrawn (reference ${p.apReference})`,
      subjectNoticeSummary: (p: { reference: string }) => `${p.reference}: people concerned informed`,
    },
    apFollowupForm: {
      title: "AP notification",
      submit: "Record",
      close: "Cancel",
      kind: "Kind",
      apReference: "AP reference number",
      text: "What was added, or why withdrawn",
      textHint: "Goes into the record, not into the channel.",
    },
    subjectNoticeForm: {
      title: "People informed",
      submit: "Record",
      close: "Cancel",
      sentAt: "When sent",
      method: "How",
      methodPlaceholder: "Choose how",
      recipientsCount: "To how many people",
      note: "Note",
      noteHint: "Goes into the record, not into the channel.",
    },
    problems: enProblems,
    answers: {
      refused: "Only a privacy officer can record this.",
      notFound: "Incident not found.",
      closed: "This incident has been closed.",
      notNotified: "No notification to the AP has been recorded yet.",
      notApplicable: "This no longer applies: the incident has been closed, or the decision is that it is not a data breach.",
      saveFailed: "Saving failed (outage). Please try again in a minute.",
    },
  },
});

/** Marks what the record does not hold yet, so nothing is silently left out. */
export const TO_FILL = "NOG INVULLEN";
const toFill = (what: string) => `${TO_FILL}: ${what}`;

/** How the people were informed, as the draft's sentence says it. */
const apDraftMethods: Record<TSubjectNoticeMethod, string> = {
  letter: "brief",
  email: "e-mail",
  phone: "telefoon",
  in_person: "persoonlijk gesprek",
  public: "openbare mededeling",
};

/** The draft notification to the AP, section by section in the order of the AP's online form (Dutch only; see above). */
export const apDraftDocument = {
  title: (reference: string) => `Concept melding datalek aan de Autoriteit Persoonsgegevens (${reference})`,
  intro: (at: string) =>
    `Opgesteld op ${at} uit het dossier. Controleer alles en vul aan wat met "${TO_FILL}" gemarkeerd is, voordat u het in het meldformulier van de AP plakt.`,
  filename: (reference: string) => `concept-melding-AP-${reference}.txt`,
  sections: {
    about: "Over deze melding",
    contact: "Contactgegevens",
    timeline: "Tijdlijn",
    nature: "Aard van het datalek",
    personal_data: "Persoonsgegevens",
    people: "Betrokkenen",
    measures_before: "Maatregelen vooraf",
    consequences: "Gevolgen",
    followup_subjects: "Vervolg: betrokkenen informeren",
    followup_measures: "Vervolg: maatregelen",
    international: "Vervolg: internationale aspecten",
  },
  about: {
    followup: "Soort melding: vervolgmelding (aanvulling op de eerdere melding).",
    firstReference: (apReference: string) => `Meldnummer van de eerste melding bij de AP: ${apReference}`,
    firstNotifiedAt: (at: string) => `Eerste melding gedaan op: ${at}`,
    whatFollowupAdds: toFill("wat deze vervolgmelding aanvult of wijzigt"),
    new: "Soort melding: nieuwe melding.",
    internalReference: (reference: string) => `Intern kenmerk: ${reference}`,
  },
  contact: {
    organisation: (name: string) => `Organisatie: ${name}`,
    organisationToFill: toFill("naam, KvK-nummer en adres van de organisatie"),
    contactPerson: (contact: string) => `Contactpersoon voor de AP: ${contact}`,
    contactPersonToFill: toFill(
      "naam, functie, e-mailadres en telefoonnummer van de contactpersoon (functionaris gegevensbescherming)",
    ),
  },
  timeline: {
    occurred: (at: string) => `Datum en tijd van het ontstaan van het datalek: ${at}`,
    occurredToFill: toFill("wanneer is het datalek ontstaan (datum en tijd, of 'onbekend')"),
    discovered: (at: string) => `Datum en tijd van de ontdekking: ${at}`,
    aware: (at: string) => `Moment waarop de organisatie zich bewust werd van het datalek: ${at}`,
    awarenessReason: (reason: string) => `Toelichting op het moment van bewustwording: ${reason}`,
    deadline: (at: string) => `Uiterste termijn voor de melding (72 uur na bewustwording): ${at}`,
    late: "Deze melding wordt na de termijn van 72 uur gedaan (art. 33 lid 1 AVG).",
    lateReason: `Reden van de vertraging: ${toFill("waarom de melding later is dan 72 uur na bewustwording")}`,
  },
  nature: {
    whatHappened: (text: string) => `Wat is er gebeurd: ${text}`,
    breachTypes: (list: string) => `Soort inbreuk: ${list}`,
    breachTypesToFill: toFill(
      "soort inbreuk: vertrouwelijkheid (inzage/verstrekking), integriteit (wijziging) en/of beschikbaarheid (verlies)",
    ),
    system: (name: string) => `Systeem of kanaal: ${name}`,
    recipient: (label: string) => `Wie kan de gegevens hebben: ${label}`,
    recipientsCount: (count: number) => `Aantal ontvangers buiten de organisatie (ongeveer): ${formatNumber(count, "nl")}`,
    malicious: (yes: boolean) => `Opzet of kwaad opzet: ${yes ? "ja" : "nee"}`,
    stopped: {
      yes: "Het lek is gestopt.",
      no: "Het lek loopt nog.",
      unknown: "Het is nog niet bekend of het lek gestopt is.",
    } satisfies Record<TStopped, string>,
    stoppedToFill: toFill("is het lek gestopt"),
  },
  personalData: {
    categories: (list: string) => `Soorten persoonsgegevens: ${list}`,
    categoriesToFill: toFill("soorten persoonsgegevens"),
    special: (list: string) => `Bijzondere of strafrechtelijke persoonsgegevens: ja (${list})`,
    noSpecial: "Bijzondere persoonsgegevens: nee, volgens de huidige gegevens.",
    identifiability: (label: string) => `Herleidbaarheid tot personen: ${label}`,
  },
  people: {
    count: (count: number, estimate: boolean) =>
      `Aantal betrokkenen: ${formatNumber(count, "nl")}${estimate ? " (schatting uit de melding; controleer dit)" : ""}`,
    categories: (text: string) => `Categorieën betrokkenen: ${text}`,
    categoriesToFill: toFill("categorieën betrokkenen (bijvoorbeeld cliënten, medewerkers)"),
    vulnerable: "Het gaat (ook) om kwetsbare personen (kinderen, cliënten of patiënten).",
    notVulnerable: "Het gaat niet om kwetsbare personen.",
    vulnerableToFill: toFill("gaat het om kwetsbare personen (kinderen, cliënten, patiënten)"),
  },
  measuresBefore: {
    measures: (system: string, list: string) => `Technische en organisatorische maatregelen vooraf (${system}): ${list}`,
    measuresToFill: toFill("welke beveiligingsmaatregelen waren er vooraf voor dit kanaal"),
    unintelligible: "De gegevens waren onleesbaar voor onbevoegden (versleuteld; de sleutel is niet gelekt).",
    intelligible: "De gegevens waren leesbaar voor wie ze kreeg (niet versleuteld of de sleutel is gelekt).",
    unintelligibleToFill: toFill("waren de gegevens versleuteld of anderszins onleesbaar gemaakt"),
  },
  consequences: {
    level: (label: string) => `Beoordeling: ${label}.`,
    levels: {
      not_a_breach: "geen datalek (geen persoonsgegevens)",
      no_risk: "waarschijnlijk geen risico voor de betrokkenen",
      risk: "risico voor de betrokkenen",
      high_risk: "hoog risico voor de betrokkenen",
    } satisfies Record<TAssessmentLevel, string>,
    ownWordsToFill: toFill("mogelijke gevolgen voor de betrokkenen in eigen woorden (bijv. schaamte, fraude, discriminatie)"),
    notAssessedToFill: toFill("mogelijke gevolgen voor de betrokkenen (de checklist is nog niet beoordeeld)"),
  },
  followupSubjects: {
    informed: (at: string, method: TSubjectNoticeMethod, count: number) =>
      `Betrokkenen geïnformeerd op ${at} per ${apDraftMethods[method]}, aan ${formatNumber(count, "nl")} ${count === 1 ? "persoon" : "personen"}.`,
    willInform: "De betrokkenen worden geïnformeerd (hoog risico, art. 34 AVG).",
    howToFill: toFill("wanneer en hoe de betrokkenen worden geïnformeerd, met de tekst van het bericht"),
    whetherToFill: toFill("worden de betrokkenen geïnformeerd; zo niet, waarom niet"),
  },
  followupMeasures: {
    measure: (what: string, done: boolean, dueDate: string) =>
      `- ${what} (${done ? "uitgevoerd" : `gepland uiterlijk ${dueDate}`})`,
    measuresToFill: toFill("welke maatregelen zijn of worden genomen om het lek te dichten en herhaling te voorkomen"),
  },
  international: {
    toFill: toFill("zijn er betrokkenen in andere EU-landen, of is het lek ook bij een andere toezichthouder gemeld"),
  },
} as const;

/** The letter to the people concerned (Art. 34(2) AVG) in plain Dutch: a draft the DPO adapts (Dutch only; see above). */
export const subjectNoticeDocument = {
  title: (reference: string) => `Concept bericht aan de betrokkenen (${reference})`,
  intro: (at: string) => [
    `Opgesteld op ${at}. Pas de tekst aan voor de ontvanger en vul aan wat met "${TO_FILL}" gemarkeerd is.`,
    "",
    "Beste meneer, mevrouw,",
    "",
    "Wij moeten u helaas laten weten dat er een fout is gemaakt met gegevens over u. Wij vinden dat heel vervelend en bieden u onze excuses aan.",
  ],
  filename: (reference: string) => `concept-bericht-betrokkenen-${reference}.txt`,
  sections: {
    what_happened: "Wat is er gebeurd?",
    consequences: "Wat kan dit voor u betekenen?",
    measures: "Wat hebben wij gedaan?",
    self_help: "Wat kunt u zelf doen?",
    contact: "Vragen?",
  },
  whatHappened: {
    discovered: (day: string, organisation: string | null) =>
      organisation
        ? `Op ${day} ontdekten wij, ${organisation}, dat er iets mis is gegaan met uw persoonsgegevens.`
        : `Op ${day} ontdekten wij dat er iets mis is gegaan met uw persoonsgegevens.`,
    explainToFill: toFill("leg in gewone woorden en zonder namen van anderen uit wat er is gebeurd"),
    forTheDrafter: (text: string) => `(Ter informatie voor u als opsteller, uit de melding: ${text})`,
  },
  /** What could happen, per kind of data, in words anyone understands. */
  consequences: {
    identity_contact: "Iemand kan uw naam en contactgegevens gebruiken om u nep-berichten te sturen (phishing).",
    national_id: "Met uw burgerservicenummer (BSN) kan iemand proberen zich als u voor te doen (identiteitsfraude).",
    id_document: "Met een kopie van uw identiteitsbewijs kan iemand proberen zich als u voor te doen (identiteitsfraude).",
    financial: "Iemand kan uw financiële gegevens misbruiken, bijvoorbeeld om u op te lichten.",
    payment_card: "Iemand kan proberen met uw betaalkaartgegevens te betalen.",
    credentials: "Iemand kan met uw inloggegevens in uw account komen.",
    health:
      "Iemand die dat niet mag, kan informatie over uw gezondheid of zorg hebben gezien. Dat kan vervelend of beschamend zijn.",
    special_other: "Iemand kan gevoelige informatie over u hebben gezien. Dat kan vervelend of beschamend zijn.",
    criminal: "Iemand kan gevoelige informatie over u hebben gezien. Dat kan vervelend zijn of tot vooroordelen leiden.",
    location_behaviour: "Iemand kan weten waar u was of wat u deed.",
    profile:
      "Iemand kan veel over uw leven te weten zijn gekomen (werk, opleiding of gezin) en dat misbruiken, bijvoorbeeld om u op te lichten of zich als u voor te doen.",
    other: "Iemand kan gegevens over u hebben gezien die niet voor hem of haar bedoeld waren.",
  } as Readonly<Record<string, string>>,
  consequencesToFill: toFill("wat de mogelijke gevolgen voor de ontvanger zijn"),
  stopped: {
    yes: "Wij hebben het lek gestopt.",
    no: "Wij werken eraan het lek te stoppen.",
    unknown: "Wij zoeken uit of het lek gestopt is.",
  } satisfies Record<TStopped, string>,
  trustedRecipient: "De ontvanger heeft de gegevens teruggegeven of verwijderd en heeft geheimhouding beloofd.",
  measure: (what: string) => `- ${what}`,
  measuresToFill: toFill("welke maatregelen wij hebben genomen om de gevolgen te beperken en herhaling te voorkomen"),
  /** What people can do themselves, per kind of data. */
  selfHelp: {
    identity_contact:
      "Wees extra alert op e-mails, sms'jes en telefoontjes die vragen om gegevens of een betaling. Klik niet op links als u twijfelt.",
    national_id:
      "Let op verdachte post of berichten van instanties. Twijfelt u? Neem contact op met het Centraal Meldpunt Identiteitsfraude.",
    id_document:
      "Twijfelt u of iemand uw identiteitsbewijs misbruikt? Neem contact op met het Centraal Meldpunt Identiteitsfraude en uw gemeente.",
    financial: "Controleer uw bankafschriften en meld verdachte afschrijvingen aan uw bank.",
    payment_card: "Neem contact op met uw bank om uw kaart te laten blokkeren en controleer uw afschrijvingen.",
    credentials: "Verander uw wachtwoord, ook op andere plekken waar u hetzelfde wachtwoord gebruikt.",
    health: "U hoeft zelf niets te doen. Hebt u vragen of zorgen, neem dan contact met ons op.",
    profile:
      "Wees alert op berichten en telefoontjes van onbekenden die veel over u lijken te weten. Geef geen gegevens of geld als u twijfelt.",
  } as Readonly<Record<string, string>>,
  nothingToDo: "U hoeft zelf niets te doen. Hebt u vragen of zorgen, neem dan contact met ons op.",
  contact: (contact: string) => `Hebt u vragen? Neem contact op met ${contact}.`,
  contactToFill: toFill("naam, telefoonnummer en e-mailadres van de privacyfunctionaris"),
  mentionReference: (reference: string) => `Noem daarbij ons kenmerk ${reference}.`,
  complaint: "U hebt ook het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens.",
} as const;
