// What each form's submit does, by form id: the same use cases and the same
// field-by-field answers as the Slack modals, in a shape the dialog listener
// shows (errors under their fields with what was typed kept, a "done" view,
// or the dialog closes).
import { z } from "zod";
import type { TFormAnswer, TFormValue, TFormValues } from "../../../core/messages/form.ts";
import type { TDecision } from "../../../core/incidents/decisions.ts";
import type { TLocale } from "../../../core/text/locale.ts";
import { DECISION_ACTIONS, DECISION_FIELDS, OVERRIDE_FORM_ID } from "../../../features/checklist/checklistActions.ts";
import { decisionProblemTexts, overrideProblemTexts } from "../../../features/checklist/decisionForms.ts";
import { overrideAssessment } from "../../../features/checklist/overrideAssessment.ts";
import { DATA_CATEGORIES, RECIPIENT_VALUES } from "../../../features/checklist/questions.ts";
import { recordDecision } from "../../../features/checklist/recordDecision.ts";
import type { TAwarenessProblem } from "../../../features/countdown/awarenessCorrection.ts";
import { AWARENESS_FORM_ID } from "../../../features/countdown/countdownActions.ts";
import { correctAwareness } from "../../../features/countdown/correctAwareness.ts";
import { EVALUATION_FIELDS, EVALUATION_FORM_ID } from "../../../features/evaluation/evaluationActions.ts";
import { MEASURES_WORKED, PROCEDURE_CHANGE } from "../../../features/evaluation/evaluationAnswers.ts";
import { recordIncidentEvaluation } from "../../../features/evaluation/recordIncidentEvaluation.ts";
import { addCorrectiveMeasure } from "../../../features/measures/addCorrectiveMeasure.ts";
import { closeIncident } from "../../../features/measures/closeIncident.ts";
import { CLOSE_REASON_MAX, CLOSE_REASON_MIN, type TCloseProblem } from "../../../features/measures/closingRules.ts";
import { MEASURE_WHAT_MAX, type TMeasureProblem } from "../../../features/measures/measureInput.ts";
import { CLOSE_FIELDS, CLOSE_FORM_ID, MEASURE_FIELDS, MEASURE_FORM_ID } from "../../../features/measures/measuresActions.ts";
import type { TRecordProblem } from "../../../features/notifications/notificationRecords.ts";
import { NOTIFICATION_FORMS } from "../../../features/notifications/notificationsActions.ts";
import { recordApFollowup } from "../../../features/notifications/recordApFollowup.ts";
import { recordSubjectNotice } from "../../../features/notifications/recordSubjectNotice.ts";
import { systemKeys } from "../../../features/register/systemLabels.ts";
import { REPORT_FORM_ID } from "../../../features/report/reportForm.ts";
import { reportIncident } from "../../../features/report/reportIncident.ts";
import { validateReport, ZRawReport, type TReportProblem } from "../../../features/report/reportInput.ts";
import { reportReceivedForm } from "../../../features/report/reportMessages.ts";
import type { TTexts } from "../../../texts/index.ts";
import type { TTeamsListenerDeps } from "../teamsListenerDeps.ts";

export interface TSubmission {
  actor: string;
  /** What the form carried (a reference). */
  context: string;
  values: TFormValues;
  /** Identifies this one dialog (a double submit is one report). */
  submissionKey: string;
  texts: TTexts;
  locale: TLocale;
}

type TSubmit = (deps: TTeamsListenerDeps, submission: TSubmission) => Promise<TFormAnswer>;

/** How long storing a report may take before the dialog says "try again" (Teams waits about 15 seconds for an invoke). */
export const STORE_DEADLINE_MS = 5000;

const text = (value: TFormValue | undefined): string | null => (typeof value === "string" ? value : null);
const date = (value: TFormValue | undefined): Date | null => (value instanceof Date ? value : null);
const errors = (errors: Record<string, string>): TFormAnswer => ({ kind: "errors", errors });
const closed: TFormAnswer = { kind: "close" };

