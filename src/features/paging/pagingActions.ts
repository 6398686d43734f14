// The action ids of paging: a stable interface (shared/spec/interfaces.md).
/** Take an incident; the value is its reference. */
export const TAKE_ACTION = "incident_take";
