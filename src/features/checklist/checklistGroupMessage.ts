// One of the checklist's thread messages: a group of questions, each with its
// answer controls (action ids `checklist_<question id>...`) and the current
// answer with who gave it and when; a prefilled answer is marked to
// confirm. After the decision the answers stay visible without controls.
import type { TBlock, TControl } from "../../core/messages/message.ts";
import type { ChecklistAnswer, Incident } from "../../core/storage/generated/client.ts";
import { person, strong, type TRichText } from "../../core/text/richText.ts";
import { formatLocal, formatNumber } from "../../core/time/formatLocal.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TMessageContext } from "../messageContext.ts";
import { checklistActionId, checklistConfirmActionId, checklistSaveActionId } from "./checklistActions.ts";
import { answersFromRows, CHECKLIST_GROUPS, isAsked } from "./checklistAnswers.ts";
import { questionById, type TQuestion, type TQuestionId } from "./questions.ts";

function valueLabel(texts: TTexts, questionId: TQuestionId, value: string): string {
  const labels = (texts.questions.values as Partial<Record<TQuestionId, Record<string, string>>>)[questionId];
  return labels?.[value] ?? value;
}

/** An answer in words: labels for choices, a number as the reader writes it. */
export function answerText(questionId: TQuestionId, value: unknown, context: Pick<TMessageContext, "texts" | "locale">): string {
  if (Array.isArray(value)) return value.map((item) => valueLabel(context.texts, questionId, String(item))).join(", ");
  if (typeof value === "number") return formatNumber(value, context.locale);
  return valueLabel(context.texts, questionId, String(value));
}

function answerControls(question: TQuestion, answer: ChecklistAnswer | undefined, texts: TTexts): TBlock {
  const t = texts.checklist.group;
  const id = checklistActionId(question.id);
  if (question.kind === "one") {
    return {
      kind: "controls",
      id,
      controls: question.values.map((value): TControl => ({
        kind: "button",
        action: `${id}_${value}`,
        label: valueLabel(texts, question.id, value),
        value,
        selected: answer?.value === value,
      })),
    };
  }
  if (question.kind === "several") {
    const chosen = Array.isArray(answer?.value) ? (answer.value as string[]) : [];
    const controls: TControl[] = [
      {
        kind: "select",
        action: id,
        placeholder: t.chooseAll,
        multiple: true,
        options: question.values.map((value) => ({ value, label: valueLabel(texts, question.id, value) })),
        selected: chosen,
      },
    ];
    // A select cannot be chosen "again": a prefilled choice is confirmed with a button.
    if (answer?.prefilled)
      controls.push({ kind: "button", action: checklistConfirmActionId(question.id), label: t.confirm, value: "confirm" });
    return { kind: "controls", id, controls };
  }
  return {
    kind: "controls",
    id,
    controls: [
      {
        kind: "number",
        action: id,
        label: t.numberLabel,
        ...(question.min !== undefined ? { min: question.min } : {}),
        ...(question.max !== undefined ? { max: question.max } : {}),
        ...(typeof answer?.value === "number" ? { initial: answer.value } : {}),
      },
      // The save button reads the typed number, or confirms the prefilled one.
      {
        kind: "button",
        action: checklistSaveActionId(question.id),
        label: answer?.prefilled ? t.confirm : t.save,
        value: "save",
      },
    ],
  };
}

function answerLine(
  question: TQuestion,
  answer: ChecklistAnswer | undefined,
  asked: boolean,
  context: TMessageContext,
): TRichText {
  const t = context.texts.checklist.group;
  if (!answer) return asked ? t.notAnswered : t.notAsked;
  const text = answerText(question.id, answer.value, context);
  if (answer.prefilled) return [t.suggested, strong(text), question.kind === "one" ? t.howOne : t.howOther];
  return [
    t.answered,
    strong(text),
    " — ",
    person(answer.answeredBy),
    `, ${formatLocal(answer.answeredAt, context.organisation.zone, context.locale)}`,
  ];
}

export function checklistGroupMessage(
  incident: Incident,
  part: string,
  answers: readonly ChecklistAnswer[],
  context: TMessageContext,
) {
  const t = context.texts.checklist.group;
  const index = CHECKLIST_GROUPS.findIndex((group) => group.part === part);
  const group = CHECKLIST_GROUPS[index]!;
  const locked = incident.decision !== null;
  const given = answersFromRows(answers);
  const firstNumber = CHECKLIST_GROUPS.slice(0, index).reduce((total, earlier) => total + earlier.questionIds.length, 0) + 1;
  const title = t.title({ reference: incident.reference, part: index + 1, parts: CHECKLIST_GROUPS.length });
  const blocks: TBlock[] = [
    { kind: "text", text: [strong(title)] },
    { kind: "text", text: locked ? t.locked : index === 0 ? t.introFirst : t.introNext },
  ];
  group.questionIds.forEach((questionId, offset) => {
    const question = questionById(questionId);
    const answer = answers.find((candidate) => candidate.questionId === questionId);
    blocks.push({ kind: "text", text: [strong(`${firstNumber + offset}. ${context.texts.questions.questions[questionId]}`)] });
    if (!locked) blocks.push(answerControls(question, answer, context.texts));
    blocks.push({ kind: "note", text: answerLine(question, answer, isAsked(questionId, given), context) });
  });
  return { summary: title, blocks };
}
