// The follow-up's action, form and field ids (a stable interface), and the
// keys of the measures' messages.
/** On the incident's post once taken; value: the reference. Opens the measure form. */
export const MEASURE_ADD_ACTION = "measure_add";
/** In the owner's messages; value: the measure's id. */
export const MEASURE_DONE_ACTION = "measure_done";
/** On the incident's post once taken; value: the reference. Opens the close form. */
export const INCIDENT_CLOSE_ACTION = "incident_close";

export const MEASURE_FORM_ID = "measure_add";
export const MEASURE_FIELDS = { what: "measure_what", owner: "measure_owner", due: "measure_due" } as const;

export const CLOSE_FORM_ID = "incident_close";
export const CLOSE_FIELDS = {
  /** Asked only when there is no measure. */
  noMeasuresReason: "close_reason",
  /** Asked only for a high-risk incident whose people concerned were not (recorded as) informed. */
  art34Ground: "art34_ground",
  art34Reason: "art34_reason",
} as const;

export const measureMessageKeys = {
  assigned: (measureId: string) => `measure:${measureId}:assigned`,
  reminder: (measureId: string, index: number) => `measure:${measureId}:reminder:${index}`,
  /** Every message to the owner about one measure. */
  all: (measureId: string) => `measure:${measureId}:`,
};