function fieldErrors<TProblem extends { code: string }>(
  problems: Partial<Record<string, TProblem>>,
  words: (problem: TProblem) => string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).flatMap(([field, problem]) => (problem ? [[field, words(problem)]] : [])));
}

const submitReport: TSubmit = async (deps, submission) => {
  const { texts, values } = submission;
  const raw = ZRawReport.safeParse({ ...values, data_kinds: Array.isArray(values.data_kinds) ? values.data_kinds : [] });
  const checked = validateReport(raw.success ? raw.data : {}, deps.clock.now(), {
    systemKeys: systemKeys(deps.register),
    dataKinds: DATA_CATEGORIES,
    recipients: RECIPIENT_VALUES,
  });
  if (!checked.ok)
    return errors(
      fieldErrors(checked.problems, (problem: TReportProblem) =>
        (texts.report.problems[problem.code] as (problem: TReportProblem) => string)(problem),
      ),
    );
  const deadline = Date.now() + STORE_DEADLINE_MS;
  try {
    const result = await reportIncident(deps, {
      report: checked.report,
      reporter: submission.actor,
      submissionKey: submission.submissionKey,
      deadline,
    });
    if (result.outcome === "rate_limited") return errors({ what_happened: texts.report.rateLimited });
    if (result.outcome === "created") {
      deps.logger.info({ reference: result.incident.reference }, "incident reported");
      deps.wakeOutbox();
    }
    return { kind: "done", done: reportReceivedForm(result.incident, texts, deps.zone, submission.locale) };
  } catch (error) {
    deps.logger.error({ error: (error as Error).message }, "storing a report failed");
    return errors({ what_happened: texts.report.saveFailed });
  }
};

type TNotAllowed = "refused" | "not_found" | "already_decided" | "decided" | "no_assessment";

function notAllowedText(outcome: TNotAllowed, texts: TTexts): string {
  const t = texts.checklist.errors;
  return {
    refused: t.refused,
    not_found: t.notFound,
    already_decided: t.alreadyDecided,
    decided: t.locked,
    no_assessment: t.noAssessment,
  }[outcome];
}

function decisionSubmit(decision: TDecision): TSubmit {
  return async (deps, { actor, context: reference, values, texts }) => {
    const result = await recordDecision(deps, {
      reference,
      decision,
      actor,
      reason: text(values[DECISION_FIELDS.reason]),
      apReference: text(values[DECISION_FIELDS.apReference]),
    });
    deps.logger.info({ reference, decision, outcome: result.outcome }, "record decision");
    deps.wakeOutbox();
    if (result.outcome === "recorded") return closed;
    if (result.outcome === "invalid") return errors(decisionProblemTexts(result.problems, texts));
    return errors({ [DECISION_FIELDS.reason]: notAllowedText(result.outcome, texts) });
  };
}

const submitOverride: TSubmit = async (deps, { actor, context: reference, values, texts }) => {
  const result = await overrideAssessment(deps, {
    reference,
    actor,
    level: text(values[DECISION_FIELDS.level]),
    reason: text(values[DECISION_FIELDS.reason]),
  });
  deps.logger.info({ reference, outcome: result.outcome }, "override assessment");
  deps.wakeOutbox();
  if (result.outcome === "overridden") return closed;
  if (result.outcome === "invalid") return errors(overrideProblemTexts(result.problems, texts));
  return errors({ [DECISION_FIELDS.reason]: notAllowedText(result.outcome, texts) });
};

