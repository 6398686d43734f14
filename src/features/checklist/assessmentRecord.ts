// How an assessment is kept (incident_assessment.result): the evaluation as
// reason codes, so each reader gets it in their own language, and beside it
// the same in the organisation's language as plain sentences, for readers
// that only want words (the AP draft, the export).
import type { Prisma } from "../../core/storage/generated/client.ts";
import type { TLocale } from "../../core/text/locale.ts";
import { canonicalJson } from "../../core/audit/auditHash.ts";
import { renderEvaluation, ZAssessment, ZBreachEvaluation, type TAssessment, type TBreachEvaluation } from "./assessBreach.ts";

export function assessmentRecord(evaluation: TBreachEvaluation, locale: TLocale): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify({ ...renderEvaluation(evaluation, locale), locale, evaluation })) as Prisma.InputJsonValue;
}

/** The kept assessment in the reader's language; a row of an older release in its own words. */
export function readAssessmentRecord(result: unknown, locale: TLocale): TAssessment | undefined {
  const kept = (result ?? {}) as { evaluation?: unknown };
  const evaluation = ZBreachEvaluation.safeParse(kept.evaluation);
  if (evaluation.success) return renderEvaluation(evaluation.data, locale);
  const words = ZAssessment.safeParse(result);
  return words.success ? words.data : undefined;
}

/** Whether a kept assessment says the same as a new evaluation (the database may reorder JSON keys). */
export function sameEvaluation(result: unknown, evaluation: TBreachEvaluation): boolean {
  const kept = (result ?? {}) as { evaluation?: unknown };
  return canonicalJson(kept.evaluation) === canonicalJson(JSON.parse(JSON.stringify(evaluation)));
}
