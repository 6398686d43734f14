// A privacy officer asks for a draft (the AP notification or the letter to
// the people concerned): it comes as a direct message and as a file in
// their direct messages, made from the record when it is delivered, and
// where they clicked they are told so. Anyone else is refused (recorded and
// told); a draft that no longer applies (an AP draft after "not notifiable")
// is answered instead.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toNotice, toPerson } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import type { TDraftKind } from "./notificationCodes.ts";
import { NOTIFICATION_ACTIONS } from "./notificationsActions.ts";
import { draftApplies } from "./notificationsApply.ts";
import { NOTIFICATION_MESSAGE_KINDS, type TDraftPayload, type TDraftSentPayload } from "./notificationsMessages.ts";

export type TRequestDraftDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export interface TRequestDraftInput {
  reference: string;
  actor: TPersonId;
  draft: TDraftKind;
  /** Where the person clicked (the front end's note), to answer there. */
  where?: string | null;
}

export type TRequestDraftResult = { outcome: "requested" | "refused" | "not_found" | "not_applicable" };

const ACTION_OF: Record<TDraftKind, string> = {
  ap_notification: NOTIFICATION_ACTIONS.draftApNotification,
  subject_notice: NOTIFICATION_ACTIONS.draftSubjectNotice,
};

export async function requestNotificationDraft(deps: TRequestDraftDeps, input: TRequestDraftInput): Promise<TRequestDraftResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx): Promise<TRequestDraftResult> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      {
        reference: input.reference,
        actor: input.actor,
        action: ACTION_OF[input.draft],
        where: input.where,
        answerNotFound: true,
      },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome };
    const { incident } = guard;
    if (!draftApplies(incident, input.draft)) {
      await enqueueNotice(
        tx,
        deps.messaging,
        { person: input.actor, notice: "no_longer_applies", where: input.where, incidentId: incident.id },
        now,
      );
      return { outcome: "not_applicable" };
    }
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "draft_requested",
      details: { draft: input.draft },
    });
    const draft: TDraftPayload = { incidentId: incident.id, person: input.actor, draft: input.draft };
    const sent: TDraftSentPayload = { incidentId: incident.id, draft: input.draft };
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: NOTIFICATION_MESSAGE_KINDS.draft,
        target: toPerson(input.actor),
        payload: draft,
        incidentId: incident.id,
        notBefore: now,
      },
      // Asked elsewhere than in the direct messages: say where the draft is.
      ...(input.where
        ? [
            {
              kind: NOTIFICATION_MESSAGE_KINDS.draftSent,
              target: toNotice(input.actor, input.where),
              payload: sent,
              incidentId: incident.id,
              notBefore: now,
            },
          ]
        : []),
    ]);
    return { outcome: "requested" };
  });
}
