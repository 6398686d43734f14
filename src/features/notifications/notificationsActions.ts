// The action and form ids of the notifications: a stable interface (the
// reference release used the same; Slack's action_id and callback_id).
// Every button's value is the incident's reference.
export const NOTIFICATION_ACTIONS = {
  draftApNotification: "draft_ap_notification",
  draftSubjectNotice: "draft_subject_notice",
  recordSubjectNotice: "record_subject_notice",
  apFollowup: "ap_followup",
} as const;

export const NOTIFICATION_FORMS = {
  /** Fields: kind, ap_reference, text. */
  apFollowup: "ap_followup",
  /** Fields: sent_at, method, recipients_count, note. */
  subjectNotice: "record_subject_notice",
} as const;
