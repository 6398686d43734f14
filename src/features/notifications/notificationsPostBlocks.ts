// What the notifications feature adds to an incident's post in the DPO
// channel: correcting the moment of awareness (the countdown's), the two
// drafts, recording that the people concerned were informed, and, once the
// AP was notified, a follow-up or withdrawal. Only the actions that still
// apply: the post is updated whenever the incident changes.
import type { TControl } from "../../core/messages/message.ts";
import { awarenessCorrectionApplies } from "../countdown/awarenessCorrection.ts";
import { AWARENESS_CORRECT_ACTION } from "../countdown/countdownActions.ts";
import type { TPostContribution } from "../postContribution.ts";
import { NOTIFICATION_ACTIONS } from "./notificationsActions.ts";
import { apFollowupApplies, draftApplies, subjectNoticeApplies } from "./notificationsApply.ts";

export const notificationsPostBlocks: TPostContribution = (incident, context) => {
  const t = context.texts.notifications.post;
  const button = (action: string, label: string): TControl => ({ kind: "button", action, label, value: incident.reference });
  const controls: TControl[] = [];
  if (awarenessCorrectionApplies(incident)) controls.push(button(AWARENESS_CORRECT_ACTION, t.awarenessCorrect));
  if (draftApplies(incident, "ap_notification"))
    controls.push(button(NOTIFICATION_ACTIONS.draftApNotification, t.draftApNotification));
  if (subjectNoticeApplies(incident))
    controls.push(
      button(NOTIFICATION_ACTIONS.draftSubjectNotice, t.draftSubjectNotice),
      button(NOTIFICATION_ACTIONS.recordSubjectNotice, t.recordSubjectNotice),
    );
  if (apFollowupApplies(incident)) controls.push(button(NOTIFICATION_ACTIONS.apFollowup, t.apFollowup));
  return controls.length > 0 ? [{ kind: "controls", id: "notification_actions", controls }] : [];
};
