// Texts of the checklist, the assessment and the decision: the thread
// messages, the forms, and every reason the assessment gives. The engine
// (src/features/checklist/assessBreach.ts) returns reason codes with their
// figures; the sentences are here, so a reason reads the same in the thread,
// the register and `datalek assess`, and English follows Dutch key for key.
import { levelLabels } from "./vocabulary.ts";
import { defineLabels, defineTexts } from "../core/text/defineTexts.ts";
import type { TRichText } from "../core/text/richText.ts";
import { formatNumber } from "../core/time/formatLocal.ts";
import type { TAssessmentLevel, TExemption, TRiskLevel, TSeverityBand } from "../features/checklist/assessmentLevels.ts";
import type {
  TAvailabilityImpact,
  TBreachType,
  TDataCategory,
  TIdentifiability,
  TQuestionId,
  TRecipient,
} from "../features/checklist/questions.ts";

const nl = (value: number) => formatNumber(Math.round(value * 100) / 100, "nl");
const en = (value: number) => formatNumber(Math.round(value * 100) / 100, "en");

/** The level as a title: what kind of breach it is (what the law then asks is said beside it). */
/** One name per level, from the vocabulary. */
export const levelTitles = levelLabels;

const levelMeanings = defineLabels<TAssessmentLevel>({
  nl: {
    not_a_breach: "Er zijn geen persoonsgegevens betrokken. Het blijft geregistreerd als beveiligingsincident.",
    no_risk: "Het lek leidt waarschijnlijk niet tot een risico voor de betrokkenen.",
    risk: "Het lek leidt waarschijnlijk tot een risico voor de rechten en vrijheden van de betrokkenen.",
    high_risk: "Het lek leidt waarschijnlijk tot een hoog risico voor de rechten en vrijheden van de betrokkenen.",
  },
  en: {
    not_a_breach: "No personal data are involved. It stays registered as a security incident.",
    no_risk: "The breach is unlikely to result in a risk to the people concerned.",
    risk: "The breach is likely to result in a risk to the rights and freedoms of the people concerned.",
    high_risk: "The breach is likely to result in a high risk to the rights and freedoms of the people concerned.",
  },
});

const exemptionLabels = defineLabels<TExemption>({
  nl: {
    unintelligible:
      "art. 34 lid 3 onder a AVG: de gegevens waren onleesbaar voor onbevoegden (sterk versleuteld, sleutel veilig)",
    subsequent_measures:
      "art. 34 lid 3 onder b AVG: genomen maatregelen maken dat het hoge risico zich waarschijnlijk niet meer voordoet",
    disproportionate_effort:
      "art. 34 lid 3 onder c AVG: iedereen persoonlijk informeren vergt een onevenredige inspanning; een openbare mededeling komt in de plaats",
  },
  en: {
    unintelligible: "Art. 34(3)(a) GDPR: the data were unintelligible to unauthorised persons (strongly encrypted, key safe)",
    subsequent_measures: "Art. 34(3)(b) GDPR: measures taken make the high risk no longer likely to materialise",
    disproportionate_effort:
      "Art. 34(3)(c) GDPR: informing everyone individually would take disproportionate effort; a public communication replaces it",
  },
});

/** Short names of the questions, for lists ("still open: ..."). */
const questionShortNames = defineLabels<TQuestionId>({
  nl: {
    personal_data: "Persoonsgegevens",
    breach_types: "Wat misging",
    data_categories: "Soorten gegevens",
    people_affected: "Aantal personen",
    vulnerable_people: "Kwetsbare personen",
    identifiability: "Herkenbaarheid",
    unintelligible: "Onleesbaar",
    recipient: "Wie het heeft",
    recipients_count: "Aantal ontvangers",
    malicious: "Opzet",
    availability_impact: "Beschikbaarheid",
    contained: "Gestopt",
    harm_observed: "Misbruik gezien",
  },
  en: {
    personal_data: "Personal data",
    breach_types: "What went wrong",
    data_categories: "Kinds of data",
    people_affected: "Number of people",
    vulnerable_people: "Vulnerable people",
    identifiability: "Identifiability",
    unintelligible: "Unintelligible",
    recipient: "Who has it",
    recipients_count: "Number of recipients",
    malicious: "Intent",
    availability_impact: "Availability",
    contained: "Contained",
    harm_observed: "Misuse seen",
  },
});

