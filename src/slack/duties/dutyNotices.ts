// Ephemeral notices of the recurring duties (refusals and confirmations),
// merged into NOTICES in src/slack/messages/notices.ts.
import type { TText } from "../../assessment/questions.ts";

export const DUTY_NOTICES: Record<string, (params: Record<string, string>) => TText> = {
  retention_owner_only: (params) => ({
    nl: `:no_entry: Alleen de eigenaar van ${params.system ?? "dit systeem"} of een privacyfunctionaris kan deze controle afronden of uitstellen. Je poging is vastgelegd.`,
    en: `:no_entry: Only the owner of ${params.system ?? "this system"} or a privacy officer can complete or snooze this review. Your attempt has been recorded.`,
  }),
  measure_owner_only: (params) => ({
    nl: `:no_entry: Alleen de eigenaar van deze maatregel of een privacyfunctionaris kan hem afronden (${params.reference ?? ""}). Je poging is vastgelegd.`,
    en: `:no_entry: Only the owner of this measure or a privacy officer can complete it (${params.reference ?? ""}). Your attempt has been recorded.`,
  }),
  management_only: () => ({
    nl: ":no_entry: Alleen een privacyfunctionaris of het management kan de jaarlijkse evaluatie afronden. Je poging is vastgelegd.",
    en: ":no_entry: Only a privacy officer or management can complete the yearly evaluation. Your attempt has been recorded.",
  }),
  close_needs_decision: (params) => ({
    nl: `${params.reference ?? "Dit incident"} kan pas worden afgesloten als het besluit (melden aan de AP of niet) is vastgelegd.`,
    en: `${params.reference ?? "This incident"} can only be closed once the decision (notify the AP or not) has been recorded.`,
  }),
  already_closed: (params) => ({
    nl: `${params.reference ?? "Dit incident"} is al afgesloten.`,
    en: `${params.reference ?? "This incident"} has already been closed.`,
  }),
  already_done: () => ({
    nl: "Dit is al afgerond en vastgelegd.",
    en: "This has already been completed and recorded.",
  }),
};
