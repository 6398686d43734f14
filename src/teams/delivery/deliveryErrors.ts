// A message the Teams front end cannot deliver, now or ever (an unknown
// kind, a payload that does not parse, a person who never installed the app).
export class UndeliverableError extends Error {
  readonly code = "datalek_undeliverable";
}
