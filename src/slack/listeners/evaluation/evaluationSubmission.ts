// The evaluation form's submit: both questions answered, then recorded.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { EVALUATION_FIELDS } from "../../../features/evaluation/evaluationActions.ts";
import { MEASURES_WORKED, PROCEDURE_CHANGE } from "../../../features/evaluation/evaluationAnswers.ts";
import { recordIncidentEvaluation } from "../../../features/evaluation/recordIncidentEvaluation.ts";
import { readFormValues } from "../../render/renderForm.ts";
import { readFormSubmission } from "../measures/buttonClick.ts";
import type { TSlackListenerDeps } from "../slackListenerDeps.ts";

export function evaluationSubmission(deps: TSlackListenerDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const form = readFormSubmission(body, deps.locales);
    if (!form) {
      await ack();
      return;
    }
    const t = form.texts.evaluation.form;
    const values = readFormValues(form.state);
    const measuresWorked = z.enum(MEASURES_WORKED).safeParse(values[EVALUATION_FIELDS.measuresWorked]);
    const procedureChange = z.enum(PROCEDURE_CHANGE).safeParse(values[EVALUATION_FIELDS.procedureChange]);
    if (!measuresWorked.success || !procedureChange.success) {
      await ack({
        response_action: "errors",
        errors: {
          ...(measuresWorked.success ? {} : { [EVALUATION_FIELDS.measuresWorked]: t.chooseAnswer }),
          ...(procedureChange.success ? {} : { [EVALUATION_FIELDS.procedureChange]: t.chooseAnswer }),
        },
      });
      return;
    }
    const notes = values[EVALUATION_FIELDS.notes];
    const refuse = (text: string) => ack({ response_action: "errors", errors: { [EVALUATION_FIELDS.notes]: text } });
    try {
      const result = await recordIncidentEvaluation(deps, {
        reference: form.context,
        actor: form.actor,
        measuresWorked: measuresWorked.data,
        procedureChange: procedureChange.data,
        notes: typeof notes === "string" ? notes : null,
      });
      switch (result.outcome) {
        case "recorded":
          await ack();
          deps.wakeOutbox();
          return;
        case "refused":
          await refuse(t.refused);
          deps.wakeOutbox();
          return;
        case "not_closed":
          return refuse(t.notClosed);
        case "not_found":
          return refuse(t.notFound);
      }
    } catch (error) {
      deps.logger.error({ error: (error as Error).message }, "recording an evaluation failed");
      await refuse(t.saveFailed);
    }
  };
}
