// The classification checklist as data. The identifiers and values are a
// stable interface (shared/spec/assessment.md): the Slack flow renders its
// buttons and selects from QUESTIONS, the database stores these values, and
// `datalek assess` validates its input with the schemas below.
import { z } from "zod";

export type TLocale = "nl" | "en";
/** A user-facing text, Dutch first (the default language), English second. */
export interface TText {
  nl: string;
  en: string;
}

export const QUESTION_IDS = [
  "personal_data",
  "breach_types",
  "data_categories",
  "people_affected",
  "vulnerable_people",
  "identifiability",
  "unintelligible",
  "recipient",
  "malicious",
  "availability_impact",
  "contained",
  "harm_observed",
] as const;
export type TQuestionId = (typeof QUESTION_IDS)[number];

export const YES_NO = ["yes", "no"] as const;
export type TYesNo = (typeof YES_NO)[number];
export const PERSONAL_DATA_VALUES = ["yes", "no", "unknown"] as const;
export type TPersonalData = (typeof PERSONAL_DATA_VALUES)[number];
export const BREACH_TYPES = ["confidentiality", "integrity", "availability"] as const;
export type TBreachType = (typeof BREACH_TYPES)[number];
export const DATA_CATEGORIES = [
  "identity_contact",
  "national_id",
  "id_document",
  "financial",
  "payment_card",
  "credentials",
  "health",
  "special_other",
  "criminal",
  "location_behaviour",
  "other",
] as const;
export type TDataCategory = (typeof DATA_CATEGORIES)[number];
export const IDENTIFIABILITY_VALUES = ["negligible", "limited", "significant", "maximum"] as const;
export type TIdentifiability = (typeof IDENTIFIABILITY_VALUES)[number];
export const RECIPIENT_VALUES = ["none", "trusted", "known", "unknown", "public"] as const;
export type TRecipient = (typeof RECIPIENT_VALUES)[number];
export const AVAILABILITY_IMPACT_VALUES = ["none", "restored", "delayed", "permanent"] as const;
export type TAvailabilityImpact = (typeof AVAILABILITY_IMPACT_VALUES)[number];
export const SECTORS = ["care", "general"] as const;
export type TSector = (typeof SECTORS)[number];

/** Upper bound for the head count: more than the Dutch population is a typo. */
export const MAX_PEOPLE_AFFECTED = 10_000_000;

export type TQuestionKind = "one" | "several" | "number";

export interface TQuestionValue {
  value: string;
  /** Short enough for a Slack button or option (<= 75 characters). */
  label: TText;
}

export interface TQuestion {
  id: TQuestionId;
  kind: TQuestionKind;
  text: TText;
  /** Empty for kind 'number'. */
  values: readonly TQuestionValue[];
  /** Only for kind 'number'. */
  min?: number;
  max?: number;
}

const yesNoValues = (yes: TText, no: TText): TQuestionValue[] => [
  { value: "yes", label: yes },
  { value: "no", label: no },
];

