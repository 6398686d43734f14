// The checklist's answers as pure data: how a raw value from a front end
// becomes an answer, which answers the report already gives, and when the
// checklist is complete enough for an assessment. No chat, no database.
import { QUESTION_IDS, questionById, ZAnswers, type TAnswers, type TQuestionId } from "./questions.ts";

/** The questions in the order they are asked, in two thread messages. */
export const CHECKLIST_GROUPS: readonly { part: string; questionIds: readonly TQuestionId[] }[] = [
  {
    part: "checklist_1",
    questionIds: ["personal_data", "breach_types", "data_categories", "people_affected", "vulnerable_people", "identifiability"],
  },
  {
    part: "checklist_2",
    questionIds: [
      "unintelligible",
      "recipient",
      "recipients_count",
      "malicious",
      "availability_impact",
      "contained",
      "harm_observed",
    ],
  },
];

export function isQuestionId(value: string): value is TQuestionId {
  return (QUESTION_IDS as readonly string[]).includes(value);
}

/**
 * The question an action id belongs to: `checklist_<question id>` exactly, or
 * with a suffix (`checklist_personal_data_yes`, unique per message). The
 * longest matching id wins, so a suffix never hides a longer question id.
 */
export function questionIdFromActionId(actionId: string): TQuestionId | undefined {
  if (!actionId.startsWith("checklist_")) return undefined;
  const rest = actionId.slice("checklist_".length);
  return [...QUESTION_IDS].sort((a, b) => b.length - a.length).find((id) => rest === id || rest.startsWith(`${id}_`));
}

export type TParsedAnswer =
  | { ok: true; questionId: TQuestionId; value: string | string[] | number }
  /** An empty multiple choice: the answer is withdrawn. */
  | { ok: true; questionId: TQuestionId; value: null }
  | { ok: false; questionId: TQuestionId; message: string };

/** Validates a raw answer with the same schema as `datalek assess`. */
export function parseAnswer(questionId: TQuestionId, raw: unknown): TParsedAnswer {
  let candidate = raw;
  if (questionById(questionId).kind === "number" && typeof raw === "string") {
    const trimmed = raw.trim();
    candidate = /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed === "" ? undefined : Number.NaN;
  }
  if (Array.isArray(candidate) && candidate.length === 0) return { ok: true, questionId, value: null };
  if (candidate === undefined || candidate === null) return { ok: false, questionId, message: "no value" };
  const parsed = ZAnswers.shape[questionId].safeParse(candidate);
  if (!parsed.success || parsed.data === undefined) {
    return { ok: false, questionId, message: parsed.success ? "no value" : (parsed.error.issues[0]?.message ?? "invalid") };
  }
  return { ok: true, questionId, value: parsed.data };
}

/** The stored answers as the engine's input; rows that no longer validate are left out. */
export function answersFromRows(rows: readonly { questionId: string; value: unknown }[]): TAnswers {
  const answers: Record<string, unknown> = {};
  for (const row of rows) {
    if (!isQuestionId(row.questionId)) continue;
    const parsed = parseAnswer(row.questionId, row.value);
    if (parsed.ok && parsed.value !== null) answers[row.questionId] = parsed.value;
  }
  return ZAnswers.parse(answers);
}

/**
 * Complete when every question has an answer; or at once when the answer is
 * that no personal data are involved, because then nothing else can change
 * the outcome (not a data breach, Art. 4(12) GDPR).
 */
export function isChecklistComplete(answers: TAnswers): boolean {
  if (answers.personal_data === "no") return true;
  return QUESTION_IDS.every((id) => answers[id] !== undefined || !isAsked(id, answers));
}

/** The number of recipients is asked only when someone outside may have the data. */
export function isAsked(id: TQuestionId, answers: TAnswers): boolean {
  if (id === "recipients_count") return answers.recipient !== undefined && answers.recipient !== "none";
  return true;
}

export interface TReportFacts {
  dataKinds: readonly string[];
  peopleAffected: number;
  stopped: string;
  recipient: string;
}

/**
 * What the report already answers. "Stopped: unknown" answers nothing, and
 * the DPO is asked. Values outside the checklist's lists are left out.
 */
export function prefillFromReport(report: TReportFacts): TAnswers {
  const candidates: Partial<Record<TQuestionId, unknown>> = {
    data_categories: [...new Set(report.dataKinds)],
    people_affected: report.peopleAffected,
    contained: report.stopped === "yes" ? "yes" : report.stopped === "no" ? "no" : undefined,
    recipient: report.recipient,
  };
  const answers: Record<string, unknown> = {};
  for (const [id, raw] of Object.entries(candidates)) {
    if (raw === undefined) continue;
    const parsed = parseAnswer(id as TQuestionId, raw);
    if (parsed.ok && parsed.value !== null) answers[id] = parsed.value;
  }
  return ZAnswers.parse(answers);
}

/** Same answer? Lists compare as sets. */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item) => b.includes(item));
  return a === b;
}
