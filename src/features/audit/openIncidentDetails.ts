// Someone asks to see an incident's details (the channel post's button or
// `/datalek details <reference>`). The access policy decides how much; the
// opening is recorded in the audit trail, and so is a refusal. A refusal by
// button is answered where they clicked (a notice through the outbox); one
// by command is answered by the command itself, in its acknowledgement.
import { recordAuditEvent } from "../../core/audit/recordAuditEvent.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TMessaging } from "../../core/outbox/enqueueMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import type { Incident, IncidentAssessment, TimelineEntry } from "../../core/storage/generated/client.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import { detailsAccessFor, type TDetailsAccess } from "./accessPolicy.ts";

export const DETAILS_VIEWED = "details_viewed";
export const DETAILS_REFUSED = "details_refused";

export interface TOpenIncidentDetailsDeps {
  database: Database;
  clock: Clock;
  roles: TRoleDirectory;
  messaging: TMessaging;
}

export interface TOpenIncidentDetailsInput {
  reference: string;
  actor: TPersonId;
  /** button or command, for the audit trail. */
  via: "button" | "command";
  /** Where they clicked, to answer a refusal there; absent: the caller answers it itself. */
  answerRefusalAt?: { where: string | null };
}

export type TOpenIncidentDetailsResult =
  | {
      outcome: "shown";
      access: Exclude<TDetailsAccess, "none">;
      incident: Incident;
      assessment: IncidentAssessment | null;
      timeline: TimelineEntry[];
    }
  | { outcome: "refused"; incident: Incident }
  | { outcome: "not_found" };

export async function openIncidentDetails(
  deps: TOpenIncidentDetailsDeps,
  input: TOpenIncidentDetailsInput,
): Promise<TOpenIncidentDetailsResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return { outcome: "not_found" } as const;
    const access = detailsAccessFor(deps.roles, input.actor, incident);
    if (access === "none") {
      await recordAuditEvent(tx, {
        at: now,
        actorId: input.actor,
        action: DETAILS_REFUSED,
        incidentId: incident.id,
        details: { reference: incident.reference, via: input.via },
      });
      if (input.answerRefusalAt)
        await enqueueNotice(
          tx,
          deps.messaging,
          {
            person: input.actor,
            notice: "details_refused",
            params: { reference: incident.reference },
            where: input.answerRefusalAt.where,
            incidentId: incident.id,
          },
          now,
        );
      return { outcome: "refused", incident } as const;
    }
    await recordAuditEvent(tx, {
      at: now,
      actorId: input.actor,
      action: DETAILS_VIEWED,
      incidentId: incident.id,
      details: { reference: incident.reference, access, via: input.via },
    });
    const timeline =
      access === "full" || access === "summary"
        ? await tx.timelineEntry.findMany({ where: { incidentId: incident.id }, orderBy: { id: "asc" } })
        : [];
    const assessment = await tx.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
    return { outcome: "shown", access, incident, assessment, timeline } as const;
  });
}