export const QUESTIONS: readonly TQuestion[] = [
  {
    id: "personal_data",
    kind: "one",
    text: {
      nl: "Gaat het om persoonsgegevens (gegevens over een herkenbaar mens)?",
      en: "Are personal data involved (data about an identifiable person)?",
    },
    values: [
      { value: "yes", label: { nl: "Ja", en: "Yes" } },
      { value: "no", label: { nl: "Nee", en: "No" } },
      { value: "unknown", label: { nl: "Weet ik (nog) niet", en: "Not known (yet)" } },
    ],
  },
  {
    id: "breach_types",
    kind: "several",
    text: {
      nl: "Wat is er misgegaan? Kies alles wat klopt.",
      en: "What went wrong? Choose all that apply.",
    },
    values: [
      {
        value: "confidentiality",
        label: { nl: "Inzage of verstrekking aan onbevoegden", en: "Unauthorised access or disclosure" },
      },
      { value: "integrity", label: { nl: "Ongewenste wijziging", en: "Unwanted alteration" } },
      { value: "availability", label: { nl: "Verlies of onbeschikbaarheid", en: "Loss or unavailability" } },
    ],
  },
  {
    id: "data_categories",
    kind: "several",
    text: {
      nl: "Welke soorten gegevens zijn betrokken? Kies alles wat klopt.",
      en: "Which kinds of data are involved? Choose all that apply.",
    },
    values: [
      {
        value: "identity_contact",
        label: { nl: "Naam, adres, contactgegevens, geboortedatum", en: "Name, address, contact details, date of birth" },
      },
      {
        value: "national_id",
        label: { nl: "BSN of ander identificatienummer", en: "Citizen service number (BSN) or other ID number" },
      },
      { value: "id_document", label: { nl: "Kopie identiteitsbewijs", en: "Copy of an identity document" } },
      { value: "financial", label: { nl: "Financiële gegevens", en: "Financial data" } },
      { value: "payment_card", label: { nl: "Betaalkaartgegevens", en: "Payment card data" } },
      {
        value: "credentials",
        label: { nl: "Inloggegevens (gebruikersnaam, wachtwoord)", en: "Login credentials (user name, password)" },
      },
      { value: "health", label: { nl: "Gezondheid, zorg of medicatie", en: "Health, care or medication" } },
      {
        value: "special_other",
        label: {
          nl: "Andere bijzondere gegevens (geloof, afkomst, seksualiteit)",
          en: "Other special categories (religion, ethnicity, sexuality)",
        },
      },
      { value: "criminal", label: { nl: "Strafrechtelijke gegevens", en: "Criminal-offence data" } },
      { value: "location_behaviour", label: { nl: "Locatie of gedrag", en: "Location or behaviour" } },
      { value: "other", label: { nl: "Overige gegevens", en: "Other data" } },
    ],
  },
  {
    id: "people_affected",
    kind: "number",
    text: {
      nl: "Om hoeveel personen gaat het? (beste schatting, liever te hoog dan te laag)",
      en: "How many people are affected? (best estimate, rather too high than too low)",
    },
    values: [],
    min: 0,
    max: MAX_PEOPLE_AFFECTED,
  },
  {
    id: "vulnerable_people",
    kind: "one",
    text: {
      nl: "Zijn het kinderen, cliënten, patiënten of andere kwetsbare personen?",
      en: "Are they children, clients, patients or other vulnerable people?",
    },
    values: yesNoValues({ nl: "Ja", en: "Yes" }, { nl: "Nee", en: "No" }),
  },
  {
    id: "identifiability",
    kind: "one",
    text: {
      nl: "Hoe makkelijk zijn de personen te herkennen uit de gegevens?",
      en: "How easily can the people be identified from the data?",
    },
    values: [
      { value: "negligible", label: { nl: "Nauwelijks (bijv. gepseudonimiseerd)", en: "Hardly (e.g. pseudonymised)" } },
      { value: "limited", label: { nl: "Beperkt (bijv. alleen initialen)", en: "Limited (e.g. initials only)" } },
      { value: "significant", label: { nl: "Goed, met wat moeite", en: "Fairly easily, with some effort" } },
      { value: "maximum", label: { nl: "Direct (naam, foto of BSN)", en: "Directly (name, photo or BSN)" } },
    ],
  },
  {
    id: "unintelligible",
    kind: "one",
    text: {
      nl: "Waren de gegevens onleesbaar voor onbevoegden (sterke versleuteling of hashing, sleutel niet gelekt)?",
      en: "Were the data unintelligible to unauthorised people (strong encryption or hashing, key not leaked)?",
    },
    values: yesNoValues(
      { nl: "Ja, onleesbaar (versleuteld, sleutel veilig)", en: "Yes, unreadable (encrypted, key safe)" },
      { nl: "Nee, leesbaar", en: "No, readable" },
    ),
  },
  {
    id: "recipient",
    kind: "one",
    text: {
      nl: "Wie kan de gegevens hebben?",
      en: "Who may have the data?",
    },
    values: [
      { value: "none", label: { nl: "Niemand", en: "Nobody" } },
      {
        value: "trusted",
        label: {
          nl: "Betrouwbare ontvanger met geheimhouding, teruggegeven/verwijderd",
          en: "Trusted recipient bound to secrecy, returned/deleted",
        },
      },
      { value: "known", label: { nl: "Bekende ontvanger(s)", en: "Known recipient(s)" } },
      { value: "unknown", label: { nl: "Onbekenden", en: "Unknown persons" } },
      { value: "public", label: { nl: "Openbaar (internet, sociale media)", en: "Public (internet, social media)" } },
    ],
  },
  {
    id: "malicious",
    kind: "one",
    text: {
      nl: "Was er opzet of kwaad opzet (aanval, diefstal, misbruik door een medewerker)?",
      en: "Was it deliberate or malicious (attack, theft, misuse by an employee)?",
    },
    values: yesNoValues(
      { nl: "Ja (aanval, diefstal, misbruik)", en: "Yes (attack, theft, misuse)" },
      { nl: "Nee, een vergissing of ongeluk", en: "No, a mistake or accident" },
    ),
  },
  {
    id: "availability_impact",
    kind: "one",
    text: {
      nl: "Hoe ernstig is het verlies aan beschikbaarheid?",
      en: "How serious is the loss of availability?",
    },
    values: [
      { value: "none", label: { nl: "Geen verlies", en: "No loss" } },
      { value: "restored", label: { nl: "Snel hersteld, zonder gevolgen", en: "Quickly restored, no consequences" } },
      {
        value: "delayed",
        label: {
          nl: "Hersteld met vertraging die mensen of de zorg raakt",
          en: "Restored with a delay that affected people or care",
        },
      },
      { value: "permanent", label: { nl: "Blijvend verloren", en: "Permanently lost" } },
    ],
  },
  {
    id: "contained",
    kind: "one",
    text: {
      nl: "Is het lek gestopt en zijn de gegevens terug, verwijderd of afgeschermd?",
      en: "Has the breach been stopped and the data retrieved, deleted or secured?",
    },
    values: yesNoValues(
      { nl: "Ja, gestopt en afgeschermd", en: "Yes, stopped and secured" },
      { nl: "Nee, of nog niet zeker", en: "No, or not yet certain" },
    ),
  },
  {
    id: "harm_observed",
    kind: "one",
    text: {
      nl: "Is er al misbruik of schade gezien (fraude, phishing, identiteitsfraude)?",
      en: "Has misuse or harm already been seen (fraud, phishing, identity theft)?",
    },
    values: yesNoValues(
      { nl: "Ja, misbruik of schade gezien", en: "Yes, misuse or harm seen" },
      { nl: "Nee, (nog) niet", en: "No, not (yet)" },
    ),
  },
];

