// Corrective measures and closing: the buttons on the incident's post, the
// form to add a measure, the owner's messages (assigned, due today,
// overdue, done), the follow-up in the thread, and the close form, which
// asks only what applies.
import { defineLabels, defineTexts } from "../core/text/defineTexts.ts";
import { person, strong, type TRichText } from "../core/text/richText.ts";
import type { TPersonId } from "../core/people/person.ts";
import type { TArt34Ground } from "../features/measures/closingRules.ts";

/** The Art. 34(3) GDPR grounds that spare the people concerned a message (short: Slack cuts options at 75 characters). */
export const art34GroundLabels = defineLabels<TArt34Ground>({
  nl: {
    unintelligible: "a. De gegevens waren onleesbaar voor onbevoegden",
    subsequent_measures: "b. Door maatregelen doet het hoge risico zich niet meer voor",
    disproportionate_effort: "c. Onevenredige inspanning: openbare mededeling gedaan",
  },
  en: {
    unintelligible: "a. The data were unintelligible to others",
    subsequent_measures: "b. Later measures mean the high risk no longer arises",
    disproportionate_effort: "c. Disproportionate effort: public notice given",
  },
});

const nlMeasures = (count: number) => (count === 1 ? "1 maatregel" : `${count} maatregelen`);
const enMeasures = (count: number) => (count === 1 ? "1 measure" : `${count} measures`);
const nlDays = (days: number) => (days === 1 ? "1 dag" : `${days} dagen`);
const enDays = (days: number) => (days === 1 ? "1 day" : `${days} days`);

