// Someone who may not do something (not a privacy officer, not the owner,
// too late) tried anyway: it is recorded in the timeline (and so in the
// audit trail), and they are told why, where they acted.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
import type { TMessaging } from "../outbox/enqueueMessages.ts";
import { enqueueNotice } from "../notices/enqueueNotice.ts";
import type { TPersonId } from "../people/person.ts";
import type { TNoticeName } from "../../texts/notices.ts";
import { appendTimelineEntry } from "./appendTimelineEntry.ts";
import type { TTimelineKind } from "./timelineKinds.ts";

export interface TRefusal {
  incident: { id: string; reference: string };
  actor: TPersonId;
  /** Timeline kind, e.g. take_refused, checklist_answer_refused. */
  kind: TTimelineKind;
  notice: TNoticeName;
  details?: Prisma.InputJsonValue;
  /** Where to answer (the front end's note); absent: the person's direct messages. */
  where?: string | null;
}

export async function recordRefusal(tx: TDbTransaction, messaging: TMessaging, refusal: TRefusal, now: Date): Promise<void> {
  const { incident } = refusal;
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: refusal.actor,
    kind: refusal.kind,
    details: refusal.details ?? {},
  });
  await enqueueNotice(
    tx,
    messaging,
    {
      person: refusal.actor,
      notice: refusal.notice,
      params: { reference: incident.reference },
      where: refusal.where,
      incidentId: incident.id,
    },
    now,
  );
}
