// What each Universal Action (Action.Execute, verb = the action id) does:
// the same use cases as Slack's buttons. The clicked message's card is not
// replaced by the answer: the use case updates every copy of it through the
// outbox (in place), and a refusal is told in the person's chat with the bot.
import { confirmAssessment } from "../../../features/checklist/confirmAssessment.ts";
import {
  ASSESSMENT_CONFIRM_ACTION,
  CHECKLIST_ACTION_PREFIX,
  checklistActionId,
} from "../../../features/checklist/checklistActions.ts";
import { answerChecklistQuestion } from "../../../features/checklist/answerChecklistQuestion.ts";
import { questionIdFromActionId } from "../../../features/checklist/checklistAnswers.ts";
import { answerStaleChecklistClick } from "../../../features/checklist/noticeNotFound.ts";
import { questionById } from "../../../features/checklist/questions.ts";
import { completePolicyEvaluation } from "../../../features/evaluation/completePolicyEvaluation.ts";
import { evaluationMessageKeys, POLICY_EVALUATION_DONE_ACTION } from "../../../features/evaluation/evaluationActions.ts";
import { completeCorrectiveMeasure } from "../../../features/measures/completeCorrectiveMeasure.ts";
import { MEASURE_DONE_ACTION } from "../../../features/measures/measuresActions.ts";
import { NOTIFICATION_ACTIONS } from "../../../features/notifications/notificationsActions.ts";
import { requestNotificationDraft } from "../../../features/notifications/requestNotificationDraft.ts";
import { OVERVIEW_RETRY_PARKED_ACTION } from "../../../features/overview/overviewActions.ts";
import { retryParkedMessages } from "../../../features/overview/retryParkedMessages.ts";
import { TAKE_ACTION } from "../../../features/paging/pagingActions.ts";
import { takeIncident } from "../../../features/paging/takeIncident.ts";
import { answerRetentionReview } from "../../../features/retention/answerRetentionReview.ts";
import { RETENTION_ACTIONS } from "../../../features/retention/retentionActions.ts";
import { channelOf, parseTeamsRef, TEAMS_PLATFORM, threadRootOf } from "../../identity.ts";
import { findPostedKey } from "../findPostedKey.ts";
import type { TTeamsListenerDeps } from "../teamsListenerDeps.ts";

export interface TCardClick {
  actor: string;
  verb: string;
  /** The action's data: the button's value, and the inputs of the card. */
  data: Readonly<Record<string, unknown>>;
  conversationId: string;
  /** The message clicked. */
  replyToId: string | undefined;
  where: string | null;
}

type TExecutor = (deps: TTeamsListenerDeps, click: TCardClick) => Promise<string>;

const valueOf = (click: TCardClick): string => (typeof click.data.value === "string" ? click.data.value.slice(0, 200) : "");

const INCIDENT_KEY = /^incident:([0-9a-f-]{36}):/i;

/** Which incident a click in its post, its thread or a checklist part belongs to, through where the bot posted. */
async function findClickedIncident(deps: TTeamsListenerDeps, click: TCardClick): Promise<string | undefined> {
  const root = threadRootOf(click.conversationId);
  for (const activityId of [click.replyToId, root]) {
    if (!activityId) continue;
    const key = await findPostedKey(deps.database, click.conversationId, activityId);
    const incidentId = key ? INCIDENT_KEY.exec(key)?.[1] : undefined;
    if (incidentId) return incidentId;
  }
  return undefined;
}

