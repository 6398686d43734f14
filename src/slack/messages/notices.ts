// Short ephemeral notices, Dutch first and English second.
import type { TLocale, TText } from "../../assessment/questions.ts";

type TNoticeTemplate = (params: Record<string, string>) => TText;

export const NOTICES: Record<string, TNoticeTemplate> = {
  dpo_only: (params) => ({
    nl: `:no_entry: Alleen een privacyfunctionaris kan ${params.reference ?? "dit incident"} oppakken of behandelen. Je poging is vastgelegd.`,
    en: `:no_entry: Only a privacy officer can take or handle ${params.reference ?? "this incident"}. Your attempt has been recorded.`,
  }),
  already_taken: (params) => ({
    nl: `${params.reference} is al opgepakt door <@${params.ownerId}>.`,
    en: `${params.reference} has already been taken by <@${params.ownerId}>.`,
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