/** Look up one question by id (always present: QUESTIONS covers QUESTION_IDS). */
export function questionById(id: TQuestionId): TQuestion {
  const question = QUESTIONS.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`unknown question id: ${id}`);
  return question;
}

/** The label of a value in the given language, or the raw value if unknown. */
export function valueLabel(id: TQuestionId, value: string, locale: TLocale = "nl"): string {
  const found = questionById(id).values.find((candidate) => candidate.value === value);
  return found ? found.label[locale] : value;
}

// ---------------------------------------------------------------------------
// Schemas

const listOf = <T extends readonly [string, ...string[]]>(values: T) => `one of ${values.join(", ")}`;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: () => `must be ${listOf(values)}` });

/** A multiple choice: each value at most once; an empty list means "not answered". */
const severalOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(oneOf(values), { error: () => `must be a list of values, each ${listOf(values)}` })
    .refine((chosen) => new Set(chosen).size === chosen.length, { error: "must not repeat a value" });

export const ZAnswers = z.strictObject(
  {
    personal_data: oneOf(PERSONAL_DATA_VALUES).optional(),
    breach_types: severalOf(BREACH_TYPES).optional(),
    data_categories: severalOf(DATA_CATEGORIES).optional(),
    people_affected: z
      .number({ error: () => "must be a whole number" })
      .int({ error: "must be a whole number" })
      .min(0, { error: "must not be negative" })
      .max(MAX_PEOPLE_AFFECTED, { error: `must be at most ${MAX_PEOPLE_AFFECTED}` })
      .optional(),
    vulnerable_people: oneOf(YES_NO).optional(),
    identifiability: oneOf(IDENTIFIABILITY_VALUES).optional(),
    unintelligible: oneOf(YES_NO).optional(),
    recipient: oneOf(RECIPIENT_VALUES).optional(),
    malicious: oneOf(YES_NO).optional(),
    availability_impact: oneOf(AVAILABILITY_IMPACT_VALUES).optional(),
    contained: oneOf(YES_NO).optional(),
    harm_observed: oneOf(YES_NO).optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "unknown question id"
        : issue.code === "invalid_type"
          ? "must be an object of answers keyed by question id"
          : undefined,
  },
);
export type TAnswers = z.infer<typeof ZAnswers>;

export const ZAssessmentContext = z.strictObject(
  {
    sector: oneOf(SECTORS).default("care"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "unknown context key"
        : issue.code === "invalid_type"
          ? 'must be an object such as { "sector": "care" }'
          : undefined,
  },
);
export type TAssessmentContext = z.infer<typeof ZAssessmentContext>;

/** The default context for this product: a care organisation. */
export const DEFAULT_ASSESSMENT_CONTEXT: TAssessmentContext = { sector: "care" };

export const ZAssessInput = z.strictObject(
  {
    answers: ZAnswers,
    context: ZAssessmentContext.default({ sector: "care" }),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? 'unknown key (expected only "answers" and "context")'
        : issue.code === "invalid_type"
          ? 'must be a JSON object with "answers" and optionally "context"'
          : undefined,
  },
);
export type TAssessInput = z.infer<typeof ZAssessInput>;
