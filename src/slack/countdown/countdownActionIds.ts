// The action and callback ids of the countdown and the notifications.
// The decision buttons' listeners live in src/slack/checklist/ (issue 3);
// here they are only rendered.
export const COUNTDOWN_ACTION_IDS = {
  decisionApNotified: "decision_ap_notified",
  decisionNotNotifiable: "decision_not_notifiable",
  decisionNotABreach: "decision_not_a_breach",
  awarenessCorrect: "awareness_correct",
  draftApNotification: "draft_ap_notification",
  apFollowup: "ap_followup",
  draftSubjectNotice: "draft_subject_notice",
  recordSubjectNotice: "record_subject_notice",
} as const;

export const COUNTDOWN_CALLBACK_IDS = {
  awarenessCorrection: "awareness_correction",
  apFollowup: "ap_followup",
  subjectNotice: "record_subject_notice",
} as const;
