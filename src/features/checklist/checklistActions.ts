// The checklist's, the assessment's and the decision's action ids, form ids
// and field ids: a stable interface (shared/spec/interfaces.md), and the
// names their refusals get in the timeline.
import type { TDecision } from "../../core/incidents/decisions.ts";
import type { TQuestionId } from "./questions.ts";

/** Every answer element starts with this and its question id (checklist_breach_types, checklist_personal_data_yes). */
export const CHECKLIST_ACTION_PREFIX = "checklist_";
export const checklistActionId = (questionId: TQuestionId): string => `${CHECKLIST_ACTION_PREFIX}${questionId}`;
/** A button beside a select or a number: confirms the prefilled answer (or saves the typed number). */
export const checklistConfirmActionId = (questionId: TQuestionId): string => `${checklistActionId(questionId)}_confirm`;
export const checklistSaveActionId = (questionId: TQuestionId): string => `${checklistActionId(questionId)}_save`;

export const ASSESSMENT_CONFIRM_ACTION = "assessment_confirm";
export const ASSESSMENT_OVERRIDE_ACTION = "assessment_override";
/** The override form's id (Slack: callback_id) equals the button's action id. */
export const OVERRIDE_FORM_ID = ASSESSMENT_OVERRIDE_ACTION;

/** The decision buttons; each decision's form has the same id as its button. */
export const DECISION_ACTIONS: Readonly<Record<TDecision, string>> = {
  ap_notified: "decision_ap_notified",
  not_notifiable: "decision_not_notifiable",
  not_a_breach: "decision_not_a_breach",
};

export function decisionOfFormId(formId: string): TDecision | undefined {
  return (Object.keys(DECISION_ACTIONS) as TDecision[]).find((decision) => DECISION_ACTIONS[decision] === formId);
}

/** The forms' field ids. */
export const DECISION_FIELDS = { apReference: "ap_reference", reason: "reason", level: "override_level" } as const;

/** Names of the actions in the timeline: a refusal is recorded as `<name>_refused`. */
export const TIMELINE_ACTIONS = {
  answer: "checklist_answer",
  confirm: "assessment_confirm",
  override: "assessment_override",
  decision: "decision",
} as const;

/** The thread message with the assessment and the decision (beside checklist_1 and checklist_2). */
export const ASSESSMENT_PART = "assessment";
