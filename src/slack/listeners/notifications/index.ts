// The Slack listeners of the notifications feature, one file each beside this one.
import type { App } from "@slack/bolt";
import { NOTIFICATION_ACTIONS, NOTIFICATION_FORMS } from "../../../features/notifications/notificationsActions.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { draftAction } from "./draftAction.ts";
import { notificationFormAction } from "./notificationFormAction.ts";
import { notificationFormSubmission } from "./notificationFormSubmission.ts";

export function registerNotificationsListeners(app: App, deps: TSlackListenerDeps): void {
  app.action(NOTIFICATION_ACTIONS.draftApNotification, draftAction(deps, "ap_notification"));
  app.action(NOTIFICATION_ACTIONS.draftSubjectNotice, draftAction(deps, "subject_notice"));
  app.action(NOTIFICATION_ACTIONS.apFollowup, notificationFormAction(deps, "ap_followup"));
  app.action(NOTIFICATION_ACTIONS.recordSubjectNotice, notificationFormAction(deps, "subject_notice"));
  app.view(NOTIFICATION_FORMS.apFollowup, notificationFormSubmission(deps, "ap_followup"));
  app.view(NOTIFICATION_FORMS.subjectNotice, notificationFormSubmission(deps, "subject_notice"));
}
