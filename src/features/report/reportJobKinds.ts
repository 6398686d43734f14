// The report's own scheduled job: the safety net that registers a stored
// report whose registration did not follow (the process died in between).
export const REPORT_JOB_KINDS = { register: "report.register" } as const;

/**
 * How long after the report its job waits for the front end, which
 * registers it just after answering. Due at once, the scheduler raced the
 * front end in a burst and, on the embedded database, won most reports,
 * through the ORM (about three times the CPU); a few seconds keep a crashed
 * process's reports well within the 15 s its restart has to deliver them.
 */
export const REGISTRATION_GRACE_SECONDS = 5;

export function registerJobKey(incidentId: string): string {
  return `report.register:${incidentId}`;
}
