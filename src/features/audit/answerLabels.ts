// A checklist question and its answer in words, for the timeline: the
// question's text and the labels of the values chosen (src/texts/questions.ts).
import type { TLocale } from "../../core/text/locale.ts";
import { formatNumber } from "../../core/time/formatLocal.ts";
import type { TTexts } from "../../texts/index.ts";
import { QUESTION_IDS, type TQuestionId } from "../checklist/questions.ts";

function questionId(value: unknown): TQuestionId | undefined {
  return typeof value === "string" && (QUESTION_IDS as readonly string[]).includes(value) ? (value as TQuestionId) : undefined;
}

/** The question itself, without the instructions after it ("Kies alles wat klopt."). */
export function questionLabel(texts: TTexts, id: unknown): string | undefined {
  const known = questionId(id);
  if (!known) return undefined;
  const question = texts.questions.questions[known];
  const end = question.indexOf("?");
  return end >= 0 ? question.slice(0, end + 1) : question;
}

/** The answer's labels ("Ja", "Gezondheid, zorg of medicatie, Naam, adres…"); a number as the reader writes it. */
export function answerLabel(texts: TTexts, id: unknown, value: unknown, locale: TLocale = "nl"): string | undefined {
  const known = questionId(id);
  if (!known) return undefined;
  if (typeof value === "number") return formatNumber(value, locale);
  const labels = (texts.questions.values as Partial<Record<TQuestionId, Record<string, string>>>)[known];
  const values = Array.isArray(value) ? value : [value];
  const words = values.map((one) => (typeof one === "string" ? labels?.[one] : undefined));
  if (words.length === 0 || words.some((word) => word === undefined)) return undefined;
  return words.join(", ");
}