const answerChecklist: TExecutor = async (deps, click) => {
  const questionId = questionIdFromActionId(click.verb);
  if (!questionId) return "ignored";
  const incidentId = await findClickedIncident(deps, click);
  if (!incidentId) {
    await answerStaleChecklistClick(deps, { actor: click.actor, where: click.where });
    return "stale";
  }
  const kind = questionById(questionId).kind;
  const inputId = checklistActionId(questionId);
  const input = click.data[inputId];
  const typed = typeof input === "string" ? input.trim() : typeof input === "number" ? String(input) : "";
  let rawValue: unknown;
  let confirmCurrent = false;
  if (click.verb === `${inputId}_confirm`) confirmCurrent = true;
  else if (click.verb === `${inputId}_save`) {
    // The save beside a number: the typed number, or the prefilled one confirmed.
    if (typed === "") confirmCurrent = true;
    else rawValue = typed;
  } else if (typeof click.data.value === "string") rawValue = click.data.value;
  else if (kind === "several")
    rawValue = typed
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  else rawValue = typed === "" ? undefined : typed;
  const result = await answerChecklistQuestion(deps, {
    incidentId,
    questionId,
    rawValue,
    confirmCurrent,
    actor: click.actor,
    where: click.where,
  });
  return result.outcome;
};

/** Without named management members, a click on the copy in the management channel counts as management's. */
async function clickedInManagementChannel(deps: TTeamsListenerDeps, year: number, click: TCardClick): Promise<boolean> {
  if (!Number.isInteger(year) || channelOf(click.conversationId) !== deps.channels.management) return false;
  const copies = await deps.database.prisma.postedMessage.findMany({
    where: { platform: TEAMS_PLATFORM, key: { startsWith: evaluationMessageKeys.policyYear(year) } },
    select: { key: true, ref: true },
  });
  return copies.some(
    (copy) =>
      evaluationMessageKeys.isManagementCopy(copy.key) &&
      channelOf(parseTeamsRef(copy.ref)?.conversationId ?? "") === deps.channels.management,
  );
}

export const CARD_ACTIONS: ReadonlyMap<string, TExecutor> = new Map<string, TExecutor>([
  [
    TAKE_ACTION,
    async (deps, click) =>
      (await takeIncident(deps, { reference: valueOf(click).slice(0, 40), actor: click.actor, where: click.where })).outcome,
  ],
  [
    ASSESSMENT_CONFIRM_ACTION,
    async (deps, click) =>
      (await confirmAssessment(deps, { reference: valueOf(click), actor: click.actor, where: click.where })).outcome,
  ],
  [
    NOTIFICATION_ACTIONS.draftApNotification,
    async (deps, click) =>
      (
        await requestNotificationDraft(deps, {
          reference: valueOf(click),
          actor: click.actor,
          where: click.where,
          draft: "ap_notification",
        })
      ).outcome,
  ],
  [
    NOTIFICATION_ACTIONS.draftSubjectNotice,
    async (deps, click) =>
      (
        await requestNotificationDraft(deps, {
          reference: valueOf(click),
          actor: click.actor,
          where: click.where,
          draft: "subject_notice",
        })
      ).outcome,
  ],
  [
    MEASURE_DONE_ACTION,
    async (deps, click) =>
      (await completeCorrectiveMeasure(deps, { measureId: valueOf(click), actor: click.actor, where: click.where })).outcome,
  ],
  ...(
    [
      [RETENTION_ACTIONS.done, "done"],
      [RETENTION_ACTIONS.snoozeDay, "snooze_day"],
      [RETENTION_ACTIONS.snoozeWeek, "snooze_week"],
    ] as const
  ).map(
    ([action, answer]) =>
      [
        action,
        (async (deps, click) =>
          (await answerRetentionReview(deps, { reviewId: valueOf(click), answer, actor: click.actor, where: click.where }))
            .outcome) as TExecutor,
      ] as const,
  ),
  [
    POLICY_EVALUATION_DONE_ACTION,
    async (deps, click) => {
      const value = valueOf(click);
      const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
      return (
        await completePolicyEvaluation(deps, {
          year,
          actor: click.actor,
          inManagementChannel: await clickedInManagementChannel(deps, year, click),
          where: click.where,
        })
      ).outcome;
    },
  ],
  [OVERVIEW_RETRY_PARKED_ACTION, async (deps, click) => (await retryParkedMessages(deps, click.actor)).outcome],
]);

export function findCardAction(verb: string): TExecutor | undefined {
  return CARD_ACTIONS.get(verb) ?? (verb.startsWith(CHECKLIST_ACTION_PREFIX) ? answerChecklist : undefined);
}
