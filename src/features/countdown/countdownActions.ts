// The action and form ids of the countdown: a stable interface (the
// reference release used the same; Slack's action_id and callback_id).
/** Opens the awareness correction; the value is the incident's reference. */
export const AWARENESS_CORRECT_ACTION = "awareness_correct";
/** The awareness correction form (Slack: callback_id). Field ids: awareness_at, reason. */
export const AWARENESS_FORM_ID = "awareness_correction";
