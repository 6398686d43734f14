// The submits of the notifications' forms (`ap_followup`,
// `record_subject_notice`): validated field by field (the errors stay in the
// form), recorded, and the form closes; the thread is told.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Logger } from "pino";
import type { TRecordProblem } from "../../../features/notifications/notificationRecords.ts";
import { recordApFollowup, type TRecordApFollowupDeps } from "../../../features/notifications/recordApFollowup.ts";
import { recordSubjectNotice } from "../../../features/notifications/recordSubjectNotice.ts";
import { textsFor, type TTexts } from "../../../texts/index.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import {
  dateValue,
  fieldErrors,
  readIncidentSubmission,
  textValue,
  type TIncidentSubmission,
} from "../countdown/incidentButton.ts";

export interface TNotificationFormSubmissionDeps extends TRecordApFollowupDeps {
  logger: Logger;
  locales: SlackLocales;
  wakeOutbox: () => void;
}

type TOutcome =
  | { outcome: "recorded" }
  | { outcome: "invalid"; errors: Partial<Record<string, TRecordProblem>> }
  | { outcome: "refused" | "not_found" | "not_notified" | "not_applicable" };

const FORMS = {
  ap_followup: {
    firstField: "kind",
    record: (deps: TRecordApFollowupDeps, submission: TIncidentSubmission) =>
      recordApFollowup(deps, {
        reference: submission.reference,
        actor: submission.actor,
        kind: textValue(submission.values.kind),
        apReference: textValue(submission.values.ap_reference),
        text: textValue(submission.values.text),
      }),
  },
  subject_notice: {
    firstField: "sent_at",
    record: (deps: TRecordApFollowupDeps, submission: TIncidentSubmission) =>
      recordSubjectNotice(deps, {
        reference: submission.reference,
        actor: submission.actor,
        sentAt: dateValue(submission.values.sent_at),
        method: textValue(submission.values.method),
        recipientsCount: textValue(submission.values.recipients_count),
        note: textValue(submission.values.note),
      }),
  },
} satisfies Record<string, { firstField: string; record: (...args: never[]) => Promise<TOutcome> }>;

function answerText(texts: TTexts, outcome: Exclude<TOutcome["outcome"], "recorded" | "invalid">): string {
  const answers = texts.notifications.answers;
  switch (outcome) {
    case "refused":
      return answers.refused;
    case "not_found":
      return answers.notFound;
    case "not_notified":
      return answers.notNotified;
    case "not_applicable":
      return answers.notApplicable;
  }
}

export function notificationFormSubmission(deps: TNotificationFormSubmissionDeps, form: keyof typeof FORMS) {
  const { firstField, record } = FORMS[form];
  return async ({ ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const submission = readIncidentSubmission(body);
    if (!submission) {
      await ack();
      return;
    }
    const texts = textsFor(deps.locales.cached(submission.userId));
    try {
      const result: TOutcome = await record(deps, submission);
      deps.logger.info({ reference: submission.reference, form, outcome: result.outcome }, "notification recorded");
      if (result.outcome === "recorded") await ack();
      else if (result.outcome === "invalid") {
        const words = (problem: TRecordProblem) =>
          (texts.notifications.problems[problem.code] as (problem: TRecordProblem) => string)(problem);
        await ack({ response_action: "errors", errors: fieldErrors(result.errors, words) });
      } else await ack({ response_action: "errors", errors: { [firstField]: answerText(texts, result.outcome) } });
      deps.wakeOutbox();
    } catch (error) {
      deps.logger.error({ form, error: (error as Error).message }, "storing a notification record failed");
      await ack({ response_action: "errors", errors: { [firstField]: texts.notifications.answers.saveFailed } });
    }
  };
}
