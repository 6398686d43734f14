// A privacy officer records what was decided: the AP was notified (with its
// reference), no notification is required, or it was not a data breach. In
// one transaction: the decision (status "decided"), the timeline entry, the
// countdown stopped, the first AP notification in its history, the thread's
// checklist and assessment locked, and the channel post and every page
// updated. A decision against the assessment needs a written reason; a
// second decision is refused.
import type { TDecision } from "../../core/incidents/decisions.ts";
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import { stopIncidentCountdown } from "../countdown/stopIncidentCountdown.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { ASSESSMENT_PART, DECISION_FIELDS, TIMELINE_ACTIONS } from "./checklistActions.ts";
import { CHECKLIST_GROUPS } from "./checklistAnswers.ts";
import {
  checkReason,
  contradictsAssessment,
  decisionNeedsReason,
  MAX_AP_REFERENCE_LENGTH,
  type TReasonProblem,
} from "./decisionRules.ts";
import { enqueueChecklistParts } from "./enqueueChecklistParts.ts";
import { loadDecisionStanding } from "./loadDecisionStanding.ts";
import { recordInitialApNotification } from "./recordInitialApNotification.ts";
import { incidentPostAndPages } from "../paging/incidentPostAndPages.ts";

export type TRecordDecisionDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export interface TRecordDecisionInput {
  reference: string;
  decision: TDecision;
  actor: TPersonId;
  reason?: string | null;
  apReference?: string | null;
}

export type TDecisionProblems = {
  [DECISION_FIELDS.apReference]?: "missing" | "too_long";
  [DECISION_FIELDS.reason]?: TReasonProblem;
};

export type TRecordDecisionResult =
  | { outcome: "recorded"; incident: Incident; contradicts: boolean }
  | { outcome: "invalid"; problems: TDecisionProblems }
  | { outcome: "already_decided" | "refused" | "not_found" };

export async function recordDecision(deps: TRecordDecisionDeps, input: TRecordDecisionInput): Promise<TRecordDecisionResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx): Promise<TRecordDecisionResult> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: TIMELINE_ACTIONS.decision, beforeDecision: true },
      now,
    );
    if (!guard.ok)
      return {
        outcome: guard.outcome === "not_found" ? "not_found" : guard.reason === "decided" ? "already_decided" : "refused",
      };
    const found = guard.incident;
    const standing = await loadDecisionStanding(tx, found);
    const problems: TDecisionProblems = {};
    const apReference = (input.apReference ?? "").trim();
    if (input.decision === "ap_notified") {
      if (apReference.length === 0) problems.ap_reference = "missing";
      else if (apReference.length > MAX_AP_REFERENCE_LENGTH) problems.ap_reference = "too_long";
    }
    const contradicts = contradictsAssessment(input.decision, standing);
    const reason = (input.reason ?? "").trim();
    if (decisionNeedsReason(input.decision, standing) || reason.length > 0) {
      const problem = checkReason(reason);
      if (problem) problems.reason = problem;
    }
    if (Object.keys(problems).length > 0) return { outcome: "invalid", problems };

    const incident = await tx.incident.update({
      where: { id: found.id },
      data: {
        decision: input.decision,
        decidedAt: now,
        decidedBy: input.actor,
        decisionReason: reason.length > 0 ? reason : null,
        apReference: input.decision === "ap_notified" ? apReference : null,
        status: "decided",
      },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "decision_recorded",
      details: {
        decision: input.decision,
        assessedLevel: standing.assessedLevel,
        effectiveLevel: standing.effectiveLevel,
        contradictsAssessment: contradicts,
        ...(reason.length > 0 ? { reason } : {}),
        ...(input.decision === "ap_notified" ? { apReference } : {}),
      },
    });
    // The countdown stops now; the history of AP notifications starts.
    await stopIncidentCountdown(tx, incident.id, now);
    await recordInitialApNotification(tx, incident, now);
    // The answers stay visible without their controls; the assessment says what was decided.
    await enqueueChecklistParts(
      tx,
      deps.messaging,
      incident.id,
      [...CHECKLIST_GROUPS.map((group) => group.part), ASSESSMENT_PART],
      now,
    );
    await enqueueMessages(tx, deps.messaging, [...incidentPostAndPages(incident.id, deps.roles.dpos, now)]);
    return { outcome: "recorded", incident, contradicts };
  });
}
