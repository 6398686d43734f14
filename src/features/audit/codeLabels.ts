// The labels of the codes an incident carries (its status, decision and
// assessed level), read from the one vocabulary (src/texts/vocabulary.ts).
// A value this release does not know gets no label rather than its code.
import { DECISIONS, INCIDENT_STATUSES, type TDecision, type TIncidentStatus } from "../../core/incidents/decisions.ts";
import type { TTexts } from "../../texts/index.ts";
import { ASSESSMENT_LEVELS, type TAssessmentLevel } from "../checklist/assessmentLevels.ts";

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (values as readonly string[]).includes(value);

/** The incident's state: closed once it has a closing time, whatever its status column says. */
export function statusLabel(texts: TTexts, incident: { status: string; closedAt: Date | null }): string {
  const status: TIncidentStatus = incident.closedAt
    ? "closed"
    : isOneOf(INCIDENT_STATUSES, incident.status)
      ? incident.status
      : "reported";
  return texts.vocabulary.statuses[status];
}

export function decisionLabel(texts: TTexts, decision: unknown): string | undefined {
  return isOneOf<TDecision>(DECISIONS, decision) ? texts.vocabulary.decisions[decision] : undefined;
}

/** The level as what kind of breach it is ("Datalek met hoog risico"). */
export function levelLabel(texts: TTexts, level: unknown): string | undefined {
  return isOneOf<TAssessmentLevel>(ASSESSMENT_LEVELS, level) ? texts.vocabulary.levels[level] : undefined;
}

/** The level that counts: the privacy officer's override, else the checklist's. */
export function effectiveLevel(assessment: { level: string; overrideLevel: string | null } | null | undefined): string | null {
  return assessment ? (assessment.overrideLevel ?? assessment.level) : null;
}
