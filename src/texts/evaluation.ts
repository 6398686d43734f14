// The evaluation after a closed incident (protocol section 8) and the
// yearly evaluation of the policy (policy section 8), with last year's
// incidents summarised.
import { defineLabels, defineTexts } from "../core/text/defineTexts.ts";
import { code, person, strong, type TRichText } from "../core/text/richText.ts";
import type { TPersonId } from "../core/people/person.ts";
import type { TMeasuresWorked, TProcedureChange } from "../features/evaluation/evaluationAnswers.ts";
import type { TSummaryLevel } from "../features/evaluation/yearSummary.ts";

export const measuresWorkedLabels = defineLabels<TMeasuresWorked>({
  nl: { yes: "Ja", partly: "Gedeeltelijk", no: "Nee", none_taken: "Er waren geen maatregelen" },
  en: { yes: "Yes", partly: "Partly", no: "No", none_taken: "There were no measures" },
});

export const procedureChangeLabels = defineLabels<TProcedureChange>({
  nl: { no: "Nee", yes: "Ja" },
  en: { no: "No", yes: "Yes" },
});

/** The levels as last year's summary counts them (short: they follow a count). */
export const summaryLevelLabels = defineLabels<TSummaryLevel>({
  nl: {
    high_risk: "hoog risico",
    risk: "risico",
    no_risk: "geen risico",
    not_a_breach: "geen datalek",
    unassessed: "niet beoordeeld",
  },
  en: { high_risk: "high risk", risk: "risk", no_risk: "no risk", not_a_breach: "not a breach", unassessed: "not assessed" },
});

