// The close form's submit. Its answers are checked against what it asked;
// a rule that blocks closing now (something changed while the form was
// open) is said in the form: on its first field, or, in a form without
// fields, as the form's new content.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { CLOSE_REASON_MAX, CLOSE_REASON_MIN, type TCloseProblem } from "../../../features/measures/closingRules.ts";
import { closeIncident } from "../../../features/measures/closeIncident.ts";
import { CLOSE_FIELDS } from "../../../features/measures/measuresActions.ts";
import type { TTexts } from "../../../texts/index.ts";
import { readFormValues, renderFormDone } from "../../render/renderForm.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";
import { readFormSubmission } from "./buttonClick.ts";

function problemText(texts: TTexts, field: string, problem: TCloseProblem): string {
  const t = texts.measures.closeProblems;
  if (problem === "too_short") return t.tooShort({ min: CLOSE_REASON_MIN });
  if (problem === "too_long") return t.tooLong({ max: CLOSE_REASON_MAX });
  if (field === CLOSE_FIELDS.art34Ground) return t.groundMissing;
  if (field === CLOSE_FIELDS.art34Reason) return t.art34ReasonMissing;
  return t.reasonMissing;
}

export function incidentCloseSubmission(deps: TSlackListenerDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const form = readFormSubmission(body, deps.locales);
    if (!form) {
      await ack();
      return;
    }
    const t = form.texts.measures.closeProblems;
    const values = readFormValues(form.state);
    const refuse = async (text: string) => {
      const field = Object.keys(values)[0];
      if (field) await ack({ response_action: "errors", errors: { [field]: text } });
      else
        await ack({
          response_action: "update",
          view: renderFormDone(
            {
              title: form.texts.measures.closeForm.title,
              close: form.texts.measures.closeForm.close,
              blocks: [{ kind: "text", text }],
            },
            form.render,
          ),
        });
    };
    try {
      const result = await closeIncident(deps, { reference: form.context, actor: form.actor, values });
      switch (result.outcome) {
        case "closed":
          await ack();
          deps.wakeOutbox();
          return;
        case "invalid":
          await ack({
            response_action: "errors",
            errors: Object.fromEntries(
              Object.entries(result.problems).map(([field, problem]) => [field, problemText(form.texts, field, problem)]),
            ),
          });
          return;
        case "needs_decision":
          return refuse(t.needsDecision);
        case "needs_ap_reference":
          return refuse(t.needsApReference);
        case "open_measures":
          return refuse(t.openMeasures({ count: result.openMeasures }));
        case "refused":
          await refuse(t.refused);
          deps.wakeOutbox();
          return;
        case "already_closed":
          return refuse(t.alreadyClosed);
        case "not_found":
          return refuse(t.notFound);
      }
    } catch (error) {
      deps.logger.error({ error: (error as Error).message }, "closing an incident failed");
      await refuse(form.texts.measures.problems.saveFailed);
    }
  };
}
