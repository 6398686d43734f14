// The 72-hour countdown: the reminders before the deadline, the overdue
// notices (to management too), the re-page of an incident nobody took, and
// the correction of the moment of awareness.
import { defineTexts } from "../core/text/defineTexts.ts";
import { person, strong, type TRichText } from "../core/text/richText.ts";
import type { TPersonId } from "../core/people/person.ts";
import { formatNumber } from "../core/time/formatLocal.ts";
import type { TAwarenessProblem } from "../features/countdown/awarenessCorrection.ts";

type TAwarenessProblemTexts = {
  [C in TAwarenessProblem["code"]]: (problem: Extract<TAwarenessProblem, { code: C }>) => string;
};

const nlAwarenessProblems: TAwarenessProblemTexts = {
  required: () => "Kies het moment van bewustwording.",
  in_future: () => "Dit moment ligt in de toekomst.",
  before_occurrence: () => "Bewustwording kan niet vóór het ontstaan van het lek liggen.",
  reason_required: () => "Geef de reden van de correctie.",
  too_long: (p) => `Maximaal ${formatNumber(p.max, "nl")} tekens.`,
};

const enAwarenessProblems: TAwarenessProblemTexts = {
  required: () => "Choose the moment of awareness.",
  in_future: () => "This moment lies in the future.",
  before_occurrence: () => "Awareness cannot come before the breach occurred.",
  reason_required: () => "Give the reason for the correction.",
  too_long: (p) => `At most ${formatNumber(p.max, "en")} characters.`,
};

interface TWhen {
  reference: string;
  /** The deadline in local time. */
  deadline: string;
  /** texts.common.timeLeft: "nog 29 minuten", "1 uur te laat". */
  left: string;
}

interface TOverdue {
  reference: string;
  deadline: string;
  /** texts.common.timeLeft after the deadline ("24 uur te laat"); absent at the deadline itself. */
  overdueBy?: string | undefined;
}

