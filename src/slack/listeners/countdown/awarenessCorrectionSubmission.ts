// The awareness correction form's submit: validated field by field (the
// errors stay in the form), recorded, and the form closes; the thread and
// the post show the new deadline.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Logger } from "pino";
import type { TAwarenessProblem } from "../../../features/countdown/awarenessCorrection.ts";
import { correctAwareness, type TCorrectAwarenessDeps } from "../../../features/countdown/correctAwareness.ts";
import { textsFor } from "../../../texts/index.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { dateValue, fieldErrors, readIncidentSubmission, textValue } from "./incidentButton.ts";

export interface TAwarenessCorrectionSubmissionDeps extends TCorrectAwarenessDeps {
  logger: Logger;
  locales: SlackLocales;
  wakeOutbox: () => void;
}

export function awarenessCorrectionSubmission(deps: TAwarenessCorrectionSubmissionDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const submission = readIncidentSubmission(body);
    if (!submission) {
      await ack();
      return;
    }
    const texts = textsFor(deps.locales.cached(submission.userId));
    const answers = texts.notifications.answers;
    const answer = (text: string) => ack({ response_action: "errors", errors: { awareness_at: text } });
    try {
      const result = await correctAwareness(deps, {
        reference: submission.reference,
        actor: submission.actor,
        awarenessAt: dateValue(submission.values.awareness_at),
        reason: textValue(submission.values.reason),
      });
      deps.logger.info({ reference: submission.reference, outcome: result.outcome }, "awareness correction submitted");
      switch (result.outcome) {
        case "corrected":
          await ack();
          break;
        case "invalid": {
          const words = (problem: TAwarenessProblem) =>
            (texts.countdown.awareness.problems[problem.code] as (problem: TAwarenessProblem) => string)(problem);
          await ack({ response_action: "errors", errors: fieldErrors(result.errors, words) });
          break;
        }
        case "refused":
          await answer(answers.refused);
          break;
        case "not_found":
          await answer(answers.notFound);
          break;
        case "closed":
          await answer(answers.closed);
          break;
      }
      deps.wakeOutbox();
    } catch (error) {
      deps.logger.error({ error: (error as Error).message }, "storing an awareness correction failed");
      await answer(answers.saveFailed);
    }
  };
}
