// The decisions that end the 72-hour countdown, and the incident's states.
export const DECISIONS = ["ap_notified", "not_notifiable", "not_a_breach"] as const;
export type TDecision = (typeof DECISIONS)[number];

/** reported -> taken -> decided -> closed */
export const INCIDENT_STATUSES = ["reported", "taken", "decided", "closed"] as const;
export type TIncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The countdown runs until a decision is recorded. */
export function isCountdownRunning(incident: { decision: string | null; closedAt: Date | null }): boolean {
  return incident.decision === null && incident.closedAt === null;
}