export const countdownTexts = defineTexts({
  nl: {
    reminder: {
      /** One line for notifications and chat lists; states the time left and the deadline. */
      summary: (p: TWhen) => `${p.reference}: ${p.left} tot de deadline melding AP (${p.deadline})`,
      headline: (p: TWhen): TRichText => [
        "⏰ ",
        strong(`${p.reference}: ${p.left} tot de deadline voor de melding aan de AP`),
        ` (${p.deadline}).`,
      ],
      /** `overdueBy` is absent at the deadline itself. */
      overdueSummary: (p: TOverdue) =>
        `${p.reference}: deadline melding AP verstreken (${p.deadline}${p.overdueBy ? `, ${p.overdueBy}` : ""})`,
      overdueHeadline: (p: TOverdue): TRichText => [
        "🔴 ",
        strong(`${p.reference}: de deadline voor de melding aan de AP is verstreken`),
        ` (${p.deadline}${p.overdueBy ? `, ${p.overdueBy}` : ""}). Er is nog geen besluit vastgelegd.`,
      ],
      recordDecision: "Leg het besluit vast zodra het genomen is; dan stopt het aftellen.",
      recordDecisionInThread: "Het besluit leg je vast in de thread van het incident; dan stopt het aftellen. ",
      takeInThread: "Pak het incident op in de thread en leg daar het besluit vast; dan stopt het aftellen. ",
      openThread: "Open de thread",
      threadNotTaken: "Nog niet opgepakt: elke privacyfunctionaris heeft deze herinnering ook als privébericht gekregen.",
      threadOwnerTold: "De eigenaar heeft deze herinnering als privébericht gekregen.",
      youOwnIt: "Jij hebt dit incident opgepakt.",
      notTakenYet: "Nog door niemand opgepakt.",
      owner: (p: { owner: TPersonId }): TRichText => ["Eigenaar: ", person(p.owner)],
      notTakenByDpo: "Nog niet opgepakt door een privacyfunctionaris.",
      managementIntro:
        "Een datalek moet binnen 72 uur na bewustwording bij de AP gemeld zijn, tenzij het waarschijnlijk geen risico oplevert. Vraag de privacyfunctionaris hoe het ervoor staat.",
      late: "Deze herinnering komt later dan gepland: de bot was een tijd niet bereikbaar.",
    },
    repage: {
      dpoSummary: (p: { reference: string; since: string }) =>
        `${p.reference} is nog door niemand opgepakt (gemeld ${p.since}). Wil jij het oppakken?`,
      dpoHeading: (p: { reference: string }) => `🚨 ${p.reference} is nog door niemand opgepakt`,
      dpoText: (p: { since: string }) => `Gemeld ${p.since}. Wil jij het oppakken, of stem je af met je collega's wie het doet?`,
      managementSummary: (p: { reference: string; since: string }) =>
        `${p.reference} is nog niet opgepakt door een privacyfunctionaris (gemeld ${p.since}). De privacyfunctionarissen zijn opnieuw opgeroepen.`,
      managementHeading: (p: { reference: string }) => `⚠️ ${p.reference} is nog niet opgepakt`,
      managementText: (p: { since: string }) => `Gemeld ${p.since}. De privacyfunctionarissen zijn opnieuw opgeroepen.`,
      takenSummary: (p: { reference: string }) => `${p.reference} is opgepakt`,
      takenBy: (p: { reference: string; owner: TPersonId }): TRichText => [
        `✅ ${p.reference} is opgepakt door `,
        person(p.owner),
        ". ",
      ],
      late: "Dit bericht komt later dan gepland: de bot was een tijd niet bereikbaar.",
    },
    awareness: {
      form: {
        title: "Bewustwording",
        submit: "Corrigeren",
        close: "Annuleren",
        intro: (p: { reference: string; awareness: string; deadline: string }): TRichText => [
          strong(p.reference),
          `: bewust sinds ${p.awareness}, deadline ${p.deadline}. De 72 uur tellen vanaf het moment dat de organisatie redelijkerwijs zeker wist dat er een datalek is. Een correctie verplaatst de deadline en alle herinneringen.`,
        ],
        awarenessAt: "Moment van bewustwording",
        awarenessAtHint: "Wanneer wist de organisatie redelijkerwijs zeker dat het een datalek is?",
        reason: "Reden van de correctie",
        reasonHint: "Komt in het dossier en in het concept voor de AP, niet in het kanaal.",
      },
      problems: nlAwarenessProblems,
      summary: (p: { reference: string; deadline: string }) =>
        `${p.reference}: moment van bewustwording gecorrigeerd; nieuwe deadline ${p.deadline}`,
      corrected: (p: {
        actor: TPersonId;
        reference: string;
        awareness: string;
        deadline: string;
        left: string;
        rescheduled: boolean;
      }): TRichText => [
        "✏️ ",
        person(p.actor),
        ` heeft het moment van bewustwording van ${p.reference} gecorrigeerd naar ${p.awareness}. Nieuwe deadline: `,
        strong(p.deadline),
        ` (${p.left})${p.rescheduled ? "; de herinneringen zijn opnieuw gepland." : "."}`,
      ],
    },
  },
  en: {
    reminder: {
      summary: (p: TWhen) => `${p.reference}: ${p.left} until the deadline to notify the AP (${p.deadline})`,
      headline: (p: TWhen): TRichText => [
        "⏰ ",
        strong(`${p.reference}: ${p.left} until the deadline to notify the AP`),
        ` (${p.deadline}).`,
      ],
      overdueSummary: (p: TOverdue) =>
        `${p.reference}: deadline to notify the AP has passed (${p.deadline}${p.overdueBy ? `, ${p.overdueBy}` : ""})`,
      overdueHeadline: (p: TOverdue): TRichText => [
        "🔴 ",
        strong(`${p.reference}: the deadline to notify the AP has passed`),
        ` (${p.deadline}${p.overdueBy ? `, ${p.overdueBy}` : ""}). No decision has been recorded yet.`,
      ],
      recordDecision: "Record the decision as soon as it is taken; the countdown then stops.",
      recordDecisionInThread: "You record the decision in the incident's thread; the countdown then stops. ",
      takeInThread: "Take the incident in its thread and record the decision there; the countdown then stops. ",
      openThread: "Open the thread",
      threadNotTaken: "Not taken yet: every privacy officer has also received this reminder as a direct message.",
      threadOwnerTold: "The owner has received this reminder as a direct message.",
      youOwnIt: "You have taken this incident.",
      notTakenYet: "Not taken by anyone yet.",
      owner: (p: { owner: TPersonId }): TRichText => ["Owner: ", person(p.owner)],
      notTakenByDpo: "Not yet taken by a privacy officer.",
      managementIntro:
        "A data breach must be notified to the AP within 72 hours of awareness, unless it is unlikely to pose a risk. Ask the privacy officer how things stand.",
      late: "This reminder comes later than planned: the bot was unavailable for a while.",
    },
    repage: {
      dpoSummary: (p: { reference: string; since: string }) =>
        `${p.reference} has not been taken by anyone yet (reported ${p.since}). Will you take it?`,
      dpoHeading: (p: { reference: string }) => `🚨 ${p.reference} has not been taken by anyone yet`,
      dpoText: (p: { since: string }) => `Reported ${p.since}. Will you take it, or agree with your colleagues who will?`,
      managementSummary: (p: { reference: string; since: string }) =>
        `${p.reference} has not been taken by a privacy officer yet (reported ${p.since}). The privacy officers have been paged again.`,
      managementHeading: (p: { reference: string }) => `⚠️ ${p.reference} has not been taken yet`,
      managementText: (p: { since: string }) => `Reported ${p.since}. The privacy officers have been paged again.`,
      takenSummary: (p: { reference: string }) => `${p.reference} has been taken`,
      takenBy: (p: { reference: string; owner: TPersonId }): TRichText => [
        `✅ ${p.reference} has been taken by `,
        person(p.owner),
        ". ",
      ],
      late: "This message comes later than planned: the bot was unavailable for a while.",
    },
    awareness: {
      form: {
        title: "Awareness time",
        submit: "Correct",
        close: "Cancel",
        intro: (p: { reference: string; awareness: string; deadline: string }): TRichText => [
          strong(p.reference),
          `: aware since ${p.awareness}, deadline ${p.deadline}. The 72 hours run from when the organisation was reasonably certain of a breach. A correction moves the deadline and every reminder.`,
        ],
        awarenessAt: "Moment of awareness",
        awarenessAtHint: "When was the organisation reasonably certain that this is a data breach?",
        reason: "Reason for the correction",
        reasonHint: "Goes into the record and the draft for the AP, not into the channel.",
      },
      problems: enAwarenessProblems,
      summary: (p: { reference: string; deadline: string }) =>
        `${p.reference}: moment of awareness corrected; new deadline ${p.deadline}`,
      corrected: (p: {
        actor: TPersonId;
        reference: string;
        awareness: string;
        deadline: string;
        left: string;
        rescheduled: boolean;
      }): TRichText => [
        "✏️ ",
        person(p.actor),
        ` corrected the awareness time of ${p.reference} to ${p.awareness}. New deadline: `,
        strong(p.deadline),
        ` (${p.left})${p.rescheduled ? "; the reminders have been rescheduled." : "."}`,
      ],
    },
  },
});
