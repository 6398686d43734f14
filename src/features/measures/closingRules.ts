// When an incident may be closed, and what the close form must ask. The law
// and the protocol must not be skippable silently:
// - no closing before the decision (notify the AP or not) is recorded;
// - the decision "notified to the AP" needs the AP's reference;
// - every corrective measure must be done; with none, a reason why none
//   are needed;
// - a high-risk incident (Art. 34 GDPR: the level that counts, the DPO's
//   override else the engine's) needs either the people concerned informed
//   (a recorded subject notice) or an Art. 34(3) exemption with a reason.
//   A decision "not a breach" (recorded with its own reason) ends that duty.
// Pure: the caller reads the records.
import { CLOSE_FIELDS } from "./measuresActions.ts";

/** Art. 34(3)(a), (b) and (c) GDPR, with the codes the assessment uses for them. */
export const ART34_GROUNDS = ["unintelligible", "subsequent_measures", "disproportionate_effort"] as const;
export type TArt34Ground = (typeof ART34_GROUNDS)[number];

export const CLOSE_REASON_MIN = 10;
export const CLOSE_REASON_MAX = 1000;

export interface TClosingFacts {
  decision: string | null;
  apReference: string | null;
  measures: { total: number; open: number };
  /** The level that counts; null while the checklist is not assessed. */
  level: string | null;
  /** When the people concerned were first recorded as informed, if ever. */
  subjectsInformedAt: Date | null;
}

export type TCloseBlocker = "needs_decision" | "needs_ap_reference" | "open_measures";

/** What stops closing before any question is asked; null when the form may open. */
export function closeBlocker(facts: TClosingFacts): TCloseBlocker | null {
  if (!facts.decision) return "needs_decision";
  if (facts.decision === "ap_notified" && !facts.apReference?.trim()) return "needs_ap_reference";
  if (facts.measures.open > 0) return "open_measures";
  return null;
}

/** What the close form asks: only what applies. */
export function closeQuestions(facts: TClosingFacts): { noMeasuresReason: boolean; art34Exemption: boolean } {
  return {
    noMeasuresReason: facts.measures.total === 0,
    art34Exemption: facts.level === "high_risk" && facts.decision !== "not_a_breach" && facts.subjectsInformedAt === null,
  };
}

export interface TCloseAnswers {
  noMeasuresReason?: string | null;
  art34Ground?: string | null;
  art34Reason?: string | null;
}

export type TCloseField = (typeof CLOSE_FIELDS)[keyof typeof CLOSE_FIELDS];
export type TCloseProblem = "missing" | "too_short" | "too_long";

export type TCloseCheck =
  | {
      ok: true;
      noMeasuresReason: string | null;
      art34Exemption: { ground: TArt34Ground; reason: string } | null;
    }
  | { ok: false; problems: Partial<Record<TCloseField, TCloseProblem>> };

function reasonProblem(text: string): TCloseProblem | null {
  if (text.length === 0) return "missing";
  if (text.length < CLOSE_REASON_MIN) return "too_short";
  if (text.length > CLOSE_REASON_MAX) return "too_long";
  return null;
}

/** The answers of the close form against what it asked; answers to questions it did not ask are ignored. */
export function checkCloseAnswers(facts: TClosingFacts, answers: TCloseAnswers): TCloseCheck {
  const asked = closeQuestions(facts);
  const problems: Partial<Record<TCloseField, TCloseProblem>> = {};
  const reason = (answers.noMeasuresReason ?? "").trim();
  if (asked.noMeasuresReason) {
    const problem = reasonProblem(reason);
    if (problem) problems[CLOSE_FIELDS.noMeasuresReason] = problem;
  }
  const ground = ART34_GROUNDS.find((candidate) => candidate === answers.art34Ground);
  const groundReason = (answers.art34Reason ?? "").trim();
  if (asked.art34Exemption) {
    if (!ground) problems[CLOSE_FIELDS.art34Ground] = "missing";
    const problem = reasonProblem(groundReason);
    if (problem) problems[CLOSE_FIELDS.art34Reason] = problem;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    noMeasuresReason: asked.noMeasuresReason ? reason : null,
    art34Exemption: asked.art34Exemption && ground ? { ground, reason: groundReason } : null,
  };
}
