// Who may see how much of an incident. Free text (what happened, reasons,
// drafts, notes) only for privacy officers and administrators, and the
// reporter for the text of their own report; management sees a summary
// without free text; everyone else sees nothing beyond the channel post.
import { userRoles, type TBotContext } from "../app/botContext.ts";

export type TDetailsAccess =
  /** Everything, including reasons and the timeline's details. */
  | "full"
  /** The reporter: their own report's facts and text, the status; no internal reasons. */
  | "own"
  /** Facts, counts, status, decision and level; no free text, no names. */
  | "summary"
  | "none";

export function detailsAccessFor(context: TBotContext, userId: string, incident: { reporterId: string }): TDetailsAccess {
  const roles = userRoles(context, userId);
  if (roles.includes("dpo") || roles.includes("admin")) return "full";
  if (incident.reporterId === userId) return "own";
  if (roles.includes("management")) return "summary";
  return "none";
}
