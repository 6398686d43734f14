// The assessment in the incident's thread: the level in plain words, what
// the law therefore requires, the Art. 34(3) exemptions, the deciding
// reasons (the last of them weighs the ENISA score); then the privacy
// officer's confirmation or override and the decision buttons. Reasons
// written by the privacy officer stay out of it (they are in the timeline):
// no free text in channel messages. The internal figures (scoring, the
// ENISA steps) are for the register's appendix, not for the thread.
import { isCountdownRunning, type TDecision } from "../../core/incidents/decisions.ts";
import type { TBlock, TControl } from "../../core/messages/message.ts";
import type { ChecklistAnswer, Incident, IncidentAssessment } from "../../core/storage/generated/client.ts";
import { person, spansOf, strong, type TRichText, type TSpan } from "../../core/text/richText.ts";
import { timeLeft } from "../../core/time/deadlines.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TMessageContext } from "../messageContext.ts";
import type { TAssessment } from "./assessBreach.ts";
import type { TAssessmentLevel } from "./assessmentLevels.ts";
import { readAssessmentRecord } from "./assessmentRecord.ts";
import { ASSESSMENT_CONFIRM_ACTION, ASSESSMENT_OVERRIDE_ACTION, DECISION_ACTIONS } from "./checklistActions.ts";
import { answersFromRows, isAsked, isQuestionId } from "./checklistAnswers.ts";
import { effectiveLevel } from "./decisionRules.ts";
import { QUESTION_IDS } from "./questions.ts";

/** The decision the level points to, shown as the primary button. */
const SUGGESTED_DECISION: Record<TAssessmentLevel, TDecision> = {
  not_a_breach: "not_a_breach",
  no_risk: "not_notifiable",
  risk: "ap_notified",
  high_risk: "ap_notified",
};

function lawLines(incident: Incident, assessment: TAssessment, level: TAssessmentLevel, context: TMessageContext): TRichText[] {
  const t = context.texts.checklist.assessment;
  if (level === "not_a_breach") return [t.lawNotABreach];
  if (level === "no_risk") return [t.lawNoRisk];
  const lines: TRichText[] = [
    t.lawNotify({
      deadline: formatLocal(incident.deadlineAt, context.organisation.zone, context.locale),
      ...(isCountdownRunning(incident)
        ? { left: context.texts.common.timeLeft(timeLeft(incident.deadlineAt, context.now)) }
        : {}),
    }),
  ];
  // The engine's exemptions speak only to its own high-risk finding; an
  // override to high risk has none.
  if (level === "high_risk")
    lines.push(assessment.level === "high_risk" && !assessment.notify_subjects ? t.lawExempt : t.lawInform);
  return lines;
}

/** Lines of rich text as one text: each on its own line. */
function joinLines(lines: readonly TRichText[]): TSpan[] {
  return lines.flatMap((line, index) => [...(index > 0 ? ["\n"] : []), ...spansOf(line)]);
}

export function assessmentMessage(
  incident: Incident,
  row: IncidentAssessment | null,
  answers: readonly ChecklistAnswer[],
  context: TMessageContext,
) {
  const { texts } = context;
  const t = texts.checklist.assessment;
  const at = (date: Date) => formatLocal(date, context.organisation.zone, context.locale);
  const heading = t.heading({ reference: incident.reference });
  const blocks: TBlock[] = [{ kind: "heading", text: heading }];
  const assessment = row ? readAssessmentRecord(row.result, context.locale) : undefined;
  let level: TAssessmentLevel | null = null;

  if (!row || !assessment) {
    const given = answersFromRows(answers);
    const open = QUESTION_IDS.filter((id) => given[id] === undefined && isAsked(id, given)).map(
      (id) => texts.checklist.shortNames[id],
    );
    blocks.push({ kind: "text", text: t.waiting({ open: open.join(", ") || "—" }) });
  } else {
    level = effectiveLevel(row)!;
    const overridden = row.overrideLevel !== null;
    blocks.push({
      kind: "text",
      text: [
        t.level,
        strong(texts.checklist.levels[level]),
        overridden ? t.overridden({ assessed: texts.checklist.levels[row.level as TAssessmentLevel] ?? row.level }) : "",
        "\n",
        texts.checklist.levelMeanings[level],
      ],
    });
    blocks.push({ kind: "text", text: [strong(t.law), "\n", ...joinLines(lawLines(incident, assessment, level, context))] });
    if (assessment.exemptions.length > 0)
      blocks.push({
        kind: "text",
        text: [
          strong(t.exemption),
          "\n",
          assessment.exemptions.map((exemption) => `• ${texts.checklist.exemptions[exemption]}`).join("\n"),
        ],
      });
    // The headline is the level and the law above; the reasons follow it.
    blocks.push({
      kind: "text",
      text: [
        strong(t.why),
        "\n",
        assessment.reasons
          .slice(1)
          .map((reason) => `• ${reason}`)
          .join("\n"),
      ],
    });
    const prefilled = answers
      .filter((answer) => answer.prefilled && isQuestionId(answer.questionId))
      .map((answer) => texts.checklist.shortNames[answer.questionId as keyof typeof texts.checklist.shortNames]);
    if (prefilled.length > 0) blocks.push({ kind: "note", text: t.prefilled({ questions: prefilled.join(", ") }) });
    const settled: TRichText = row.confirmedBy
      ? [
          overridden ? t.overriddenBy : t.confirmedBy,
          person(row.confirmedBy),
          `, ${at(row.confirmedAt!)}.`,
          overridden ? t.reasonInTimeline : "",
        ]
      : t.notSettled;
    blocks.push({ kind: "note", text: settled });
  }

  if (incident.decision) {
    const decision = incident.decision as TDecision;
    const what = texts.vocabulary.decisions[decision] ?? decision;
    blocks.push({
      kind: "text",
      text: [
        t.decision,
        strong(what),
        decision === "ap_notified" && incident.apReference ? t.apReference({ apReference: incident.apReference }) : "",
        " — ",
        ...(incident.decidedBy ? [person(incident.decidedBy)] : []),
        incident.decidedAt ? `, ${at(incident.decidedAt)}.` : ".",
        incident.decisionReason ? t.reasonInTimeline : "",
      ],
    });
    return { summary: `${heading}: ${what}`, blocks };
  }

  if (row && assessment && level) {
    const settle: TControl[] = [];
    if (!row.confirmedBy || row.overrideLevel)
      settle.push({
        kind: "button",
        action: ASSESSMENT_CONFIRM_ACTION,
        label: row.overrideLevel ? t.followAssessment : t.confirm,
        value: incident.reference,
        style: "primary",
      });
    settle.push({ kind: "button", action: ASSESSMENT_OVERRIDE_ACTION, label: t.override, value: incident.reference });
    blocks.push({ kind: "controls", id: "assessment_actions", controls: settle });
    // The decision comes after the level is settled (confirmed or changed with a reason).
    if (row.confirmedBy) {
      const suggested = SUGGESTED_DECISION[level];
      blocks.push({
        kind: "controls",
        id: "decision_actions",
        controls: (Object.keys(DECISION_ACTIONS) as TDecision[]).map((decision): TControl => ({
          kind: "button",
          action: DECISION_ACTIONS[decision],
          label: texts.vocabulary.decisions[decision],
          value: incident.reference,
          ...(decision === suggested ? { style: "primary" as const } : {}),
        })),
      });
    }
  }
  return { summary: level ? `${heading}: ${texts.checklist.levels[level]}` : heading, blocks };
}
