// Who may see how much of an incident. Free text (what happened, reasons,
// drafts, notes) only for privacy officers and administrators, and the
// reporter for the text of their own report; management sees a summary
// without free text; everyone else sees nothing beyond the channel post.
import type { TPersonId } from "../../core/people/person.ts";
import { isOverseer, rolesOf, type TRoleDirectory } from "../../core/people/roles.ts";

export type TDetailsAccess =
  /** Everything, including reasons and the timeline's details. */
  | "full"
  /** The reporter: their own report's facts and text, the status; no internal reasons. */
  | "own"
  /** Facts, counts, status, decision and level; no free text, no names. */
  | "summary"
  | "none";

export function detailsAccessFor(roles: TRoleDirectory, person: TPersonId, incident: { reporterId: string }): TDetailsAccess {
  const held = rolesOf(person, roles);
  if (held.includes("dpo") || held.includes("admin")) return "full";
  if (incident.reporterId === person) return "own";
  if (held.includes("management")) return "summary";
  return "none";
}

/** The state of one incident (`/datalek status DL-…`): its reporter, privacy officers, management and administrators. */
export function maySeeStatus(roles: TRoleDirectory, person: TPersonId, incident: { reporterId: string }): boolean {
  return detailsAccessFor(roles, person, incident) !== "none";
}

/** The whole register (export, the list of open incidents): privacy officers and administrators. */
export function maySeeRegister(roles: TRoleDirectory, person: TPersonId): boolean {
  return isOverseer(person, roles);
}
