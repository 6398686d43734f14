// The submissions of the countdown's modals: validate field by field (the
// errors stay in the modal), record through a service, then close.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import type { TText } from "../../assessment/questions.ts";
import { correctAwareness } from "../../services/countdown/correctAwareness.ts";
import { recordApFollowup } from "../../services/notifications/recordApFollowup.ts";
import { recordSubjectNotice } from "../../services/notifications/recordSubjectNotice.ts";
import { localisedErrors, readModalValues } from "./readModalValues.ts";

type TSubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type TOutcome = { outcome: string; errors?: Record<string, TText> };

const REFUSED: TText = {
  nl: "Alleen een privacyfunctionaris kan dit vastleggen.",
  en: "Only a privacy officer can record this.",
};
const NOT_FOUND: TText = { nl: "Incident niet gevonden.", en: "Incident not found." };

function submission(context: TBotContext, firstField: string, record: (args: TSubmissionArgs) => Promise<TOutcome>) {
  return async (args: TSubmissionArgs): Promise<void> => {
    try {
      const result = await record(args);
      if (result.outcome === "invalid" && result.errors) {
        await args.ack({ response_action: "errors", errors: localisedErrors(result.errors, context.locale) });
        return;
      }
      if (result.outcome === "refused" || result.outcome === "not_found") {
        const message = result.outcome === "refused" ? REFUSED : NOT_FOUND;
        await args.ack({ response_action: "errors", errors: { [firstField]: message[context.locale] } });
        return;
      }
      await args.ack();
      context.wakeOutbox();
    } catch (error) {
      context.logger.error({ error: (error as Error).message }, "countdown modal failed");
      await args.ack({
        response_action: "errors",
        errors: {
          [firstField]:
            context.locale === "nl"
              ? "Opslaan lukte niet (storing). Probeer het over een minuut opnieuw."
              : "Saving failed (outage). Please try again in a minute.",
        },
      });
    }
  };
}

export function awarenessCorrectionSubmission(context: TBotContext) {
  return submission(context, "awareness_at", ({ body, view }) => {
    const values = readModalValues(view.state?.values);
    return correctAwareness(context, {
      reference: view.private_metadata,
      userId: body.user.id,
      awarenessAt: values.dateTime("awareness_at"),
      reason: values.text("reason"),
    });
  });
}

export function apFollowupSubmission(context: TBotContext) {
  return submission(context, "kind", ({ body, view }) => {
    const values = readModalValues(view.state?.values);
    return recordApFollowup(context, {
      reference: view.private_metadata,
      userId: body.user.id,
      kind: values.selected("kind"),
      apReference: values.text("ap_reference"),
      text: values.text("text"),
    });
  });
}

export function subjectNoticeSubmission(context: TBotContext) {
  return submission(context, "sent_at", ({ body, view }) => {
    const values = readModalValues(view.state?.values);
    return recordSubjectNotice(context, {
      reference: view.private_metadata,
      userId: body.user.id,
      sentAt: values.dateTime("sent_at"),
      method: values.selected("method"),
      recipientsCount: values.text("recipients_count"),
      note: values.text("note"),
    });
  });
}
