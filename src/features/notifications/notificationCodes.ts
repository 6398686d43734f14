// The closed sets of the notifications: what kind of notification went to
// the AP, and how the people concerned were informed. Stored as these codes;
// their labels are in src/texts/notifications.ts.
export const AP_NOTIFICATION_KINDS = ["initial", "followup", "withdrawal"] as const;
export type TApNotificationKind = (typeof AP_NOTIFICATION_KINDS)[number];

/** What a DPO records after the initial notification (which is recorded with the decision). */
export const AP_FOLLOWUP_KINDS = ["followup", "withdrawal"] as const;
export type TApFollowupKind = (typeof AP_FOLLOWUP_KINDS)[number];

export const SUBJECT_NOTICE_METHODS = ["letter", "email", "phone", "in_person", "public"] as const;
export type TSubjectNoticeMethod = (typeof SUBJECT_NOTICE_METHODS)[number];

/** The two drafts a DPO can ask for. */
export const DRAFT_KINDS = ["ap_notification", "subject_notice"] as const;
export type TDraftKind = (typeof DRAFT_KINDS)[number];
