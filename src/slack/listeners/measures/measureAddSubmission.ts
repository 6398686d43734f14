// The measure form's submit: checked field by field, then stored with its
// reminders and messages in one transaction. A refusal stays in the form.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { addCorrectiveMeasure } from "../../../features/measures/addCorrectiveMeasure.ts";
import { MEASURE_WHAT_MAX, type TMeasureProblem } from "../../../features/measures/measureInput.ts";
import { MEASURE_FIELDS } from "../../../features/measures/measuresActions.ts";
import type { TTexts } from "../../../texts/index.ts";
import { readFormValues } from "../../render/renderForm.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { readFormSubmission } from "./buttonClick.ts";

function problemText(texts: TTexts, problem: TMeasureProblem): string {
  const t = texts.measures.problems;
  return problem === "whatTooLong" ? t.whatTooLong({ max: MEASURE_WHAT_MAX }) : t[problem];
}

export function measureAddSubmission(deps: TSlackListenerDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const form = readFormSubmission(body, deps.locales);
    if (!form) {
      await ack();
      return;
    }
    const t = form.texts.measures.problems;
    const refuse = (text: string) => ack({ response_action: "errors", errors: { [MEASURE_FIELDS.what]: text } });
    try {
      const result = await addCorrectiveMeasure(deps, {
        reference: form.context,
        actor: form.actor,
        values: readFormValues(form.state),
      });
      switch (result.outcome) {
        case "invalid":
          await ack({
            response_action: "errors",
            errors: Object.fromEntries(
              Object.entries(result.problems).map(([field, problem]) => [field, problemText(form.texts, problem)]),
            ),
          });
          return;
        case "closed":
          await refuse(t.closed);
          return;
        case "refused":
          await refuse(t.refused);
          deps.wakeOutbox();
          return;
        case "not_found":
          await refuse(t.notFound);
          return;
        case "added":
          await ack();
          deps.wakeOutbox();
      }
    } catch (error) {
      deps.logger.error({ error: (error as Error).message }, "adding a measure failed");
      await refuse(t.saveFailed);
    }
  };
}
