// The buttons that open a dialog, by action id (Slack: the buttons that open
// a modal): the report, a decision, a level change, the awareness
// correction, the notifications' records, a measure, closing, the
// evaluation, and the details window. Each asks its use case first: a
// refusal is recorded and told in the person's chat with the bot, and the
// dialog says so in one line.
import type { TForm, TFormDone } from "../../../core/messages/form.ts";
import type { TLocale } from "../../../core/text/locale.ts";
import { DETAILS_ACTION } from "../../../features/audit/auditActions.ts";
import { commandContext } from "../../../features/audit/commandContext.ts";
import { incidentDetailsView } from "../../../features/audit/incidentDetailsView.ts";
import { openIncidentDetails } from "../../../features/audit/openIncidentDetails.ts";
import { readReference } from "../../../features/audit/readReference.ts";
import { ASSESSMENT_OVERRIDE_ACTION, DECISION_ACTIONS } from "../../../features/checklist/checklistActions.ts";
import { openDecisionForm, type TDecisionFormKind } from "../../../features/checklist/openDecisionForm.ts";
import { AWARENESS_CORRECT_ACTION } from "../../../features/countdown/countdownActions.ts";
import { awarenessForm } from "../../../features/countdown/awarenessForm.ts";
import { openAwarenessCorrection } from "../../../features/countdown/openAwarenessCorrection.ts";
import { EVALUATION_START_ACTION } from "../../../features/evaluation/evaluationActions.ts";
import { openEvaluationForm } from "../../../features/evaluation/openEvaluationForm.ts";
import { INCIDENT_CLOSE_ACTION, MEASURE_ADD_ACTION } from "../../../features/measures/measuresActions.ts";
import { openCloseForm } from "../../../features/measures/openCloseForm.ts";
import { openMeasureForm } from "../../../features/measures/openMeasureForm.ts";
import { apFollowupForm, subjectNoticeForm } from "../../../features/notifications/notificationForms.ts";
import { NOTIFICATION_ACTIONS } from "../../../features/notifications/notificationsActions.ts";
import { openNotificationForm, type TNotificationFormKind } from "../../../features/notifications/openNotificationForm.ts";
import { OVERVIEW_REPORT_ACTION } from "../../../features/overview/overviewActions.ts";
import { reportForm } from "../../../features/report/reportForm.ts";
import type { TDecision } from "../../../core/incidents/decisions.ts";
import type { TTexts } from "../../../texts/index.ts";
import type { TTeamsListenerDeps } from "../teamsListenerDeps.ts";

export interface TOpenRequest {
  actor: string;
  /** The button's value (a reference). */
  value: string;
  where: string | null;
  texts: TTexts;
  locale: TLocale;
}

export type TOpened = { kind: "form"; form: TForm } | { kind: "view"; view: TFormDone } | { kind: "refused" };

type TOpener = (deps: TTeamsListenerDeps, request: TOpenRequest) => Promise<TOpened>;

const refused: TOpened = { kind: "refused" };

const openReport: TOpener = async (deps, { texts }) => ({
  kind: "form",
  form: reportForm(deps.register, texts, deps.clock.now()),
});

function openDecision(which: TDecisionFormKind): TOpener {
  return async (deps, { actor, value, where, texts }) => {
    const result = await openDecisionForm(deps, { reference: value, which, actor, where, texts });
    return result.outcome === "form" ? { kind: "form", form: result.form } : refused;
  };
}

const openAwareness: TOpener = async (deps, { actor, value, where, texts, locale }) => {
  const result = await openAwarenessCorrection(deps, { reference: value, actor, where });
  return result.outcome === "open"
    ? { kind: "form", form: awarenessForm(result.incident, texts, { zone: deps.zone, locale }) }
    : refused;
};

function openNotification(form: TNotificationFormKind): TOpener {
  return async (deps, { actor, value, where, texts }) => {
    const result = await openNotificationForm(deps, { reference: value, actor, where, form });
    if (result.outcome !== "open") return refused;
    return {
      kind: "form",
      form:
        form === "ap_followup"
          ? apFollowupForm(result.incident, texts)
          : subjectNoticeForm(result.incident, texts, deps.clock.now()),
    };
  };
}

const openMeasure: TOpener = async (deps, { actor, value, where, texts }) => {
  const result = await openMeasureForm(deps, { reference: value, actor, where, texts });
  return result.outcome === "form" ? { kind: "form", form: result.form } : refused;
};

const openClose: TOpener = async (deps, { actor, value, where, texts, locale }) => {
  const result = await openCloseForm(deps, { reference: value, actor, where, texts, locale });
  return result.outcome === "form" ? { kind: "form", form: result.form } : refused;
};

const openEvaluation: TOpener = async (deps, { actor, value, where, texts }) => {
  const result = await openEvaluationForm(deps, { reference: value, actor, where, texts });
  return result.outcome === "form" ? { kind: "form", form: result.form } : refused;
};

const openDetails: TOpener = async (deps, { actor, value, where, texts, locale }) => {
  const reference = readReference(value);
  if (!reference) return refused;
  const result = await openIncidentDetails(deps, { reference, actor, via: "button", answerRefusalAt: { where } });
  if (result.outcome !== "shown") return refused;
  return { kind: "view", view: incidentDetailsView(result, commandContext(deps, { locale, texts })) };
};

export const FORM_OPENERS: ReadonlyMap<string, TOpener> = new Map<string, TOpener>([
  [OVERVIEW_REPORT_ACTION, openReport],
  [ASSESSMENT_OVERRIDE_ACTION, openDecision({ kind: "override" })],
  ...(Object.entries(DECISION_ACTIONS) as [TDecision, string][]).map(
    ([decision, action]) => [action, openDecision({ kind: "decision", decision })] as const,
  ),
  [AWARENESS_CORRECT_ACTION, openAwareness],
  [NOTIFICATION_ACTIONS.apFollowup, openNotification("ap_followup")],
  [NOTIFICATION_ACTIONS.recordSubjectNotice, openNotification("subject_notice")],
  [MEASURE_ADD_ACTION, openMeasure],
  [INCIDENT_CLOSE_ACTION, openClose],
  [EVALUATION_START_ACTION, openEvaluation],
  [DETAILS_ACTION, openDetails],
]);

/** Whether a button opens a dialog (the renderer makes it ask Teams for one). */
export function opensDialog(action: string): boolean {
  return FORM_OPENERS.has(action);
}