export const evaluationTexts = defineTexts({
  nl: {
    request: {
      summary: (p: { reference: string }) => `Evaluatie van ${p.reference}: hebben de maatregelen gewerkt?`,
      text: (p: { reference: string; closedOn: string }): TRichText => [
        "🔍 ",
        strong(`Evaluatie van ${p.reference}`),
        ` (protocol, paragraaf 8). Het incident is afgesloten op ${p.closedOn}. Hebben de genomen maatregelen gewerkt, en moet de procedure voor datalekken worden bijgewerkt?`,
      ],
      start: "Evaluatie invullen",
      recorded: (p: { reference: string; by: TPersonId; when: string }): TRichText => [
        "✅ ",
        strong(`Evaluatie van ${p.reference}`),
        " vastgelegd door ",
        person(p.by),
        ` op ${p.when}.`,
      ],
    },
    form: {
      title: "Evaluatie",
      submit: "Vastleggen",
      close: "Annuleren",
      intro: (p: { reference: string }): TRichText => ["Evaluatie van ", strong(p.reference)],
      measuresWorked: "Hebben de maatregelen gewerkt?",
      procedureChange: "Moet de procedure voor datalekken worden bijgewerkt?",
      notes: "Toelichting",
      notesHint: "Wat ging goed, wat kan beter? Geen namen of BSN's.",
      chooseAnswer: "Kies een antwoord.",
      refused: "Alleen een privacyfunctionaris kan de evaluatie vastleggen. Je poging is vastgelegd.",
      notClosed: "Dit incident is nog niet afgesloten; evalueren kan na het afsluiten.",
      notFound: "Dit incident bestaat niet (meer).",
      saveFailed: "Opslaan lukte niet. Probeer het over een minuut opnieuw; je tekst staat er nog.",
    },
    measuresWorked: measuresWorkedLabels.nl,
    procedureChange: procedureChangeLabels.nl,
    policy: {
      summary: (p: { year: number }) => `Jaarlijkse evaluatie ${p.year}: beleid, register, beveiliging en procedure`,
      heading: (p: { year: number; reminder: boolean }): TRichText => [
        "📅 ",
        strong(`Jaarlijkse evaluatie ${p.year}`),
        p.reminder ? " (herinnering)" : "",
      ],
      review: (): TRichText => [
        "Evalueer en werk bij (dataverkeerbeleid, paragraaf 8):\n• het dataverkeerbeleid\n• het verwerkingsregister (",
        code("/datalek register"),
        ")\n• de beveiligingsmaatregelen\n• de procedure bij datalekken",
      ],
      incidents: (p: { year: number; total: string; levels: string }): TRichText => [
        strong(`Incidenten in ${p.year}:`),
        ` ${p.total}${p.levels ? ` (${p.levels})` : ""}`,
      ],
      figures: (p: { notified: string; late: string; informed: string; open: string }) =>
        `• gemeld bij de AP: ${p.notified}, waarvan te laat: ${p.late}\n• betrokkenen geïnformeerd: ${p.informed}\n• maatregelen nog open: ${p.open}`,
      done: "Evaluatie afgerond",
      completed: (p: { year: number; by: TPersonId; when: string }): TRichText => [
        "✅ ",
        strong(`Jaarlijkse evaluatie ${p.year}`),
        " afgerond door ",
        person(p.by),
        ` op ${p.when}.`,
      ],
    },
    levels: summaryLevelLabels.nl,
  },
  en: {
    request: {
      summary: (p: { reference: string }) => `Evaluation of ${p.reference}: did the measures work?`,
      text: (p: { reference: string; closedOn: string }): TRichText => [
        "🔍 ",
        strong(`Evaluation of ${p.reference}`),
        ` (protocol, section 8). The incident was closed on ${p.closedOn}. Did the measures work, and does the breach procedure need to change?`,
      ],
      start: "Record evaluation",
      recorded: (p: { reference: string; by: TPersonId; when: string }): TRichText => [
        "✅ ",
        strong(`Evaluation of ${p.reference}`),
        " recorded by ",
        person(p.by),
        ` on ${p.when}.`,
      ],
    },
    form: {
      title: "Evaluation",
      submit: "Record",
      close: "Cancel",
      intro: (p: { reference: string }): TRichText => ["Evaluation of ", strong(p.reference)],
      measuresWorked: "Did the measures work?",
      procedureChange: "Does the breach procedure need to change?",
      notes: "Notes",
      notesHint: "What went well, what could be better? No names or citizen numbers.",
      chooseAnswer: "Choose an answer.",
      refused: "Only a privacy officer can record the evaluation. Your attempt has been recorded.",
      notClosed: "This incident has not been closed; it can be evaluated after closing.",
      notFound: "This incident does not exist (any more).",
      saveFailed: "Saving failed. Try again in a minute; your text is still here.",
    },
    measuresWorked: measuresWorkedLabels.en,
    procedureChange: procedureChangeLabels.en,
    policy: {
      summary: (p: { year: number }) => `Yearly evaluation ${p.year}: policy, register, security and procedure`,
      heading: (p: { year: number; reminder: boolean }): TRichText => [
        "📅 ",
        strong(`Yearly evaluation ${p.year}`),
        p.reminder ? " (reminder)" : "",
      ],
      review: (): TRichText => [
        "Review and update (data-traffic policy, section 8):\n• the data-traffic policy\n• the processing register (",
        code("/datalek register"),
        ")\n• the security measures\n• the breach procedure",
      ],
      incidents: (p: { year: number; total: string; levels: string }): TRichText => [
        strong(`Incidents in ${p.year}:`),
        ` ${p.total}${p.levels ? ` (${p.levels})` : ""}`,
      ],
      figures: (p: { notified: string; late: string; informed: string; open: string }) =>
        `• notified to the AP: ${p.notified}, of which late: ${p.late}\n• people concerned informed: ${p.informed}\n• measures still open: ${p.open}`,
      done: "Evaluation done",
      completed: (p: { year: number; by: TPersonId; when: string }): TRichText => [
        "✅ ",
        strong(`Yearly evaluation ${p.year}`),
        " completed by ",
        person(p.by),
        ` on ${p.when}.`,
      ],
    },
    levels: summaryLevelLabels.en,
  },
});
