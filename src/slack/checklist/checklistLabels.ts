// Words for the checklist and assessment messages, Dutch first.
import type { TAssessmentLevel, TExemption } from "../../assessment/assessBreach.ts";
import { questionById, valueLabel, type TLocale, type TQuestionId, type TText } from "../../assessment/questions.ts";
import type { TDecision } from "../../domain/incidents/decisions.ts";

/** Short names of the questions, for lists ("not yet confirmed: ..."). */
export const QUESTION_SHORT_NAMES: Record<TQuestionId, TText> = {
  personal_data: { nl: "Persoonsgegevens", en: "Personal data" },
  breach_types: { nl: "Wat misging", en: "What went wrong" },
  data_categories: { nl: "Soorten gegevens", en: "Kinds of data" },
  people_affected: { nl: "Aantal personen", en: "Number of people" },
  vulnerable_people: { nl: "Kwetsbare personen", en: "Vulnerable people" },
  identifiability: { nl: "Herkenbaarheid", en: "Identifiability" },
  unintelligible: { nl: "Onleesbaar", en: "Unintelligible" },
  recipient: { nl: "Wie het heeft", en: "Who has it" },
  malicious: { nl: "Opzet", en: "Intent" },
  availability_impact: { nl: "Beschikbaarheid", en: "Availability" },
  contained: { nl: "Gestopt", en: "Contained" },
  harm_observed: { nl: "Misbruik gezien", en: "Misuse seen" },
};

export const LEVEL_TEXT: Record<TAssessmentLevel, { title: TText; meaning: TText }> = {
  not_a_breach: {
    title: { nl: "Geen datalek", en: "Not a data breach" },
    meaning: {
      nl: "Er zijn geen persoonsgegevens betrokken. Het blijft geregistreerd als beveiligingsincident.",
      en: "No personal data are involved. It stays registered as a security incident.",
    },
  },
  no_risk: {
    title: { nl: "Datalek zonder risico", en: "Data breach without risk" },
    meaning: {
      nl: "Het lek leidt waarschijnlijk niet tot een risico voor de betrokkenen.",
      en: "The breach is unlikely to result in a risk to the people concerned.",
    },
  },
  risk: {
    title: { nl: "Datalek met risico", en: "Data breach with risk" },
    meaning: {
      nl: "Het lek leidt waarschijnlijk tot een risico voor de rechten en vrijheden van de betrokkenen.",
      en: "The breach is likely to result in a risk to the rights and freedoms of the people concerned.",
    },
  },
  high_risk: {
    title: { nl: "Datalek met hoog risico", en: "Data breach with high risk" },
    meaning: {
      nl: "Het lek leidt waarschijnlijk tot een hoog risico voor de rechten en vrijheden van de betrokkenen.",
      en: "The breach is likely to result in a high risk to the rights and freedoms of the people concerned.",
    },
  },
};

export const EXEMPTION_TEXT: Record<TExemption, TText> = {
  unintelligible: {
    nl: "art. 34 lid 3 onder a AVG: de gegevens waren onleesbaar voor onbevoegden (sterk versleuteld, sleutel veilig)",
    en: "Art. 34(3)(a) GDPR: the data were unintelligible to unauthorised persons (strongly encrypted, key safe)",
  },
  subsequent_measures: {
    nl: "art. 34 lid 3 onder b AVG: genomen maatregelen maken het hoge risico niet langer waarschijnlijk",
    en: "Art. 34(3)(b) GDPR: measures taken make the high risk no longer likely to materialise",
  },
  disproportionate_effort: {
    nl: "art. 34 lid 3 onder c AVG: iedereen persoonlijk informeren vergt onevenredige inspanning; een openbare mededeling komt in de plaats",
    en: "Art. 34(3)(c) GDPR: informing everyone individually would take disproportionate effort; a public communication replaces it",
  },
};

export const DECISION_TEXT: Record<TDecision, TText> = {
  ap_notified: { nl: "Gemeld bij de AP", en: "Notified to the AP" },
  not_notifiable: { nl: "Geen melding nodig", en: "No notification required" },
  not_a_breach: { nl: "Geen datalek", en: "Not a data breach" },
};

export function levelTitle(level: string, locale: TLocale): string {
  return LEVEL_TEXT[level as TAssessmentLevel]?.title[locale] ?? level;
}

/** An answer as words: labels for choices, the number as a number. */
export function answerText(questionId: TQuestionId, value: unknown, locale: TLocale): string {
  if (Array.isArray(value)) return value.map((item) => valueLabel(questionId, String(item), locale)).join(", ");
  if (questionById(questionId).kind === "number") return String(value);
  return valueLabel(questionId, String(value), locale);
}
