// Keys of messages that are posted once and then updated in place, and
// whose threads other messages reply in. One place, so the names agree.
export const messageKeys = {
  /** The incident's post in the DPO channel: its thread is the incident's thread. */
  incidentPost: (incidentId: string) => `incident:${incidentId}:post`,
  /** The page in one privacy officer's direct message. */
  incidentPage: (incidentId: string, person: string) => `incident:${incidentId}:page:${person}`,
  /** One part of the checklist in the thread (checklist_1, checklist_2, assessment). */
  checklistPart: (incidentId: string, part: string) => `incident:${incidentId}:${part}`,
  /** The measures' progress in the thread. */
  incidentProgress: (incidentId: string) => `incident:${incidentId}:progress`,
} as const;