const submitAwareness: TSubmit = async (deps, { actor, context: reference, values, texts }) => {
  const answers = texts.notifications.answers;
  const answer = (words: string) => errors({ awareness_at: words });
  try {
    const result = await correctAwareness(deps, {
      reference,
      actor,
      awarenessAt: date(values.awareness_at),
      reason: text(values.reason),
    });
    deps.wakeOutbox();
    switch (result.outcome) {
      case "corrected":
        return closed;
      case "invalid":
        return errors(
          fieldErrors(result.errors, (problem: TAwarenessProblem) =>
            (texts.countdown.awareness.problems[problem.code] as (problem: TAwarenessProblem) => string)(problem),
          ),
        );
      case "refused":
        return answer(answers.refused);
      case "not_found":
        return answer(answers.notFound);
      case "closed":
        return answer(answers.closed);
    }
  } catch (error) {
    deps.logger.error({ error: (error as Error).message }, "storing an awareness correction failed");
    return answer(answers.saveFailed);
  }
};

type TRecordOutcome =
  | { outcome: "recorded" }
  | { outcome: "invalid"; errors: Partial<Record<string, TRecordProblem>> }
  | { outcome: "refused" | "not_found" | "not_notified" | "not_applicable" };

function notificationSubmit(
  firstField: string,
  record: (deps: TTeamsListenerDeps, submission: TSubmission) => Promise<TRecordOutcome>,
): TSubmit {
  return async (deps, submission) => {
    const { texts } = submission;
    const answers = texts.notifications.answers;
    try {
      const result = await record(deps, submission);
      deps.wakeOutbox();
      if (result.outcome === "recorded") return closed;
      if (result.outcome === "invalid")
        return errors(
          fieldErrors(result.errors, (problem: TRecordProblem) =>
            (texts.notifications.problems[problem.code] as (problem: TRecordProblem) => string)(problem),
          ),
        );
      const words = {
        refused: answers.refused,
        not_found: answers.notFound,
        not_notified: answers.notNotified,
        not_applicable: answers.notApplicable,
      }[result.outcome];
      return errors({ [firstField]: words });
    } catch (error) {
      deps.logger.error({ error: (error as Error).message }, "storing a notification record failed");
      return errors({ [firstField]: answers.saveFailed });
    }
  };
}

const submitApFollowup = notificationSubmit("kind", (deps, { actor, context: reference, values }) =>
  recordApFollowup(deps, {
    reference,
    actor,
    kind: text(values.kind),
    apReference: text(values.ap_reference),
    text: text(values.text),
  }),
);

const submitSubjectNotice = notificationSubmit("sent_at", (deps, { actor, context: reference, values }) =>
  recordSubjectNotice(deps, {
    reference,
    actor,
    sentAt: date(values.sent_at),
    method: text(values.method),
    recipientsCount: text(values.recipients_count),
    note: text(values.note),
  }),
);

const submitMeasure: TSubmit = async (deps, { actor, context: reference, values, texts }) => {
  const t = texts.measures.problems;
  const refuse = (words: string) => errors({ [MEASURE_FIELDS.what]: words });
  try {
    const result = await addCorrectiveMeasure(deps, { reference, actor, values });
    switch (result.outcome) {
      case "invalid":
        return errors(
          Object.fromEntries(
            Object.entries(result.problems).map(([field, problem]) => [
              field,
              problem === "whatTooLong"
                ? t.whatTooLong({ max: MEASURE_WHAT_MAX })
                : t[problem as Exclude<TMeasureProblem, "whatTooLong">],
            ]),
          ),
        );
      case "closed":
        return refuse(t.closed);
      case "refused":
        deps.wakeOutbox();
        return refuse(t.refused);
      case "not_found":
        return refuse(t.notFound);
      case "added":
        deps.wakeOutbox();
        return closed;
    }
  } catch (error) {
    deps.logger.error({ error: (error as Error).message }, "adding a measure failed");
    return refuse(t.saveFailed);
  }
};

function closeProblemText(texts: TTexts, field: string, problem: TCloseProblem): string {
  const t = texts.measures.closeProblems;
  if (problem === "too_short") return t.tooShort({ min: CLOSE_REASON_MIN });
  if (problem === "too_long") return t.tooLong({ max: CLOSE_REASON_MAX });
  if (field === CLOSE_FIELDS.art34Ground) return t.groundMissing;
  if (field === CLOSE_FIELDS.art34Reason) return t.art34ReasonMissing;
  return t.reasonMissing;
}

