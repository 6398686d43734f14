// Every kind of entry an incident's timeline can hold: what happened, in the
// words the code uses. A closed set, so that every kind has a label a person
// can read (src/texts/audit.ts): a kind without a label does not compile.
export const TIMELINE_KINDS = [
  "reported",
  "taken",
  "take_refused",
  "repaged",
  "checklist_answered",
  "checklist_answer_confirmed",
  "checklist_answer_cleared",
  "checklist_answer_refused",
  "assessment_made",
  "assessment_updated",
  "assessment_withdrawn",
  "assessment_confirmed",
  "assessment_confirm_refused",
  "assessment_overridden",
  "assessment_override_refused",
  "decision_recorded",
  "decision_refused",
  "countdown_reminder",
  "countdown_overdue",
  "awareness_corrected",
  "awareness_correct_refused",
  "draft_requested",
  "draft_ap_notification_refused",
  "draft_subject_notice_refused",
  "ap_followup",
  "ap_withdrawal",
  "ap_followup_refused",
  "subject_notice_sent",
  "record_subject_notice_refused",
  /** Written by the release before the neutral core (a notification action refused). */
  "action_refused",
  "measure_added",
  "measure_add_refused",
  "measure_done",
  "measure_done_refused",
  "measure_due_reminder",
  "measure_overdue_reminder",
  "closed",
  "close_refused",
  "evaluation_requested",
  "evaluation",
  "evaluation_refused",
  "own_retention_erased",
] as const;

export type TTimelineKind = (typeof TIMELINE_KINDS)[number];

export function isTimelineKind(kind: string): kind is TTimelineKind {
  return (TIMELINE_KINDS as readonly string[]).includes(kind);
}

/** Why an action was refused: the one guard's reasons, a measure's owner, and what closing needs. */
export const REFUSAL_REASONS = [
  "not_a_dpo",
  "decided",
  "not_the_owner",
  "already_closed",
  "needs_decision",
  "needs_ap_reference",
  "open_measures",
] as const;
export type TRefusalReason = (typeof REFUSAL_REASONS)[number];
