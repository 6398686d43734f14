// Short ephemeral notices, Dutch first and English second.
import type { TLocale, TText } from "../../assessment/questions.ts";
import { DUTY_NOTICES } from "../duties/dutyNotices.ts";

type TNoticeTemplate = (params: Record<string, string>) => TText;

export const NOTICES: Record<string, TNoticeTemplate> = {
  ...DUTY_NOTICES,
  dpo_only: (params) => ({
    nl: `:no_entry: Alleen een privacyfunctionaris kan ${params.reference ?? "dit incident"} oppakken of behandelen. Je poging is vastgelegd.`,
    en: `:no_entry: Only a privacy officer can take or handle ${params.reference ?? "this incident"}. Your attempt has been recorded.`,
  }),
  already_taken: (params) => ({
    nl: `${params.reference} is al opgepakt door <@${params.ownerId}>.`,
    en: `${params.reference} has already been taken by <@${params.ownerId}>.`,
  }),
  checklist_locked: (params) => ({
    nl: `:lock: Het besluit over ${params.reference ?? "dit incident"} is vastgelegd: de checklist en de beoordeling liggen vast.`,
    en: `:lock: The decision on ${params.reference ?? "this incident"} has been recorded: the checklist and the assessment are locked.`,
  }),
  checklist_invalid: (params) => ({
    nl: `Dat antwoord kon ik niet opslaan (${params.question ?? "vraag"}): gebruik een heel getal van 0 of meer.`,
    en: `I could not save that answer (${params.question ?? "question"}): use a whole number of 0 or more.`,
  }),
  already_decided: (params) => ({
    nl: `Het besluit over ${params.reference ?? "dit incident"} is al vastgelegd.`,
    en: `The decision on ${params.reference ?? "this incident"} has already been recorded.`,
  }),
  details_refused: (params) => ({
    nl: `:no_entry: De details van ${params.reference ?? "dit incident"} zijn alleen voor de privacyfunctionaris, beheerders en de melder. Je poging is vastgelegd.`,
    en: `:no_entry: The details of ${params.reference ?? "this incident"} are only for the privacy officer, administrators and the reporter. Your attempt has been recorded.`,
  }),
  not_found: (params) => ({
    nl: `Incident ${params.reference ?? ""} niet gevonden.`,
    en: `Incident ${params.reference ?? ""} not found.`,
  }),
};

export function renderNotice(notice: string, params: Record<string, string>, locale: TLocale): string {
  const template = NOTICES[notice];
  return template ? template(params)[locale] : notice;
}
