// Content types of the attachments the Teams front end sends and reads.
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
export const FILE_CONSENT_CONTENT_TYPE = "application/vnd.microsoft.teams.card.file.consent";
export const FILE_INFO_CONTENT_TYPE = "application/vnd.microsoft.teams.card.file.info";
