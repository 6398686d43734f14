// A privacy officer asks to record a follow-up at the AP, or that the people
// concerned were informed: the incident is found and the person checked
// (anyone else is refused, recorded and told where they clicked); a record
// that no longer applies is answered instead of opening the form. The front
// end then shows apFollowupForm or subjectNoticeForm.
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { NOTIFICATION_ACTIONS } from "./notificationsActions.ts";
import { apFollowupApplies, subjectNoticeApplies } from "./notificationsApply.ts";

export type TOpenNotificationFormDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export type TNotificationFormKind = "ap_followup" | "subject_notice";

export type TOpenNotificationFormResult =
  { outcome: "open"; incident: Incident } | { outcome: "refused" | "not_found" | "not_applicable" };

const FORM_OF: Record<TNotificationFormKind, { action: string; applies: (incident: Incident) => boolean }> = {
  ap_followup: { action: NOTIFICATION_ACTIONS.apFollowup, applies: apFollowupApplies },
  subject_notice: { action: NOTIFICATION_ACTIONS.recordSubjectNotice, applies: subjectNoticeApplies },
};

export async function openNotificationForm(
  deps: TOpenNotificationFormDeps,
  input: { reference: string; actor: TPersonId; form: TNotificationFormKind; where?: string | null },
): Promise<TOpenNotificationFormResult> {
  const now = deps.clock.now();
  const form = FORM_OF[input.form];
  return deps.database.prisma.$transaction(async (tx): Promise<TOpenNotificationFormResult> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: form.action, where: input.where, answerNotFound: true },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome };
    if (!form.applies(guard.incident)) {
      await enqueueNotice(
        tx,
        deps.messaging,
        { person: input.actor, notice: "no_longer_applies", where: input.where, incidentId: guard.incident.id },
        now,
      );
      return { outcome: "not_applicable" };
    }
    return { outcome: "open", incident: guard.incident };
  });
}
