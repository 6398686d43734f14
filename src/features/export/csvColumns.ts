// The CSV's columns, in order; their headers are in src/texts/export.ts.
export const CSV_COLUMNS = [
  "reference",
  "status",
  "reported_at",
  "reporter",
  "discovered_at",
  "occurred_at",
  "awareness_at",
  "deadline_at",
  "system",
  "data_kinds",
  "people_affected",
  "stopped",
  "recipient",
  "owner",
  "taken_at",
  "risk_level",
  "decision",
  "decided_at",
  "decided_by",
  "decision_reason",
  "ap_reference",
  "closed_at",
  "closed_by",
  "what_happened",
] as const;

export type TCsvColumn = (typeof CSV_COLUMNS)[number];
