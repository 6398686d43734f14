// THE list of fields stored encrypted at rest (AES-256-GCM, see
// fieldCipher.ts). Covering a new free-text field is one line here:
// `Model: { field: "text" }` for a String column, `"json"` for a Json
// column (the whole value is stored as { "enc": "<ciphertext>" }).
// The Prisma extension (encryptionExtension.ts) encrypts these on every
// write and decrypts every read; `datalek rotate-key` re-encrypts them and
// the bot's own retention (services/ownRetention) erases them.
// Encrypted fields cannot be searched or compared in a `where` (only
// `null` / `not: null` work): filter on other columns.
export type TEncryptedFieldKind = "text" | "json";

export const ENCRYPTED_FIELDS: Record<string, Record<string, TEncryptedFieldKind>> = {
  Incident: { whatHappened: "text", decisionReason: "text" },
  /** Timeline details may hold reasons, notes and previous texts. */
  TimelineEntry: { details: "json" },
  IncidentAssessment: { overrideReason: "text" },
  ApNotification: { details: "text" },
  SubjectNotice: { note: "text" },
  CorrectiveMeasure: { what: "text" },
  IncidentFollowUp: { noMeasuresReason: "text", evaluationNotes: "text" },
  DutyEvent: { details: "json" },
};

export function encryptedFieldsOf(model: string | undefined): Record<string, TEncryptedFieldKind> | undefined {
  return model ? ENCRYPTED_FIELDS[model] : undefined;
}