/** Why a kind of data weighs as it does (EDPB 9/2022, "nature, sensitivity and volume"). */
const categoryReasons = defineLabels<TDataCategory>({
  nl: {
    health:
      "Gezondheids- of zorggegevens zijn bijzondere persoonsgegevens; volgens de EDPB moet schade dan als waarschijnlijk worden beschouwd.",
    special_other:
      "Bijzondere persoonsgegevens (geloof, afkomst, seksualiteit e.d.); volgens de EDPB moet schade dan als waarschijnlijk worden beschouwd.",
    criminal: "Strafrechtelijke gegevens wegen zwaar: kans op stigmatisering en uitsluiting.",
    national_id: "Een BSN of ander identificatienummer weegt zwaar: het maakt identiteitsfraude mogelijk.",
    id_document: "Een kopie van een identiteitsbewijs weegt zwaar: het maakt identiteitsfraude mogelijk.",
    payment_card: "Betaalkaartgegevens wegen zwaar: directe kans op financiële schade.",
    credentials: "Inloggegevens wegen zwaar: ze geven toegang tot accounts en nog meer gegevens.",
    financial: "Financiële gegevens: kans op financiële schade of fraude.",
    location_behaviour: "Locatie- of gedragsgegevens: ze kunnen iemands leven en gewoonten blootleggen.",
    profile:
      "Een uitgebreid persoonsprofiel (cv, werk- of opleidingsgeschiedenis, gezinssituatie) geeft samen genoeg voor gerichte fraude of phishing: het weegt zwaarder dan alleen contactgegevens.",
    identity_contact: "Naam- en contactgegevens zijn op zichzelf weinig gevoelig.",
    other: "Overige gegevens zijn op zichzelf weinig gevoelig.",
  },
  en: {
    health: "Health or care data are a special category; the EDPB says damage should then be considered likely.",
    special_other:
      "Special-category data (religion, ethnicity, sexuality etc.); the EDPB says damage should then be considered likely.",
    criminal: "Criminal-offence data weigh heavily: risk of stigma and exclusion.",
    national_id: "A citizen service number (BSN) or other ID number weighs heavily: it enables identity fraud.",
    id_document: "A copy of an identity document weighs heavily: it enables identity fraud.",
    payment_card: "Payment card data weigh heavily: direct risk of financial loss.",
    credentials: "Login credentials weigh heavily: they give access to accounts and further data.",
    financial: "Financial data: risk of financial loss or fraud.",
    location_behaviour: "Location or behavioural data: they can reveal a person’s life and habits.",
    profile:
      "A rich personal profile (CV, work or education history, family situation) together gives enough for targeted fraud or phishing: it weighs above contact details alone.",
    identity_contact: "Name and contact data are of low sensitivity on their own.",
    other: "Other data are of low sensitivity on their own.",
  },
});

const dimensionNames = defineLabels<TBreachType>({
  nl: {
    confidentiality: "Vertrouwelijkheid (inzage of verstrekking)",
    integrity: "Integriteit (ongewenste wijziging)",
    availability: "Beschikbaarheid (verlies)",
  },
  en: {
    confidentiality: "Confidentiality (access or disclosure)",
    integrity: "Integrity (unwanted alteration)",
    availability: "Availability (loss)",
  },
});

const riskNames = defineLabels<TRiskLevel>({
  nl: { no_risk: "waarschijnlijk geen risico", risk: "risico", high_risk: "hoog risico" },
  en: { no_risk: "unlikely to result in a risk", risk: "risk", high_risk: "high risk" },
});

export const bandNames = defineLabels<TSeverityBand>({
  nl: { low: "laag", medium: "gemiddeld", high: "hoog", very_high: "zeer hoog" },
  en: { low: "low", medium: "medium", high: "high", very_high: "very high" },
});

const dpcClassNames = {
  nl: {
    1: "eenvoudige gegevens",
    2: "gedrags- of profielgegevens",
    3: "financiële of identificerende gegevens",
    4: "gevoelige (bijzondere) gegevens",
  },
  en: {
    1: "simple data",
    2: "behavioural or profile data",
    3: "financial or identifying data",
    4: "sensitive (special-category) data",
  },
} as const;
type TDpcClass = keyof (typeof dpcClassNames)["nl"];

const identifiabilityNames = defineLabels<TIdentifiability>({
  nl: { negligible: "nauwelijks", limited: "beperkt", significant: "goed", maximum: "direct" },
  en: { negligible: "negligible", limited: "limited", significant: "significant", maximum: "maximum" },
});

const recipientNames = defineLabels<TRecipient>({
  nl: { none: "niemand", trusted: "betrouwbaar", known: "bekend", unknown: "onbekenden", public: "openbaar" },
  en: { none: "nobody", trusted: "trusted", known: "known", unknown: "unknown persons", public: "public" },
});

const availabilityNames = defineLabels<TAvailabilityImpact>({
  nl: { none: "geen verlies", restored: "snel hersteld", delayed: "tijdelijk, met vertraging", permanent: "blijvend" },
  en: { none: "no loss", restored: "quickly restored", delayed: "temporary, with delay", permanent: "permanent" },
});

const ASSUMED_NL = "Nog niet beantwoord; uit voorzorg aangenomen: ";
const ASSUMED_EN = "Not answered yet; assumed as a precaution: ";

interface TFigure {
  type: TBreachType;
  likelihood: number;
  severity: number;
  figure: number;
  level: TRiskLevel;
}
interface TScore {
  score: number;
  band: TSeverityBand;
}

