// A privacy officer records that the people concerned were informed
// (Art. 34 AVG): when, how and to how many, with an optional note for the
// record. The thread hears that it happened, not the note.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toThread } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import {
  validateSubjectNotice,
  type TRawSubjectNotice,
  type TRecordProblem,
  type TSubjectNoticeField,
} from "./notificationRecords.ts";
import { NOTIFICATION_ACTIONS } from "./notificationsActions.ts";
import { subjectNoticeApplies } from "./notificationsApply.ts";
import { NOTIFICATION_MESSAGE_KINDS, type TRecordedPayload } from "./notificationsMessages.ts";

export type TRecordSubjectNoticeDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export interface TRecordSubjectNoticeInput extends TRawSubjectNotice {
  reference: string;
  actor: TPersonId;
}

export type TRecordSubjectNoticeResult =
  | { outcome: "recorded" }
  | { outcome: "invalid"; errors: Partial<Record<TSubjectNoticeField, TRecordProblem>> }
  | { outcome: "refused" | "not_found" | "not_applicable" };

export async function recordSubjectNotice(
  deps: TRecordSubjectNoticeDeps,
  input: TRecordSubjectNoticeInput,
): Promise<TRecordSubjectNoticeResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx): Promise<TRecordSubjectNoticeResult> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: NOTIFICATION_ACTIONS.recordSubjectNotice },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome };
    const { incident } = guard;
    if (!subjectNoticeApplies(incident)) return { outcome: "not_applicable" };
    const checked = validateSubjectNotice(input, now);
    if (!checked.ok) return { outcome: "invalid", errors: checked.errors };

    await tx.subjectNotice.create({
      data: {
        incidentId: incident.id,
        sentAt: checked.sentAt,
        method: checked.method,
        recipientsCount: checked.recipientsCount,
        note: checked.note,
        recordedBy: input.actor,
        recordedAt: now,
      },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "subject_notice_sent",
      details: {
        sentAt: checked.sentAt.toISOString(),
        method: checked.method,
        recipientsCount: checked.recipientsCount,
        note: checked.note,
      },
    });
    const recorded: TRecordedPayload = {
      notice: "subject_notice",
      incidentId: incident.id,
      actor: input.actor,
      sentAt: checked.sentAt.toISOString(),
      method: checked.method,
      recipientsCount: checked.recipientsCount,
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
    return { outcome: "recorded" };
  });
}
