// Which notification actions still apply to an incident as it stands. The
// post shows only these buttons (it is updated whenever the incident
// changes); a click on a button that no longer applies is answered.
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TDraftKind } from "./notificationCodes.ts";

type TState = Pick<Incident, "decision" | "apReference" | "closedAt">;

export function isNotifiedToAp(incident: TState): boolean {
  return incident.decision === "ap_notified" || incident.apReference !== null;
}

/** A follow-up or withdrawal needs an initial notification; the AP may ask for more after closing too. */
export function apFollowupApplies(incident: TState): boolean {
  return isNotifiedToAp(incident);
}

/** Informing the people concerned: while the incident is open, unless it was decided that it is no data breach. */
export function subjectNoticeApplies(incident: TState): boolean {
  return incident.decision !== "not_a_breach" && incident.closedAt === null;
}

/** The AP draft while the decision is open, and for a follow-up once notified; the letter as long as informing applies. */
export function draftApplies(incident: TState, draft: TDraftKind): boolean {
  if (draft === "subject_notice") return subjectNoticeApplies(incident);
  return isNotifiedToAp(incident) || (incident.decision === null && incident.closedAt === null);
}