export const checklistTexts = defineTexts({
  nl: {
    levels: levelTitles.nl,
    levelMeanings: levelMeanings.nl,
    exemptions: exemptionLabels.nl,
    shortNames: questionShortNames.nl,
    bands: bandNames.nl,
    /**
     * Every reason the assessment gives, by code. The assumed ones say so
     * where the assumption is used; internal figures (scoring_*, enisa_*)
     * are for the register's appendix, not for the thread.
     */
    reasons: {
      headline_not_a_breach: () =>
        "Geen datalek: er zijn geen persoonsgegevens bij betrokken. Registreer het als beveiligingsincident.",
      headline_no_risk: () =>
        "Niet melden: het datalek leidt waarschijnlijk niet tot een risico voor de betrokkenen. Wel vastleggen in het register (art. 33 lid 5 AVG).",
      headline_risk: () =>
        "Melden bij de Autoriteit Persoonsgegevens binnen 72 uur: het datalek leidt waarschijnlijk tot een risico voor de betrokkenen (art. 33 AVG).",
      headline_high_risk: () =>
        "Hoog risico: melden bij de Autoriteit Persoonsgegevens binnen 72 uur en de betrokkenen zonder onnodige vertraging informeren (art. 33 en 34 AVG).",
      headline_high_risk_exempt: () =>
        "Hoog risico: melden bij de Autoriteit Persoonsgegevens binnen 72 uur; de betrokkenen hoeven niet afzonderlijk te worden geïnformeerd vanwege een uitzondering (art. 34 lid 3 AVG).",

      personal_data_uncertain: () =>
        "Nog niet zeker of het om persoonsgegevens gaat; uit voorzorg aangenomen: het gaat om persoonsgegevens.",
      assumed_personal_data: () => `${ASSUMED_NL}het gaat om persoonsgegevens.`,
      assumed_breach_types: () => `${ASSUMED_NL}het gaat om inzage of verstrekking aan onbevoegden.`,
      assumed_data_categories: () =>
        `${ASSUMED_NL}het gaat om gezondheidsgegevens, bijzondere persoonsgegevens waarbij schade volgens de EDPB als waarschijnlijk moet worden beschouwd.`,
      assumed_people_affected: () =>
        `${ASSUMED_NL}het gaat om een groot aantal personen (1.000 of meer); dat vergroot de impact.`,
      assumed_vulnerable_people: () =>
        `${ASSUMED_NL}het gaat om kinderen, cliënten of andere kwetsbare personen; dat verhoogt het risico.`,
      assumed_identifiability: () => `${ASSUMED_NL}de personen zijn direct te herkennen uit de gegevens.`,
      assumed_unintelligible: () => `${ASSUMED_NL}de gegevens waren leesbaar voor onbevoegden.`,
      assumed_recipient: () => `${ASSUMED_NL}onbekenden kunnen de gegevens hebben; wat ermee gebeurt, is niet te overzien.`,
      assumed_recipients_count: () =>
        `${ASSUMED_NL}de gegevens zijn bij 1.000 of meer ontvangers terechtgekomen; dat komt dicht bij openbaar maken.`,
      assumed_malicious: () => `${ASSUMED_NL}er was (kwade) opzet; dat maakt misbruik waarschijnlijker.`,
      assumed_availability_impact: () => `${ASSUMED_NL}de gegevens zijn blijvend verloren.`,
      assumed_contained: () => `${ASSUMED_NL}het lek is nog niet gestopt.`,
      assumed_harm_observed: () =>
        "Nog niet beantwoord of er al misbruik is gezien; aangenomen dat er nog geen misbruik bekend is. Controleer dit en beoordeel opnieuw.",

      harm_observed: () => "Er is al misbruik of schade gezien: het risico heeft zich verwezenlijkt. Dat is een hoog risico.",
      category: (p: { category: TDataCategory }) => categoryReasons.nl[p.category],
      heavy_combination: () => "De combinatie van meerdere gevoelige soorten gegevens verhoogt de ernst.",
      vulnerable: () => "Het gaat om kinderen, cliënten of andere kwetsbare personen: dat verhoogt het risico.",
      care_organisation: () =>
        "Het gaat om een zorgorganisatie: alleen al dat iemand in haar bestanden staat, zegt iets over diens gezondheid of zorg. Dat weegt zwaarder.",
      people_large: (p: { count: number }) => `Groot aantal betrokkenen (${nl(p.count)}): grotere impact.`,
      people_considerable: (p: { count: number }) => `Aanzienlijk aantal betrokkenen (${nl(p.count)}): grotere impact.`,
      one_person_sensitive: () =>
        "Het gaat om één persoon, maar bij zulke gevoelige gegevens kan ook dat ernstige gevolgen hebben.",
      identifiability_negligible: () =>
        "De personen zijn nauwelijks te herkennen uit de gegevens: dat verlaagt het risico sterk.",
      identifiability_limited: () => "De personen zijn beperkt te herkennen uit de gegevens: dat verlaagt het risico.",

      unintelligible: () =>
        "De gegevens waren onleesbaar voor onbevoegden (sterke versleuteling, sleutel niet gelekt): een risico door inzage is onwaarschijnlijk.",
      recipient_none_contained: () =>
        "Niemand heeft de gegevens gezien en het lek is gedicht: dat maakt misbruik onwaarschijnlijk.",
      recipient_none_open: () =>
        "Niemand heeft de gegevens gezien, maar zolang het lek niet gedicht is, blijft er een kans op misbruik.",
      recipient_trusted_contained: () =>
        "De ontvanger is betrouwbaar, heeft geheimhoudingsplicht en heeft de gegevens teruggegeven of verwijderd: dat maakt misbruik onwaarschijnlijk.",
      recipient_trusted_open: () =>
        "De ontvanger is betrouwbaar, maar zolang de gegevens niet aantoonbaar zijn teruggegeven of verwijderd, blijft er een kans op misbruik.",
      recipient_known_one: () => "De gegevens zijn bij één bekende, maar niet bevoegde ontvanger terechtgekomen.",
      recipient_known: () => "De gegevens zijn bij bekende, maar niet bevoegde ontvangers terechtgekomen.",
      recipient_unknown: () => "Onbekenden kunnen de gegevens hebben: wat ermee gebeurt, is niet te overzien.",
      recipient_public: () => "De gegevens waren openbaar: iedereen kan ze hebben gekopieerd.",
      recipients_several: (p: { count: number }) =>
        `Het gaat om ${nl(p.count)} ontvangers: hoe meer mensen de gegevens hebben, hoe minder de organisatie erop kan rekenen dat ze ongelezen worden verwijderd. Dat weegt richting onbekende ontvangers.`,
      recipients_several_trusted: (p: { count: number }) =>
        `Het gaat om ${nl(p.count)} ontvangers: hoe meer mensen de gegevens hebben, hoe minder zeker het is dat iedereen ze heeft teruggegeven of verwijderd.`,
      recipients_mass: (p: { count: number }) =>
        `De gegevens zijn bij ${nl(p.count)} ontvangers terechtgekomen: dat komt dicht bij openbaar maken.`,
      malicious: () => "Er was (kwade) opzet: de kans op misbruik is groter.",
      contained_lowers: () =>
        "Het lek is gestopt en de gegevens zijn teruggehaald, verwijderd of afgeschermd: dat verlaagt de kans.",
      special_exposed: () =>
        "Komen bijzondere gegevens bij een onbevoegde terecht, dan moet schade volgens de EDPB als waarschijnlijk worden beschouwd. Daarom telt het datalek als risico voor de melding aan de AP, ook al is het lek daarna gestopt.",

      integrity_restored: () =>
        "De ongewenste wijziging is hersteld; wel kan er intussen op de verkeerde gegevens zijn gehandeld.",
      integrity_open: () => "Zolang de ongewenste wijziging niet is hersteld, kan er op verkeerde gegevens worden gehandeld.",
      integrity_deliberate: () => "De wijziging was opzettelijk: de kans op schade is groter.",
      integrity_care: () => "Gewijzigde gezondheidsgegevens in de zorg kunnen de zorg zelf in gevaar brengen.",

      availability_encryption: () => "Versleuteling beschermt tegen inzage, maar brengt verloren gegevens niet terug.",
      availability_restored: () =>
        "De gegevens waren snel weer beschikbaar (bijv. uit een back-up) zonder gevolgen voor mensen of zorg: geen risico door het verlies.",
      availability_delayed_vulnerable: () => "Door het verlies raakte de zorg aan kwetsbare personen verstoord: hoog risico.",
      availability_delayed_if_vulnerable: () =>
        "Het verlies raakte mensen of de zorg; gaat het om kwetsbare personen in de zorg, dan is dat een hoog risico.",
      availability_delayed: () => "De gegevens waren tijdelijk niet beschikbaar en dat raakte mensen of de zorg: risico.",
      availability_permanent_sensitive: () =>
        "Blijvend verlies (geen back-up) van gezondheidsgegevens of van gegevens van kwetsbare personen is een hoog risico.",
      availability_permanent: () => "Blijvend verlies van de gegevens (geen back-up) is een risico.",

      exemption_unintelligible: () => "Uitzondering art. 34 lid 3 onder a AVG: de gegevens waren onleesbaar voor onbevoegden.",
      exemption_subsequent_measures: () =>
        "Uitzondering art. 34 lid 3 onder b AVG: wie de gegevens kreeg, handelde zonder opzet en heeft ze teruggegeven of verwijderd. Door die maatregel zal het hoge risico zich voor de betrokkenen waarschijnlijk niet meer voordoen, zodat zij niet afzonderlijk geïnformeerd hoeven te worden; de melding aan de AP blijft nodig. Leg de bevestiging daarvan vast.",
      exemption_disproportionate_effort: (p: { threshold: number }) =>
        `Uitzondering art. 34 lid 3 onder c AVG: meer dan ${nl(p.threshold)} personen afzonderlijk informeren vergt een onevenredige inspanning; een openbare mededeling (website, media) komt daarvoor in de plaats en is verplicht.`,

      enisa_lower: (p: TScore) =>
        `De ENISA-score ${nl(p.score)} (${bandNames.nl[p.band]}) valt lager uit, maar is alleen ondersteunend: de factoren hierboven wegen zwaarder en de score verlaagt dit oordeel niet.`,
      enisa_higher: (p: TScore) =>
        `De ENISA-score ${nl(p.score)} (${bandNames.nl[p.band]}) valt hoger uit, want die rekent vooral met de gevoeligheid van de gegevens; de omstandigheden hierboven maken een risico toch onwaarschijnlijk. Leg dat vast.`,
      enisa_supporting: (p: TScore) => `Ondersteunend: ENISA-score ${nl(p.score)} (${bandNames.nl[p.band]}).`,

      scoring_figure: (p: TFigure) =>
        `${dimensionNames.nl[p.type]}: kans ${nl(p.likelihood)} x ernst ${nl(p.severity)} = ${nl(p.figure)}, ${riskNames.nl[p.level]}.`,
      enisa_dpc_assumed: () => "Soorten gegevens niet beantwoord: gerekend als gevoelige gegevens (DPC 4).",
      enisa_dpc_base: (p: { dpc: TDpcClass }) => `Basis-DPC ${p.dpc}: ${dpcClassNames.nl[p.dpc]}.`,
      enisa_vulnerable: () => "Kwetsbare personen: DPC +1.",
      enisa_vulnerable_assumed: () => "Kwetsbaarheid niet beantwoord: als kwetsbaar gerekend, DPC +1.",
      enisa_care: () => "Zorgorganisatie: gegevens van cliënten verraden dat zij zorg krijgen, DPC +1.",
      enisa_volume_assumed: () => "Aantal personen niet beantwoord: als groot aantal gerekend, DPC +1.",
      enisa_volume: (p: { count: number }) => `Groot aantal personen (${nl(p.count)}): DPC +1.`,
      enisa_dpc_capped: () => "DPC begrensd op 4.",
      enisa_ei_unintelligible: () => "Gegevens onleesbaar (versleuteld): EI 0,25.",
      enisa_ei_assumed: () => "Herkenbaarheid niet beantwoord: als maximaal gerekend, EI 1.",
      enisa_ei: (p: { identifiability: TIdentifiability; ei: number }) =>
        `Herkenbaarheid ${identifiabilityNames.nl[p.identifiability]}: EI ${nl(p.ei)}.`,
      enisa_cb_confidentiality: (p: { recipient: TRecipient | null; addition: number }) =>
        `Vertrouwelijkheid (ontvanger: ${p.recipient ? recipientNames.nl[p.recipient] : "niet beantwoord, als onbekend gerekend"}): CB +${nl(p.addition)}.`,
      enisa_cb_integrity: (p: { recoverable: boolean; addition: number }) =>
        `Integriteit (${p.recoverable ? "herstelbaar" : "niet herstelbaar of onbekend"}): CB +${nl(p.addition)}.`,
      enisa_cb_availability: (p: { impact: TAvailabilityImpact | null; addition: number }) =>
        `Beschikbaarheid (${p.impact ? availabilityNames.nl[p.impact] : "niet beantwoord, als blijvend gerekend"}): CB +${nl(p.addition)}.`,
      enisa_cb_malicious: () => "Kwade opzet: CB +0,5.",
      enisa_cb_malicious_assumed: () => "Opzet niet beantwoord: als kwade opzet gerekend, CB +0,5.",
      enisa_score: (p: { dpc: number; ei: number; cb: number; score: number; band: TSeverityBand }) =>
        `ENISA-score ${nl(p.dpc)} x ${nl(p.ei)} + ${nl(p.cb)} = ${nl(p.score)}: ${bandNames.nl[p.band]}.`,
    },

    group: {
      title: (p: { reference: string; part: number; parts: number }) => `Checklist ${p.reference} (${p.part}/${p.parts})`,
      introFirst:
        "Alleen een privacyfunctionaris kan antwoorden. Antwoorden uit de melding zijn voorgesteld: bevestig of pas aan. Een antwoord kan worden gewijzigd tot het besluit is vastgelegd.",
      introNext: "Vervolg van de checklist.",
      locked: "🔒 Het besluit is vastgelegd; de antwoorden liggen vast.",
      chooseAll: "Kies alles wat klopt",
      confirm: "Bevestigen",
      save: "Opslaan",
      numberLabel: "Aantal (Enter om op te slaan)",
      notAnswered: "⚪ Nog niet beantwoord",
      suggested: "🟡 Voorgesteld uit de melding: ",
      howOne: " — klik het om te bevestigen, of kies anders",
      howOther: " — bevestig, of pas aan",
      answered: "✅ ",
      notAsked: "Alleen nodig als iemand buiten de organisatie de gegevens kan hebben.",
    },

    assessment: {
      heading: (p: { reference: string }) => `Beoordeling ${p.reference}`,
      waiting: (p: { open: string }) => `⏳ De beoordeling wacht op antwoorden: ${p.open}.`,
      level: "Niveau: ",
      overridden: (p: { assessed: string }) => ` (vastgesteld door de privacyfunctionaris; de beoordeling gaf: ${p.assessed})`,
      law: "Wat de wet vraagt",
      lawNotABreach: "📁 Niet melden bij de AP. Vastleggen als beveiligingsincident.",
      lawNoRisk: "📁 Alleen vastleggen in het register van datalekken (art. 33 lid 5 AVG); niet melden bij de AP.",
      /** `left` only while the countdown runs: once decided, the deadline is a fact, not a countdown. */
      lawNotify: (p: { deadline: string; left?: string }): TRichText => [
        "🚨 Melden bij de Autoriteit Persoonsgegevens vóór ",
        { strong: p.deadline },
        `${p.left ? ` (${p.left})` : ""} (art. 33 AVG).`,
      ],
      lawInform: "💬 De betrokkenen zonder onnodige vertraging informeren (art. 34 AVG).",
      lawExempt:
        "💬 De betrokkenen hoeven niet persoonlijk te worden geïnformeerd: een uitzondering van art. 34 lid 3 geldt (zie hieronder).",
      exemption: "Uitzondering (art. 34 lid 3 AVG)",
      why: "Waarom",
      prefilled: (p: { questions: string }) => `🟡 Overgenomen uit de melding, nog niet bevestigd: ${p.questions}.`,
      confirmedBy: "✅ Bevestigd door ",
      overriddenBy: "✏️ Niveau aangepast door ",
      reasonInTimeline: " De reden staat in de tijdlijn.",
      notSettled: "❔ Nog niet bevestigd: bevestig de beoordeling of pas het niveau aan (met reden).",
      decision: "🔒 Besluit: ",
      apReference: (p: { apReference: string }) => ` (meldnummer ${p.apReference})`,
      confirm: "Beoordeling bevestigen",
      followAssessment: "Toch de beoordeling volgen",
      override: "Niveau aanpassen…",
    },

    forms: {
      decisionTitle: "Besluit vastleggen",
      overrideTitle: "Niveau aanpassen",
      submit: "Vastleggen",
      close: "Annuleren",
      assessedAs: "Beoordeling: ",
      noAssessment: "Er is nog geen volledige beoordeling.",
      contradicts: "⚠️ Dit besluit wijkt af van de beoordeling: schrijf op waarom. De reden komt in het register.",
      apReference: "Meldnummer van de AP",
      apReferenceHint: "Het nummer uit de ontvangstbevestiging van het meldloket.",
      reason: "Reden",
      note: "Toelichting",
      reasonHint: "Geen namen of BSN's: beschrijf de afweging.",
      overrideIntro: (p: { reference: string; assessed: string }): TRichText => [
        { strong: p.reference },
        ": de beoordeling gaf ",
        { strong: p.assessed },
        ". Kies het niveau dat volgens jou geldt en schrijf op waarom.",
      ],
      level: "Niveau",
      levelPlaceholder: "Kies een niveau",
    },

    errors: {
      chooseLevel: "Kies een niveau.",
      sameLevel: "Dit is het beoordeelde niveau: kies een ander niveau, of sluit dit venster en bevestig de beoordeling.",
      apReferenceMissing: "Vul het meldnummer van de AP in.",
      apReferenceTooLong: "Dat is te lang voor een meldnummer.",
      reasonMissing: "Schrijf de reden op.",
      reasonTooShort: (p: { min: number }) => `Geef een reden van minstens ${p.min} tekens, zodat hij later te begrijpen is.`,
      reasonTooLong: (p: { max: number }) => `Houd de reden korter dan ${nl(p.max)} tekens.`,
      refused: "Alleen een privacyfunctionaris kan dit vastleggen.",
      notFound: "Dit incident bestaat niet (meer).",
      alreadyDecided: "Het besluit is al vastgelegd.",
      locked: "Het besluit is al vastgelegd; het niveau ligt vast.",
      noAssessment: "Er is (nog) geen volledige beoordeling om aan te passen.",
    },
  },
  en: {
    levels: levelTitles.en,
    levelMeanings: levelMeanings.en,
    exemptions: exemptionLabels.en,
    shortNames: questionShortNames.en,
    bands: bandNames.en,
    reasons: {
      headline_not_a_breach: () =>
        "Not a personal-data breach: no personal data are involved. Register it as a security incident.",
      headline_no_risk: () =>
        "Do not notify: the breach is unlikely to result in a risk to the people concerned. Record it in the register (Art. 33(5) GDPR).",
      headline_risk: () =>
        "Notify the Dutch DPA (Autoriteit Persoonsgegevens) within 72 hours: the breach is likely to result in a risk to the people concerned (Art. 33 GDPR).",
      headline_high_risk: () =>
        "High risk: notify the Dutch DPA within 72 hours and inform the people concerned without undue delay (Art. 33 and 34 GDPR).",
      headline_high_risk_exempt: () =>
        "High risk: notify the Dutch DPA within 72 hours; the people concerned need not be informed individually because of an exemption (Art. 34(3) GDPR).",

      personal_data_uncertain: () =>
        "Not yet certain whether personal data are involved; assumed as a precaution: personal data are involved.",
      assumed_personal_data: () => `${ASSUMED_EN}personal data are involved.`,
      assumed_breach_types: () => `${ASSUMED_EN}unauthorised access or disclosure.`,
      assumed_data_categories: () =>
        `${ASSUMED_EN}health data, a special category for which the EDPB says damage should be considered likely.`,
      assumed_people_affected: () => `${ASSUMED_EN}a large number of people (1,000 or more); that increases the impact.`,
      assumed_vulnerable_people: () =>
        `${ASSUMED_EN}children, clients or other vulnerable people are concerned; that raises the risk.`,
      assumed_identifiability: () => `${ASSUMED_EN}the people are directly identifiable from the data.`,
      assumed_unintelligible: () => `${ASSUMED_EN}the data were readable to unauthorised persons.`,
      assumed_recipient: () => `${ASSUMED_EN}unknown persons may have the data; what happens to them cannot be overseen.`,
      assumed_recipients_count: () => `${ASSUMED_EN}the data reached 1,000 or more recipients; that is close to publication.`,
      assumed_malicious: () => `${ASSUMED_EN}there was (malicious) intent; that makes misuse more likely.`,
      assumed_availability_impact: () => `${ASSUMED_EN}the data are permanently lost.`,
      assumed_contained: () => `${ASSUMED_EN}the breach has not been contained yet.`,
      assumed_harm_observed: () =>
        "Not answered yet whether misuse has been seen; assumed that no misuse is known yet. Check this and reassess.",

      harm_observed: () => "Misuse or harm has already been seen: the risk has materialised. That is a high risk.",
      category: (p: { category: TDataCategory }) => categoryReasons.en[p.category],
      heavy_combination: () => "The combination of several sensitive kinds of data increases the severity.",
      vulnerable: () => "Children, clients or other vulnerable people are concerned: that raises the risk.",
      care_organisation: () =>
        "A care organisation: merely appearing in its files says something about a person’s health or care. That weighs heavier.",
      people_large: (p: { count: number }) => `Large number of people (${en(p.count)}): greater impact.`,
      people_considerable: (p: { count: number }) => `Considerable number of people (${en(p.count)}): greater impact.`,
      one_person_sensitive: () => "Only one person, but with data this sensitive that alone can have severe consequences.",
      identifiability_negligible: () => "The people can hardly be identified from the data: that lowers the risk strongly.",
      identifiability_limited: () => "The people are only to a limited extent identifiable: that lowers the risk.",

      unintelligible: () =>
        "The data were unintelligible to unauthorised persons (strong encryption, key not compromised): a risk from disclosure is unlikely.",
      recipient_none_contained: () => "Nobody has seen the data and the hole is closed: that makes misuse unlikely.",
      recipient_none_open: () => "Nobody has seen the data, but as long as the hole is not closed, misuse remains possible.",
      recipient_trusted_contained: () =>
        "The recipient is trusted, bound to confidentiality and has returned or deleted the data: that makes misuse unlikely.",
      recipient_trusted_open: () =>
        "The recipient is trusted, but as long as the data have not demonstrably been returned or deleted, misuse remains possible.",
      recipient_known_one: () => "The data reached one known but unauthorised recipient.",
      recipient_known: () => "The data reached known but unauthorised recipients.",
      recipient_unknown: () => "Unknown persons may have the data: what happens to them cannot be overseen.",
      recipient_public: () => "The data were public: anyone may have copied them.",
      recipients_several: (p: { count: number }) =>
        `There are ${en(p.count)} recipients: the more people hold the data, the less the organisation can rely on their deleting it unread. That weighs towards unknown recipients.`,
      recipients_several_trusted: (p: { count: number }) =>
        `There are ${en(p.count)} recipients: the more people hold the data, the less certain it is that all of them returned or deleted it.`,
      recipients_mass: (p: { count: number }) => `The data reached ${en(p.count)} recipients: that is close to publication.`,
      malicious: () => "There was (malicious) intent: misuse is more likely.",
      contained_lowers: () => "The breach is stopped and the data retrieved, deleted or secured: that lowers the likelihood.",
      special_exposed: () =>
        "When special-category data reach an unauthorised person, the EDPB says damage should be considered likely. So the breach counts as a risk for the notification to the AP, even though it was contained afterwards.",

      integrity_restored: () =>
        "The unwanted alteration has been undone, though the wrong data may have been acted on meanwhile.",
      integrity_open: () => "As long as the unwanted alteration has not been undone, people may act on wrong data.",
      integrity_deliberate: () => "The alteration was deliberate: damage is more likely.",
      integrity_care: () => "Altered health data in a care setting can endanger the care itself.",

      availability_encryption: () => "Encryption protects against disclosure, but does not bring back lost data.",
      availability_restored: () =>
        "The data were quickly available again (e.g. from a backup) without consequences for people or care: no risk from the loss.",
      availability_delayed_vulnerable: () => "The loss disrupted care to vulnerable people: high risk.",
      availability_delayed_if_vulnerable: () =>
        "The loss affected people or care; where those are vulnerable people in care, that is a high risk.",
      availability_delayed: () => "The data were temporarily unavailable and that affected people or care: risk.",
      availability_permanent_sensitive: () =>
        "Permanent loss (no backup) of health data or of vulnerable people’s data is a high risk.",
      availability_permanent: () => "Permanent loss of the data (no backup) is a risk.",

      exemption_unintelligible: () => "Exemption Art. 34(3)(a) GDPR: the data were unintelligible to unauthorised persons.",
      exemption_subsequent_measures: () =>
        "Exemption Art. 34(3)(b) GDPR: whoever received the data acted without intent and returned or deleted them. That measure makes the high risk to the people concerned no longer likely to materialise, so they need not be informed individually; the notification to the AP is still required. Record the confirmation.",
      exemption_disproportionate_effort: (p: { threshold: number }) =>
        `Exemption Art. 34(3)(c) GDPR: informing more than ${en(p.threshold)} people individually takes disproportionate effort; a public communication (website, media) replaces it and is required.`,

      enisa_lower: (p: TScore) =>
        `The ENISA score ${en(p.score)} (${bandNames.en[p.band]}) comes out lower, but it is only supporting: the factors above weigh heavier and the score does not lower this decision.`,
      enisa_higher: (p: TScore) =>
        `The ENISA score ${en(p.score)} (${bandNames.en[p.band]}) comes out higher, as it mainly counts the sensitivity of the data; the circumstances above still make a risk unlikely. Record this.`,
      enisa_supporting: (p: TScore) => `Supporting figure: ENISA score ${en(p.score)} (${bandNames.en[p.band]}).`,

      scoring_figure: (p: TFigure) =>
        `${dimensionNames.en[p.type]}: likelihood ${en(p.likelihood)} x severity ${en(p.severity)} = ${en(p.figure)}, ${riskNames.en[p.level]}.`,
      enisa_dpc_assumed: () => "Kinds of data not answered: counted as sensitive data (DPC 4).",
      enisa_dpc_base: (p: { dpc: TDpcClass }) => `Base DPC ${p.dpc}: ${dpcClassNames.en[p.dpc]}.`,
      enisa_vulnerable: () => "Vulnerable people: DPC +1.",
      enisa_vulnerable_assumed: () => "Vulnerability not answered: counted as vulnerable, DPC +1.",
      enisa_care: () => "Care organisation: client data reveal that they receive care, DPC +1.",
      enisa_volume_assumed: () => "Number of people not answered: counted as a large number, DPC +1.",
      enisa_volume: (p: { count: number }) => `Large number of people (${en(p.count)}): DPC +1.`,
      enisa_dpc_capped: () => "DPC capped at 4.",
      enisa_ei_unintelligible: () => "Data unintelligible (encrypted): EI 0.25.",
      enisa_ei_assumed: () => "Identifiability not answered: counted as maximum, EI 1.",
      enisa_ei: (p: { identifiability: TIdentifiability; ei: number }) =>
        `Identifiability ${identifiabilityNames.en[p.identifiability]}: EI ${en(p.ei)}.`,
      enisa_cb_confidentiality: (p: { recipient: TRecipient | null; addition: number }) =>
        `Confidentiality (recipient: ${p.recipient ? recipientNames.en[p.recipient] : "not answered, counted as unknown"}): CB +${en(p.addition)}.`,
      enisa_cb_integrity: (p: { recoverable: boolean; addition: number }) =>
        `Integrity (${p.recoverable ? "recoverable" : "not recoverable or unknown"}): CB +${en(p.addition)}.`,
      enisa_cb_availability: (p: { impact: TAvailabilityImpact | null; addition: number }) =>
        `Availability (${p.impact ? availabilityNames.en[p.impact] : "not answered, counted as permanent"}): CB +${en(p.addition)}.`,
      enisa_cb_malicious: () => "Malicious intent: CB +0.5.",
      enisa_cb_malicious_assumed: () => "Intent not answered: counted as malicious, CB +0.5.",
      enisa_score: (p: { dpc: number; ei: number; cb: number; score: number; band: TSeverityBand }) =>
        `ENISA score ${en(p.dpc)} x ${en(p.ei)} + ${en(p.cb)} = ${en(p.score)}: ${bandNames.en[p.band]}.`,
    },

    group: {
      title: (p: { reference: string; part: number; parts: number }) => `Checklist ${p.reference} (${p.part}/${p.parts})`,
      introFirst:
        "Only a privacy officer can answer. Answers from the report are suggested: confirm or change them. An answer can be changed until the decision is recorded.",
      introNext: "The checklist continued.",
      locked: "🔒 The decision has been recorded; the answers are locked.",
      chooseAll: "Choose all that apply",
      confirm: "Confirm",
      save: "Save",
      numberLabel: "Number (Enter to save)",
      notAnswered: "⚪ Not answered yet",
      suggested: "🟡 Suggested by the report: ",
      howOne: " — click it to confirm, or choose another",
      howOther: " — confirm, or change it",
      answered: "✅ ",
      notAsked: "Only needed when someone outside the organisation may have the data.",
    },

    assessment: {
      heading: (p: { reference: string }) => `Assessment ${p.reference}`,
      waiting: (p: { open: string }) => `⏳ The assessment waits for answers: ${p.open}.`,
      level: "Level: ",
      overridden: (p: { assessed: string }) => ` (set by the privacy officer; the assessment gave: ${p.assessed})`,
      law: "What the law requires",
      lawNotABreach: "📁 Do not notify the AP. Record it as a security incident.",
      lawNoRisk: "📁 Document it in the breach register only (Art. 33(5) GDPR); do not notify the AP.",
      lawNotify: (p: { deadline: string; left?: string }): TRichText => [
        "🚨 Notify the Dutch DPA (Autoriteit Persoonsgegevens) before ",
        { strong: p.deadline },
        `${p.left ? ` (${p.left})` : ""} (Art. 33 GDPR).`,
      ],
      lawInform: "💬 Inform the people concerned without undue delay (Art. 34 GDPR).",
      lawExempt: "💬 The people concerned need not be informed individually: an Art. 34(3) exemption applies (see below).",
      exemption: "Exemption (Art. 34(3) GDPR)",
      why: "Why",
      prefilled: (p: { questions: string }) => `🟡 Taken from the report, not yet confirmed: ${p.questions}.`,
      confirmedBy: "✅ Confirmed by ",
      overriddenBy: "✏️ Level changed by ",
      reasonInTimeline: " The reason is in the timeline.",
      notSettled: "❔ Not confirmed yet: confirm the assessment or change the level (with a reason).",
      decision: "🔒 Decision: ",
      apReference: (p: { apReference: string }) => ` (reference ${p.apReference})`,
      confirm: "Confirm assessment",
      followAssessment: "Follow the assessment after all",
      override: "Change level…",
    },

    forms: {
      decisionTitle: "Record the decision",
      overrideTitle: "Change the level",
      submit: "Record",
      close: "Cancel",
      assessedAs: "Assessment: ",
      noAssessment: "There is no complete assessment yet.",
      contradicts: "⚠️ This decision goes against the assessment: write down why. The reason goes into the register.",
      apReference: "The AP's reference number",
      apReferenceHint: "The number in the AP's acknowledgement.",
      reason: "Reason",
      note: "Note",
      reasonHint: "No names or ID numbers: describe the reasoning.",
      overrideIntro: (p: { reference: string; assessed: string }): TRichText => [
        { strong: p.reference },
        ": the assessment gave ",
        { strong: p.assessed },
        ". Choose the level you find right and write down why.",
      ],
      level: "Level",
      levelPlaceholder: "Choose a level",
    },

    errors: {
      chooseLevel: "Choose a level.",
      sameLevel: "This is the assessed level: choose another level, or close this window and confirm the assessment.",
      apReferenceMissing: "Enter the AP's reference number.",
      apReferenceTooLong: "That is too long for a reference number.",
      reasonMissing: "Write down the reason.",
      reasonTooShort: (p: { min: number }) => `Give a reason of at least ${p.min} characters, so it can be understood later.`,
      reasonTooLong: (p: { max: number }) => `Keep the reason under ${en(p.max)} characters.`,
      refused: "Only a privacy officer can record this.",
      notFound: "This incident does not exist.",
      alreadyDecided: "The decision has already been recorded.",
      locked: "The decision has been recorded; the level is locked.",
      noAssessment: "There is no complete assessment to change (yet).",
    },
  },
});

type TReasonTexts = (typeof checklistTexts)["nl"]["reasons"];
export type TReasonCode = keyof TReasonTexts;

/** A reason as the engine gives it: a code of the catalogue and its figures. */
export type TReason = {
  [Code in TReasonCode]: Parameters<TReasonTexts[Code]> extends []
    ? { code: Code }
    : { code: Code; params: Parameters<TReasonTexts[Code]>[0] };
}[TReasonCode];