export const measuresTexts = defineTexts({
  nl: {
    post: {
      add: "Maatregel toevoegen",
      close: "Afsluiten",
      closedOn: (p: { when: string }) => `Afgesloten op ${p.when}. De opvolging staat in de thread.`,
    },
    form: {
      title: "Maatregel",
      submit: "Toevoegen",
      close: "Annuleren",
      intro: (p: { reference: string }): TRichText => ["Corrigerende maatregel bij ", strong(p.reference)],
      what: "Wat moet er gebeuren?",
      whatHint: "Geen namen of BSN's van betrokkenen.",
      owner: "Eigenaar",
      ownerPlaceholder: "Kies een collega",
      due: "Uiterlijk op",
    },
    problems: {
      whatMissing: "Beschrijf de maatregel.",
      whatTooLong: (p: { max: number }) => `Hooguit ${p.max.toLocaleString("nl-NL")} tekens.`,
      ownerMissing: "Kies een eigenaar.",
      dueMissing: "Kies een datum.",
      duePast: "De datum ligt in het verleden.",
      closed: "Dit incident is al afgesloten.",
      refused: "Alleen een privacyfunctionaris kan maatregelen toevoegen. Je poging is vastgelegd.",
      notFound: "Dit incident bestaat niet (meer).",
      saveFailed: "Opslaan lukte niet. Probeer het over een minuut opnieuw; je tekst staat er nog.",
    },
    owner: {
      assignedSummary: (p: { reference: string; due: string }) => `Corrigerende maatregel bij ${p.reference}, uiterlijk ${p.due}`,
      assigned: (p: { reference: string; due: string }): TRichText => [
        "📋 Je bent eigenaar van een corrigerende maatregel bij ",
        strong(p.reference),
        ", uiterlijk ",
        strong(p.due),
        ":",
      ],
      dueTodaySummary: (p: { reference: string }) => `Vandaag moet de maatregel bij ${p.reference} klaar zijn`,
      dueToday: (p: { reference: string; due: string }): TRichText => [
        `⏰ Vandaag (${p.due}) moet de maatregel bij `,
        strong(p.reference),
        " klaar zijn:",
      ],
      overdueSummary: (p: { reference: string }) => `Te laat: de maatregel bij ${p.reference}`,
      overdue: (p: { reference: string; due: string }): TRichText => [
        "⚠️ Te laat: de maatregel bij ",
        strong(p.reference),
        " had op ",
        strong(p.due),
        " klaar moeten zijn:",
      ],
      doneButton: "Afgerond",
      doneSummary: (p: { reference: string }) => `Maatregel bij ${p.reference} afgerond`,
      done: (p: { reference: string; by: TPersonId; when: string }): TRichText => [
        "✅ Maatregel bij ",
        strong(p.reference),
        " afgerond door ",
        person(p.by),
        ` op ${p.when}:`,
      ],
    },
    progress: {
      title: (p: { reference: string }) => `Opvolging ${p.reference}`,
      count: (p: { done: number; total: number }) =>
        p.total === 0 ? "nog geen maatregelen" : `${p.done} van ${nlMeasures(p.total)} afgerond`,
      open: (p: { number: number; owner: TPersonId; due: string }): TRichText => [
        `⏳ Maatregel ${p.number}: `,
        person(p.owner),
        `, uiterlijk ${p.due}`,
      ],
      late: (p: { number: number; owner: TPersonId; due: string }): TRichText => [
        `⚠️ Maatregel ${p.number}: `,
        person(p.owner),
        `, uiterlijk ${p.due} (te laat)`,
      ],
      done: (p: { number: number; by: TPersonId; when: string }): TRichText => [
        `✅ Maatregel ${p.number}: afgerond door `,
        person(p.by),
        ` op ${p.when}`,
      ],
      whereText: "Wat er moet gebeuren, staat in het bericht aan de eigenaar.",
      noMeasures: "Geen maatregelen nodig; de reden staat in het dossier.",
      closed: (p: { by: TPersonId; when: string }): TRichText => ["🔒 Afgesloten door ", person(p.by), ` op ${p.when}.`],
      evaluationPlanned: (p: { when: string; asked: TPersonId }): TRichText => [
        `🔍 Op ${p.when} vraag ik `,
        person(p.asked),
        " om de evaluatie: hebben de maatregelen gewerkt, en moet de procedure worden bijgewerkt?",
      ],
      evaluationAsked: (p: { when: string; asked: TPersonId }): TRichText => [
        `🔍 Evaluatie gevraagd aan `,
        person(p.asked),
        ` op ${p.when}; nog niet ingevuld.`,
      ],
      evaluated: (p: { by: TPersonId; when: string }): TRichText => [
        "🔍 Evaluatie vastgelegd door ",
        person(p.by),
        ` op ${p.when}.`,
      ],
    },
    closeForm: {
      title: "Afsluiten",
      submit: "Afsluiten",
      close: "Annuleren",
      intro: (p: { reference: string; measures: number; days: number }): TRichText => [
        strong(p.reference),
        p.measures === 0
          ? " afsluiten. Er zijn geen maatregelen."
          : ` afsluiten. ${nlMeasures(p.measures)}, ${p.measures === 1 ? "afgerond" : "alle afgerond"}.`,
        ` Over ${nlDays(p.days)} vraag ik om een evaluatie.`,
      ],
      subjectsInformed: (p: { when: string }) => `De betrokkenen zijn geïnformeerd op ${p.when} (art. 34 AVG).`,
      noMeasuresReason: "Waarom zijn geen maatregelen nodig?",
      noMeasuresReasonHint: "Dit komt in het dossier, niet in het kanaal.",
      art34Intro: (): TRichText => [
        strong("Hoog risico: de betrokkenen moeten worden geïnformeerd (art. 34 AVG)"),
        ", en dat is niet vastgelegd. Leg eerst vast wanneer ze zijn geïnformeerd, of kies hieronder de uitzondering van art. 34 lid 3 die geldt, met een toelichting.",
      ],
      art34Ground: "Uitzondering (art. 34 lid 3 AVG)",
      art34GroundPlaceholder: "Kies de uitzondering",
      art34Suggested: (p: { ground: string }) => `De beoordeling wijst op: ${p.ground}`,
      art34Reason: "Toelichting bij de uitzondering",
      art34ReasonHint: "Waarom geldt deze uitzondering? Dit komt in het dossier.",
    },
    closeProblems: {
      reasonMissing: "Er zijn geen maatregelen: leg uit waarom die niet nodig zijn.",
      tooShort: (p: { min: number }) => `Schrijf minstens ${p.min} tekens.`,
      tooLong: (p: { max: number }) => `Hooguit ${p.max.toLocaleString("nl-NL")} tekens.`,
      groundMissing: "Kies de uitzondering die geldt, of leg eerst vast dat de betrokkenen zijn geïnformeerd.",
      art34ReasonMissing: "Licht toe waarom de uitzondering geldt.",
      needsDecision: "Leg eerst het besluit vast (melden aan de AP of niet).",
      needsApReference: "Het besluit is ‘gemeld bij de AP’, maar het kenmerk van de AP ontbreekt. Leg dat eerst vast.",
      openMeasures: (p: { count: number }) =>
        `Nog ${nlMeasures(p.count)} open. Afsluiten kan als alle maatregelen zijn afgerond.`,
      refused: "Alleen een privacyfunctionaris kan afsluiten. Je poging is vastgelegd.",
      alreadyClosed: "Dit incident is al afgesloten.",
      notFound: "Dit incident bestaat niet (meer).",
    },
    art34Grounds: art34GroundLabels.nl,
  },
  en: {
    post: {
      add: "Add measure",
      close: "Close",
      closedOn: (p: { when: string }) => `Closed on ${p.when}. The follow-up is in the thread.`,
    },
    form: {
      title: "Measure",
      submit: "Add",
      close: "Cancel",
      intro: (p: { reference: string }): TRichText => ["Corrective measure for ", strong(p.reference)],
      what: "What needs to be done?",
      whatHint: "No names or citizen numbers of the people concerned.",
      owner: "Owner",
      ownerPlaceholder: "Choose a colleague",
      due: "Due date",
    },
    problems: {
      whatMissing: "Describe the measure.",
      whatTooLong: (p: { max: number }) => `At most ${p.max.toLocaleString("en-GB")} characters.`,
      ownerMissing: "Choose an owner.",
      dueMissing: "Choose a date.",
      duePast: "The date is in the past.",
      closed: "This incident has already been closed.",
      refused: "Only a privacy officer can add measures. Your attempt has been recorded.",
      notFound: "This incident does not exist (any more).",
      saveFailed: "Saving failed. Try again in a minute; your text is still here.",
    },
    owner: {
      assignedSummary: (p: { reference: string; due: string }) => `Corrective measure for ${p.reference}, due ${p.due}`,
      assigned: (p: { reference: string; due: string }): TRichText => [
        "📋 You own a corrective measure for ",
        strong(p.reference),
        ", due ",
        strong(p.due),
        ":",
      ],
      dueTodaySummary: (p: { reference: string }) => `The measure for ${p.reference} is due today`,
      dueToday: (p: { reference: string; due: string }): TRichText => [
        "⏰ The measure for ",
        strong(p.reference),
        ` is due today (${p.due}):`,
      ],
      overdueSummary: (p: { reference: string }) => `Overdue: the measure for ${p.reference}`,
      overdue: (p: { reference: string; due: string }): TRichText => [
        "⚠️ Overdue: the measure for ",
        strong(p.reference),
        " was due on ",
        strong(p.due),
        ":",
      ],
      doneButton: "Done",
      doneSummary: (p: { reference: string }) => `Measure for ${p.reference} completed`,
      done: (p: { reference: string; by: TPersonId; when: string }): TRichText => [
        "✅ Measure for ",
        strong(p.reference),
        " completed by ",
        person(p.by),
        ` on ${p.when}:`,
      ],
    },
    progress: {
      title: (p: { reference: string }) => `Follow-up ${p.reference}`,
      count: (p: { done: number; total: number }) =>
        p.total === 0 ? "no measures yet" : `${p.done} of ${enMeasures(p.total)} done`,
      open: (p: { number: number; owner: TPersonId; due: string }): TRichText => [
        `⏳ Measure ${p.number}: `,
        person(p.owner),
        `, due ${p.due}`,
      ],
      late: (p: { number: number; owner: TPersonId; due: string }): TRichText => [
        `⚠️ Measure ${p.number}: `,
        person(p.owner),
        `, due ${p.due} (overdue)`,
      ],
      done: (p: { number: number; by: TPersonId; when: string }): TRichText => [
        `✅ Measure ${p.number}: completed by `,
        person(p.by),
        ` on ${p.when}`,
      ],
      whereText: "What needs to be done is in the message to its owner.",
      noMeasures: "No measures needed; the reason is in the record.",
      closed: (p: { by: TPersonId; when: string }): TRichText => ["🔒 Closed by ", person(p.by), ` on ${p.when}.`],
      evaluationPlanned: (p: { when: string; asked: TPersonId }): TRichText => [
        `🔍 On ${p.when} I will ask `,
        person(p.asked),
        " for the evaluation: did the measures work, and does the procedure need to change?",
      ],
      evaluationAsked: (p: { when: string; asked: TPersonId }): TRichText => [
        "🔍 Evaluation asked of ",
        person(p.asked),
        ` on ${p.when}; not recorded yet.`,
      ],
      evaluated: (p: { by: TPersonId; when: string }): TRichText => [
        "🔍 Evaluation recorded by ",
        person(p.by),
        ` on ${p.when}.`,
      ],
    },
    closeForm: {
      title: "Close",
      submit: "Close",
      close: "Cancel",
      intro: (p: { reference: string; measures: number; days: number }): TRichText => [
        "Close ",
        strong(p.reference),
        p.measures === 0 ? ". There are no measures." : `. ${enMeasures(p.measures)}, ${p.measures === 1 ? "done" : "all done"}.`,
        ` In ${enDays(p.days)} I will ask for an evaluation.`,
      ],
      subjectsInformed: (p: { when: string }) => `The people concerned were informed on ${p.when} (Art. 34 GDPR).`,
      noMeasuresReason: "Why are no measures needed?",
      noMeasuresReasonHint: "This goes into the record, not into the channel.",
      art34Intro: (): TRichText => [
        strong("High risk: the people concerned must be informed (Art. 34 GDPR)"),
        ", and that has not been recorded. Record first when they were informed, or choose below the Art. 34(3) exemption that applies, with an explanation.",
      ],
      art34Ground: "Exemption (Art. 34(3) GDPR)",
      art34GroundPlaceholder: "Choose the exemption",
      art34Suggested: (p: { ground: string }) => `The assessment points to: ${p.ground}`,
      art34Reason: "Why the exemption applies",
      art34ReasonHint: "Why does this exemption apply? This goes into the record.",
    },
    closeProblems: {
      reasonMissing: "There are no measures: explain why none are needed.",
      tooShort: (p: { min: number }) => `Write at least ${p.min} characters.`,
      tooLong: (p: { max: number }) => `At most ${p.max.toLocaleString("en-GB")} characters.`,
      groundMissing: "Choose the exemption that applies, or first record that the people concerned were informed.",
      art34ReasonMissing: "Explain why the exemption applies.",
      needsDecision: "Record the decision first (notify the AP or not).",
      needsApReference: "The decision is ‘notified to the AP’, but the AP's reference is missing. Record it first.",
      openMeasures: (p: { count: number }) =>
        `${enMeasures(p.count)} still open. Closing is possible once every measure is done.`,
      refused: "Only a privacy officer can close. Your attempt has been recorded.",
      alreadyClosed: "This incident has already been closed.",
      notFound: "This incident does not exist (any more).",
    },
    art34Grounds: art34GroundLabels.en,
  },
});
