// The audit feature's action ids (shared/spec/interfaces.md keeps them stable).
/** "Details bekijken" on the incident's post; its value is the reference. */
export const DETAILS_ACTION = "incident_details";
