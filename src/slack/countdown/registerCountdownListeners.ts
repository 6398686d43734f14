// The countdown's and the notifications' listeners (issue 4).
import type { App } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { COUNTDOWN_ACTION_IDS, COUNTDOWN_CALLBACK_IDS } from "./countdownActionIds.ts";
import { buildApFollowupModal, buildAwarenessModal, buildSubjectNoticeModal } from "./countdownModals.ts";
import { draftAction } from "./draftAction.ts";
import { apFollowupSubmission, awarenessCorrectionSubmission, subjectNoticeSubmission } from "./modalSubmissions.ts";
import { openModalAction } from "./openModalAction.ts";

export function registerCountdownListeners(app: App, context: TBotContext): void {
  const { locale } = context;
  app.action(
    COUNTDOWN_ACTION_IDS.awarenessCorrect,
    openModalAction(context, "awareness_correct", (incident) => buildAwarenessModal(incident, locale, context.settings.TIMEZONE)),
  );
  app.action(
    COUNTDOWN_ACTION_IDS.apFollowup,
    openModalAction(context, "ap_followup", (incident) => buildApFollowupModal(incident, locale)),
  );
  app.action(
    COUNTDOWN_ACTION_IDS.recordSubjectNotice,
    openModalAction(context, "record_subject_notice", (incident) =>
      buildSubjectNoticeModal(incident, locale, context.clock.now()),
    ),
  );
  app.action(COUNTDOWN_ACTION_IDS.draftApNotification, draftAction(context, "ap_notification"));
  app.action(COUNTDOWN_ACTION_IDS.draftSubjectNotice, draftAction(context, "subject_notice"));
  app.view(COUNTDOWN_CALLBACK_IDS.awarenessCorrection, awarenessCorrectionSubmission(context));
  app.view(COUNTDOWN_CALLBACK_IDS.apFollowup, apFollowupSubmission(context));
  app.view(COUNTDOWN_CALLBACK_IDS.subjectNotice, subjectNoticeSubmission(context));
}
