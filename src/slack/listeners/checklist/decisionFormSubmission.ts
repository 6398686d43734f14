// The submits of the level-change form and the decision forms: checked on
// the server and answered field by field; a refusal stays in the form.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Logger } from "pino";
import { DECISION_FIELDS, decisionOfFormId } from "../../../features/checklist/checklistActions.ts";
import { decisionProblemTexts, overrideProblemTexts } from "../../../features/checklist/decisionForms.ts";
import { overrideAssessment } from "../../../features/checklist/overrideAssessment.ts";
import { recordDecision, type TRecordDecisionDeps } from "../../../features/checklist/recordDecision.ts";
import type { TTexts } from "../../../texts/index.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { readFormValues } from "../../render/renderForm.ts";
import { readChecklistForm } from "./checklistClicks.ts";

export interface TDecisionFormSubmissionDeps extends TRecordDecisionDeps {
  locales: SlackLocales;
  logger: Logger;
  wakeOutbox: () => void;
}

type TNotAllowed = "refused" | "not_found" | "already_decided" | "decided" | "no_assessment";

function notAllowedText(outcome: TNotAllowed, texts: TTexts): string {
  const t = texts.checklist.errors;
  switch (outcome) {
    case "refused":
      return t.refused;
    case "not_found":
      return t.notFound;
    case "already_decided":
      return t.alreadyDecided;
    case "decided":
      return t.locked;
    case "no_assessment":
      return t.noAssessment;
  }
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

export function decisionFormSubmission(deps: TDecisionFormSubmissionDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const form = readChecklistForm(body, deps.locales);
    const decision = form ? decisionOfFormId(form.formId) : undefined;
    if (!form || !decision) {
      await ack();
      return;
    }
    const values = readFormValues(form.state);
    const result = await recordDecision(deps, {
      reference: form.reference,
      decision,
      actor: form.actor,
      reason: text(values[DECISION_FIELDS.reason]),
      apReference: text(values[DECISION_FIELDS.apReference]),
    });
    deps.logger.info({ reference: form.reference, decision, outcome: result.outcome }, "record decision");
    if (result.outcome === "recorded") await ack();
    else if (result.outcome === "invalid")
      await ack({ response_action: "errors", errors: decisionProblemTexts(result.problems, form.texts) });
    else
      await ack({ response_action: "errors", errors: { [DECISION_FIELDS.reason]: notAllowedText(result.outcome, form.texts) } });
    deps.wakeOutbox();
  };
}

export function overrideFormSubmission(deps: TDecisionFormSubmissionDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const form = readChecklistForm(body, deps.locales);
    if (!form) {
      await ack();
      return;
    }
    const values = readFormValues(form.state);
    const result = await overrideAssessment(deps, {
      reference: form.reference,
      actor: form.actor,
      level: text(values[DECISION_FIELDS.level]),
      reason: text(values[DECISION_FIELDS.reason]),
    });
    deps.logger.info({ reference: form.reference, outcome: result.outcome }, "override assessment");
    if (result.outcome === "overridden") await ack();
    else if (result.outcome === "invalid")
      await ack({ response_action: "errors", errors: overrideProblemTexts(result.problems, form.texts) });
    else
      await ack({ response_action: "errors", errors: { [DECISION_FIELDS.reason]: notAllowedText(result.outcome, form.texts) } });
    deps.wakeOutbox();
  };
}
