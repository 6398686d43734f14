// The DPO records what was done: the AP was notified (with its reference),
// no notification is required, or it was not a data breach. This stops the
// countdown (status "decided") and locks the checklist. A decision against
// the assessment needs a written reason.
import { lockIncidentRow } from "../checklist/lockIncidentRow.ts";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import type { TText } from "../../assessment/questions.ts";
import {
  checkReason,
  contradictsAssessment,
  decisionNeedsReason,
  MAX_AP_REFERENCE_LENGTH,
} from "../../domain/checklist/decisionRules.ts";
import { REASON_PROBLEM_TEXT } from "../../domain/checklist/reasonProblemText.ts";
import type { TDecision } from "../../domain/incidents/decisions.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { enqueueChecklistSync } from "../checklist/enqueueChecklistSync.ts";
import { recordRefusal } from "../checklist/recordRefusal.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { stopIncidentCountdown } from "../countdown/stopIncidentCountdown.ts";
import { mirrorInitialApNotification } from "../notifications/mirrorInitialApNotification.ts";
import { loadDecisionStanding } from "./loadDecisionStanding.ts";

export interface TRecordDecisionInput {
  reference: string;
  decision: TDecision;
  userId: string;
  reason?: string | null;
  apReference?: string | null;
}

/** Errors are keyed by the modal's block ids: `ap_reference` and `reason`. */
export type TRecordDecisionResult =
  | { outcome: "recorded"; incident: Incident; contradicts: boolean }
  | { outcome: "invalid"; errors: Record<string, TText> }
  | { outcome: "already_decided"; incident: Incident }
  | { outcome: "refused" | "not_found" };

export async function recordDecision(context: TBotContext, input: TRecordDecisionInput): Promise<TRecordDecisionResult> {
  const now = context.clock.now();
  const found = await context.database.prisma.incident.findUnique({ where: { reference: input.reference } });
  if (!found) return { outcome: "not_found" };
  if (!isDpo(context, input.userId)) {
    await recordRefusal(context, {
      incidentId: found.id,
      userId: input.userId,
      kind: "decision_refused",
      notice: "dpo_only",
      details: { reason: "not_a_dpo", decision: input.decision },
    });
    return { outcome: "refused" };
  }
  return context.database.prisma.$transaction(async (tx): Promise<TRecordDecisionResult> => {
    await lockIncidentRow(tx, found.id);
    const standing = (await loadDecisionStanding(context, input.reference, tx))!;
    if (standing.incident.decision !== null) return { outcome: "already_decided", incident: standing.incident };
    const errors: Record<string, TText> = {};
    const apReference = (input.apReference ?? "").trim();
    if (input.decision === "ap_notified") {
      if (apReference.length === 0)
        errors.ap_reference = { nl: "Vul het meldnummer van de AP in.", en: "Enter the AP's reference number." };
      else if (apReference.length > MAX_AP_REFERENCE_LENGTH)
        errors.ap_reference = { nl: "Dat is te lang voor een meldnummer.", en: "That is too long for a reference number." };
    }
    const contradicts = contradictsAssessment(input.decision, standing);
    const reason = (input.reason ?? "").trim();
    if (decisionNeedsReason(input.decision, standing) || reason.length > 0) {
      const problem = checkReason(reason);
      if (problem) errors.reason = REASON_PROBLEM_TEXT[problem];
    }
    if (Object.keys(errors).length > 0) return { outcome: "invalid", errors };

    // Conditional: of two decisions submitted at once, one is recorded.
    const claimed = await tx.incident.updateMany({
      where: { id: standing.incident.id, decision: null },
      data: {
        decision: input.decision,
        decidedAt: now,
        decidedBy: input.userId,
        decisionReason: reason.length > 0 ? reason : null,
        apReference: input.decision === "ap_notified" ? apReference : null,
        status: "decided",
      },
    });
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: standing.incident.id } });
    if (claimed.count === 0) return { outcome: "already_decided", incident };
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.userId,
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
    await mirrorInitialApNotification(tx, incident, now);
    await enqueueChecklistSync(tx, incident.id, now);
    await enqueueOutboxMessages(tx, [
      { kind: OUTBOX_KINDS.channelPostUpdate, payload: { incidentId: incident.id }, incidentId: incident.id, notBefore: now },
    ]);
    return { outcome: "recorded", incident, contradicts };
  });
}
