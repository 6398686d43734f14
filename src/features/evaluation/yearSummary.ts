// Last year's incidents summarised for the yearly policy evaluation: count
// by level, notified to the AP, notified late, people informed, measures
// still open. Pure: the caller reads the records.
export interface TIncidentForSummary {
  level: string | null;
  decision: string | null;
  decidedAt: Date | null;
  deadlineAt: Date;
  peopleInformed: boolean;
}

export interface TYearSummary {
  year: number;
  total: number;
  /** not_a_breach, no_risk, risk, high_risk, unassessed */
  byLevel: Record<string, number>;
  notifiedToAp: number;
  /** Notified to the AP after the 72-hour deadline. */
  notifiedLate: number;
  peopleInformed: number;
  measuresOpen: number;
}

export const SUMMARY_LEVELS = ["high_risk", "risk", "no_risk", "not_a_breach", "unassessed"] as const;
export type TSummaryLevel = (typeof SUMMARY_LEVELS)[number];

export function summariseYear(year: number, incidents: TIncidentForSummary[], measuresOpen: number): TYearSummary {
  const byLevel: Record<string, number> = Object.fromEntries(SUMMARY_LEVELS.map((level) => [level, 0]));
  let notifiedToAp = 0;
  let notifiedLate = 0;
  let peopleInformed = 0;
  for (const incident of incidents) {
    const level = incident.level ?? "unassessed";
    byLevel[level] = (byLevel[level] ?? 0) + 1;
    if (incident.decision === "ap_notified") {
      notifiedToAp += 1;
      if (incident.decidedAt && incident.decidedAt.getTime() > incident.deadlineAt.getTime()) notifiedLate += 1;
    }
    if (incident.peopleInformed) peopleInformed += 1;
  }
  return { year, total: incidents.length, byLevel, notifiedToAp, notifiedLate, peopleInformed, measuresOpen };
}
