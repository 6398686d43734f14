// The report's own scheduled job: the safety net that registers a stored
// report whose registration did not follow (the process died in between).
export const REPORT_JOB_KINDS = { register: "report.register" } as const;

export function registerJobKey(incidentId: string): string {
  return `report.register:${incidentId}`;
}
