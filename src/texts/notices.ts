// Short answers to one person where they acted (Slack: an ephemeral
// message): refusals, and why a click did nothing.
import { defineTexts } from "../core/text/defineTexts.ts";

export interface TNoticeParams {
  reference?: string;
  system?: string;
  owner?: string;
  question?: string;
}

const or = (value: string | undefined, fallback: string) => value ?? fallback;

export const noticeTexts = defineTexts({
  nl: {
    dpo_only: (p: TNoticeParams) =>
      `⛔ Alleen een privacyfunctionaris kan ${or(p.reference, "dit incident")} oppakken of behandelen. Je poging is vastgelegd.`,
    already_taken: (p: TNoticeParams) => `${or(p.reference, "Dit incident")} is al opgepakt.`,
    already_yours: (p: TNoticeParams) => `Je hebt ${or(p.reference, "dit incident")} al opgepakt: ga verder in de thread.`,
    checklist_locked: (p: TNoticeParams) =>
      `🔒 Het besluit over ${or(p.reference, "dit incident")} is vastgelegd: de checklist en de beoordeling liggen vast.`,
    answer_unchanged: (p: TNoticeParams) => `Dat antwoord stond er al (${or(p.question, "vraag")}): er is niets veranderd.`,
    checklist_invalid: (p: TNoticeParams) =>
      `Dat antwoord kon ik niet opslaan (${or(p.question, "vraag")}): gebruik een heel getal van 0 of meer.`,
    already_decided: (p: TNoticeParams) => `Het besluit over ${or(p.reference, "dit incident")} is al vastgelegd.`,
    details_refused: (p: TNoticeParams) =>
      `⛔ De details van ${or(p.reference, "dit incident")} zijn alleen voor de privacyfunctionaris, beheerders en de melder. Je poging is vastgelegd.`,
    not_found: (p: TNoticeParams) => `Incident ${or(p.reference, "")} niet gevonden.`,
    retention_owner_only: (p: TNoticeParams) =>
      `⛔ Alleen de eigenaar van ${or(p.system, "dit systeem")} of een privacyfunctionaris kan deze controle afronden of uitstellen. Je poging is vastgelegd.`,
    measure_owner_only: (p: TNoticeParams) =>
      `⛔ Alleen de eigenaar van deze maatregel of een privacyfunctionaris kan hem afronden (${or(p.reference, "")}). Je poging is vastgelegd.`,
    management_only: () =>
      "⛔ Alleen een privacyfunctionaris of het management kan de jaarlijkse evaluatie afronden. Je poging is vastgelegd.",
    close_needs_decision: (p: TNoticeParams) =>
      `${or(p.reference, "Dit incident")} kan pas worden afgesloten als het besluit (melden aan de AP of niet) is vastgelegd.`,
    close_needs_ap_reference: (p: TNoticeParams) =>
      `${or(p.reference, "Dit incident")} is gemeld bij de AP, maar het kenmerk van de AP is niet vastgelegd. Leg het kenmerk vast; daarna kan het incident worden afgesloten.`,
    close_open_measures: (p: TNoticeParams) =>
      `${or(p.reference, "Dit incident")} heeft nog maatregelen die niet zijn afgerond. Afsluiten kan als alle maatregelen zijn afgerond.`,
    already_closed: (p: TNoticeParams) => `${or(p.reference, "Dit incident")} is al afgesloten.`,
    already_done: () => "Dit is al afgerond en vastgelegd.",
    no_longer_applies: () => "Deze knop hoort bij een oudere stand van zaken en doet niets meer.",
  },
  en: {
    dpo_only: (p: TNoticeParams) =>
      `⛔ Only a privacy officer can take or handle ${or(p.reference, "this incident")}. Your attempt has been recorded.`,
    already_taken: (p: TNoticeParams) => `${or(p.reference, "This incident")} has already been taken.`,
    already_yours: (p: TNoticeParams) => `You have already taken ${or(p.reference, "this incident")}: carry on in its thread.`,
    checklist_locked: (p: TNoticeParams) =>
      `🔒 The decision on ${or(p.reference, "this incident")} has been recorded: the checklist and the assessment are locked.`,
    answer_unchanged: (p: TNoticeParams) => `That answer was already given (${or(p.question, "question")}): nothing changed.`,
    checklist_invalid: (p: TNoticeParams) =>
      `I could not save that answer (${or(p.question, "question")}): use a whole number of 0 or more.`,
    already_decided: (p: TNoticeParams) => `The decision on ${or(p.reference, "this incident")} has already been recorded.`,
    details_refused: (p: TNoticeParams) =>
      `⛔ The details of ${or(p.reference, "this incident")} are only for the privacy officer, administrators and the reporter. Your attempt has been recorded.`,
    not_found: (p: TNoticeParams) => `Incident ${or(p.reference, "")} not found.`,
    retention_owner_only: (p: TNoticeParams) =>
      `⛔ Only the owner of ${or(p.system, "this system")} or a privacy officer can complete or snooze this review. Your attempt has been recorded.`,
    measure_owner_only: (p: TNoticeParams) =>
      `⛔ Only the owner of this measure or a privacy officer can complete it (${or(p.reference, "")}). Your attempt has been recorded.`,
    management_only: () =>
      "⛔ Only a privacy officer or management can complete the yearly evaluation. Your attempt has been recorded.",
    close_needs_decision: (p: TNoticeParams) =>
      `${or(p.reference, "This incident")} can only be closed once the decision (notify the AP or not) has been recorded.`,
    close_needs_ap_reference: (p: TNoticeParams) =>
      `${or(p.reference, "This incident")} was notified to the AP, but the AP's reference has not been recorded. Record the reference; then the incident can be closed.`,
    close_open_measures: (p: TNoticeParams) =>
      `${or(p.reference, "This incident")} still has measures that are not done. It can be closed once every measure is done.`,
    already_closed: (p: TNoticeParams) => `${or(p.reference, "This incident")} has already been closed.`,
    already_done: () => "This has already been completed and recorded.",
    no_longer_applies: () => "This button belongs to an earlier state of affairs and no longer does anything.",
  },
});

export type TNoticeName = keyof (typeof noticeTexts)["nl"];
