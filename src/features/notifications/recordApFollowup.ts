// A privacy officer records a follow-up notification (vervolgmelding) or a
// withdrawal at the AP, against the AP's reference number. The history of
// notifications to the AP begins with the initial one, recorded with the
// decision (recordInitialApNotification, idempotent); an incident decided
// by the release before, whose initial notification is not in the history
// yet, gets it here first, so the history is complete and numbered in
// order. The thread hears that it happened, not the DPO's text.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toThread } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { recordInitialApNotification } from "../checklist/recordInitialApNotification.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { validateApFollowup, type TApFollowupField, type TRawApFollowup, type TRecordProblem } from "./notificationRecords.ts";
import { NOTIFICATION_ACTIONS } from "./notificationsActions.ts";
import { apFollowupApplies } from "./notificationsApply.ts";
import { NOTIFICATION_MESSAGE_KINDS, type TRecordedPayload } from "./notificationsMessages.ts";

export type TRecordApFollowupDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export interface TRecordApFollowupInput extends TRawApFollowup {
  reference: string;
  actor: TPersonId;
}

export type TRecordApFollowupResult =
  | { outcome: "recorded"; sequence: number }
  | { outcome: "invalid"; errors: Partial<Record<TApFollowupField, TRecordProblem>> }
  | { outcome: "refused" | "not_found" | "not_notified" };

export async function recordApFollowup(
  deps: TRecordApFollowupDeps,
  input: TRecordApFollowupInput,
): Promise<TRecordApFollowupResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx): Promise<TRecordApFollowupResult> => {
    // The row lock orders concurrent recordings of one incident.
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: NOTIFICATION_ACTIONS.apFollowup },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome };
    const { incident } = guard;
    if (!apFollowupApplies(incident)) return { outcome: "not_notified" };
    const checked = validateApFollowup(input);
    if (!checked.ok) return { outcome: "invalid", errors: checked.errors };

    await recordInitialApNotification(tx, incident, now);
    const last = await tx.apNotification.findFirst({ where: { incidentId: incident.id }, orderBy: { sequence: "desc" } });
    const sequence = last ? last.sequence + 1 : 1;
    await tx.apNotification.create({
      data: {
        incidentId: incident.id,
        sequence,
        kind: checked.kind,
        apReference: checked.apReference,
        notifiedAt: now,
        recordedBy: input.actor,
        recordedAt: now,
        details: checked.text,
      },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: checked.kind === "withdrawal" ? "ap_withdrawal" : "ap_followup",
      details: { apReference: checked.apReference, sequence, text: checked.text },
    });
    const recorded: TRecordedPayload = {
      notice: checked.kind === "withdrawal" ? "ap_withdrawal" : "ap_followup",
      incidentId: incident.id,
      actor: input.actor,
      apReference: checked.apReference,
    };
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: NOTIFICATION_MESSAGE_KINDS.recorded,
        target: toThread(messageKeys.incidentPost(incident.id)),
        payload: recorded,
        incidentId: incident.id,
        notBefore: now,
      },
    ]);
    return { outcome: "recorded", sequence };
  });
}