const submitClose: TSubmit = async (deps, { actor, context: reference, values, texts }) => {
  const t = texts.measures.closeProblems;
  // A rule that blocks closing now is said on the form's first field, or as the dialog's new content when it has none.
  const refuse = (words: string): TFormAnswer => {
    const field = Object.keys(values)[0];
    if (field) return errors({ [field]: words });
    return {
      kind: "done",
      done: {
        title: texts.measures.closeForm.title,
        close: texts.measures.closeForm.close,
        blocks: [{ kind: "text", text: words }],
      },
    };
  };
  try {
    const result = await closeIncident(deps, { reference, actor, values });
    switch (result.outcome) {
      case "closed":
        deps.wakeOutbox();
        return closed;
      case "invalid":
        return errors(
          Object.fromEntries(
            Object.entries(result.problems).map(([field, problem]) => [field, closeProblemText(texts, field, problem)]),
          ),
        );
      case "needs_decision":
        return refuse(t.needsDecision);
      case "needs_ap_reference":
        return refuse(t.needsApReference);
      case "open_measures":
        return refuse(t.openMeasures({ count: result.openMeasures }));
      case "refused":
        deps.wakeOutbox();
        return refuse(t.refused);
      case "already_closed":
        return refuse(t.alreadyClosed);
      case "not_found":
        return refuse(t.notFound);
    }
  } catch (error) {
    deps.logger.error({ error: (error as Error).message }, "closing an incident failed");
    return refuse(texts.measures.problems.saveFailed);
  }
};

const submitEvaluation: TSubmit = async (deps, { actor, context: reference, values, texts }) => {
  const t = texts.evaluation.form;
  const measuresWorked = z.enum(MEASURES_WORKED).safeParse(values[EVALUATION_FIELDS.measuresWorked]);
  const procedureChange = z.enum(PROCEDURE_CHANGE).safeParse(values[EVALUATION_FIELDS.procedureChange]);
  if (!measuresWorked.success || !procedureChange.success)
    return errors({
      ...(measuresWorked.success ? {} : { [EVALUATION_FIELDS.measuresWorked]: t.chooseAnswer }),
      ...(procedureChange.success ? {} : { [EVALUATION_FIELDS.procedureChange]: t.chooseAnswer }),
    });
  const notes = values[EVALUATION_FIELDS.notes];
  const refuse = (words: string) => errors({ [EVALUATION_FIELDS.notes]: words });
  try {
    const result = await recordIncidentEvaluation(deps, {
      reference,
      actor,
      measuresWorked: measuresWorked.data,
      procedureChange: procedureChange.data,
      notes: typeof notes === "string" ? notes : null,
    });
    switch (result.outcome) {
      case "recorded":
        deps.wakeOutbox();
        return closed;
      case "refused":
        deps.wakeOutbox();
        return refuse(t.refused);
      case "not_closed":
        return refuse(t.notClosed);
      case "not_found":
        return refuse(t.notFound);
    }
  } catch (error) {
    deps.logger.error({ error: (error as Error).message }, "recording an evaluation failed");
    return refuse(t.saveFailed);
  }
};

export const FORM_SUBMISSIONS: ReadonlyMap<string, TSubmit> = new Map<string, TSubmit>([
  [REPORT_FORM_ID, submitReport],
  ...(Object.entries(DECISION_ACTIONS) as [TDecision, string][]).map(
    ([decision, formId]) => [formId, decisionSubmit(decision)] as const,
  ),
  [OVERRIDE_FORM_ID, submitOverride],
  [AWARENESS_FORM_ID, submitAwareness],
  [NOTIFICATION_FORMS.apFollowup, submitApFollowup],
  [NOTIFICATION_FORMS.subjectNotice, submitSubjectNotice],
  [MEASURE_FORM_ID, submitMeasure],
  [CLOSE_FORM_ID, submitClose],
  [EVALUATION_FORM_ID, submitEvaluation],
]);
