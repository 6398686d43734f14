// One of the checklist's thread messages: a group of questions, each with its
// answer elements (action ids `checklist_<question id>...`) and the current
// answer with who gave it and when. After the decision the answers stay
// visible without the elements.
import type { ActionsBlock, Button, InputBlock, KnownBlock, MultiStaticSelect, PlainTextOption } from "@slack/types";
import { questionById, type TQuestion, type TQuestionId } from "../../assessment/questions.ts";
import { CHECKLIST_GROUPS } from "../../domain/checklist/checklistAnswers.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { ChecklistAnswer, Incident } from "../../storage/generated/client.ts";
import type { TRenderContext } from "../messages/incidentFacts.ts";
import { answerText } from "./checklistLabels.ts";

export const CHECKLIST_ACTION_PREFIX = "checklist_";
/** The small button beside the number, reading the number from state.values (or confirming the prefilled one). */
export const PEOPLE_AFFECTED_SAVE_ACTION_ID = "checklist_people_affected_save";

const actionIdOf = (id: TQuestionId) => `${CHECKLIST_ACTION_PREFIX}${id}`;

function option(question: TQuestion, value: string, render: TRenderContext): PlainTextOption {
  const label = question.values.find((candidate) => candidate.value === value)?.label[render.locale] ?? value;
  return { text: { type: "plain_text", text: label.slice(0, 75) }, value };
}

function answerElements(question: TQuestion, answer: ChecklistAnswer | undefined, render: TRenderContext): KnownBlock[] {
  const nl = render.locale === "nl";
  const actionId = actionIdOf(question.id);
  if (question.kind === "one") {
    const buttons: Button[] = question.values.map((candidate) => ({
      type: "button",
      action_id: `${actionId}_${candidate.value}`,
      value: candidate.value,
      text: { type: "plain_text", text: candidate.label[render.locale].slice(0, 75) },
      ...(answer?.value === candidate.value ? { style: "primary" as const } : {}),
    }));
    return [{ type: "actions", block_id: actionId, elements: buttons } satisfies ActionsBlock];
  }
  if (question.kind === "several") {
    const chosen = Array.isArray(answer?.value) ? (answer.value as string[]) : [];
    const select: MultiStaticSelect = {
      type: "multi_static_select",
      action_id: actionId,
      placeholder: { type: "plain_text", text: nl ? "Kies alles wat klopt" : "Choose all that apply" },
      options: question.values.map((candidate) => option(question, candidate.value, render)),
      ...(chosen.length > 0 ? { initial_options: chosen.map((value) => option(question, value, render)) } : {}),
    };
    const elements: ActionsBlock["elements"] = [select];
    // A select cannot be chosen "again": a prefilled choice is confirmed with a button.
    if (answer?.prefilled) {
      elements.push({
        type: "button",
        action_id: `${actionId}_confirm`,
        value: "confirm",
        text: { type: "plain_text", text: nl ? "Bevestigen" : "Confirm" },
      });
    }
    return [{ type: "actions", block_id: actionId, elements }];
  }
  const input: InputBlock = {
    type: "input",
    block_id: actionId,
    dispatch_action: true,
    optional: true,
    label: { type: "plain_text", text: nl ? "Aantal (Enter om op te slaan)" : "Number (Enter to save)" },
    element: {
      type: "number_input",
      action_id: actionId,
      is_decimal_allowed: false,
      min_value: String(question.min ?? 0),
      ...(question.max !== undefined ? { max_value: String(question.max) } : {}),
      ...(typeof answer?.value === "number" ? { initial_value: String(answer.value) } : {}),
    },
  };
  return [
    input,
    {
      type: "actions",
      block_id: `${actionId}_buttons`,
      elements: [
        {
          type: "button",
          action_id: PEOPLE_AFFECTED_SAVE_ACTION_ID,
          value: "save",
          text: { type: "plain_text", text: answer?.prefilled ? (nl ? "Bevestigen" : "Confirm") : nl ? "Opslaan" : "Save" },
        },
      ],
    },
  ];
}

function answerLine(question: TQuestion, answer: ChecklistAnswer | undefined, render: TRenderContext): string {
  const nl = render.locale === "nl";
  if (!answer) return nl ? ":white_circle: Nog niet beantwoord" : ":white_circle: Not answered yet";
  const text = answerText(question.id, answer.value, render.locale);
  if (answer.prefilled) {
    const how =
      question.kind === "one"
        ? nl
          ? "klik het om te bevestigen, of kies anders"
          : "click it to confirm, or choose another"
        : nl
          ? "bevestig, of pas aan"
          : "confirm, or change it";
    return nl
      ? `:large_yellow_circle: Voorgesteld uit de melding: *${text}* — ${how}`
      : `:large_yellow_circle: Suggested by the report: *${text}* — ${how}`;
  }
  return `:white_check_mark: *${text}* — <@${answer.answeredBy}>, ${formatLocal(answer.answeredAt, render.zone, render.locale)}`;
}

export function renderChecklistGroup(
  incident: Incident,
  groupIndex: number,
  answers: readonly ChecklistAnswer[],
  render: TRenderContext,
): { text: string; blocks: KnownBlock[] } {
  const nl = render.locale === "nl";
  const group = CHECKLIST_GROUPS[groupIndex]!;
  const locked = incident.decision !== null;
  const firstNumber = CHECKLIST_GROUPS.slice(0, groupIndex).reduce((sum, earlier) => sum + earlier.questionIds.length, 0) + 1;
  const title = nl
    ? `Checklist ${incident.reference} (${groupIndex + 1}/${CHECKLIST_GROUPS.length})`
    : `Checklist ${incident.reference} (${groupIndex + 1}/${CHECKLIST_GROUPS.length})`;
  const intro = locked
    ? nl
      ? ":lock: Het besluit is vastgelegd; de antwoorden liggen vast."
      : ":lock: The decision has been recorded; the answers are locked."
    : groupIndex === 0
      ? nl
        ? "Alleen een privacyfunctionaris kan antwoorden. Antwoorden uit de melding zijn voorgesteld: bevestig of pas aan. Een antwoord kan worden gewijzigd tot het besluit is vastgelegd."
        : "Only a privacy officer can answer. Answers from the report are suggested: confirm or change them. An answer can be changed until the decision is recorded."
      : nl
        ? "Vervolg van de checklist."
        : "The checklist continued.";
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `*${title}*\n${intro}` } }];
  group.questionIds.forEach((questionId, index) => {
    const question = questionById(questionId);
    const answer = answers.find((candidate) => candidate.questionId === questionId);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${firstNumber + index}. ${question.text[render.locale]}*` } });
    if (!locked) blocks.push(...answerElements(question, answer, render));
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: answerLine(question, answer, render) }] });
  });
  return { text: title, blocks };
}
