// Someone asks to see an incident's details (the channel post's button or
// `/datalek details <reference>`). The access policy decides how much; the
// opening is recorded in the audit trail, and so is a refusal, which is
// also answered with an ephemeral notice through the outbox.
import type { TBotContext } from "../../app/botContext.ts";
import { detailsAccessFor, type TDetailsAccess } from "./accessPolicy.ts";
import type { Incident, IncidentAssessment, TimelineEntry } from "../../core/storage/generated/client.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { recordAuditEvent } from "./recordAuditEvent.ts";

export const DETAILS_VIEWED = "details_viewed";
export const DETAILS_REFUSED = "details_refused";

export interface TOpenIncidentDetailsInput {
  reference: string;
  userId: string;
  /** Where to answer a refusal (an ephemeral notice through the outbox); absent: the caller answers it itself. */
  channelId?: string;
  threadTs?: string | null;
  /** button or command, for the audit trail. */
  via: "button" | "command";
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
  context: TBotContext,
  input: TOpenIncidentDetailsInput,
): Promise<TOpenIncidentDetailsResult> {
  const now = context.clock.now();
  return context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.reference } });
    if (!incident) return { outcome: "not_found" } as const;
    const access = detailsAccessFor(context, input.userId, incident);
    if (access === "none") {
      await recordAuditEvent(tx, {
        at: now,
        actorId: input.userId,
        action: DETAILS_REFUSED,
        incidentId: incident.id,
        details: { reference: incident.reference, via: input.via },
      });
      if (input.channelId)
        await enqueueOutboxMessages(tx, [
          {
            kind: OUTBOX_KINDS.ephemeralNotice,
            payload: {
              userId: input.userId,
              channelId: input.channelId,
              threadTs: input.threadTs ?? null,
              notice: "details_refused",
              params: { reference: incident.reference },
            },
            incidentId: incident.id,
            notBefore: now,
          },
        ]);
      return { outcome: "refused", incident } as const;
    }
    await recordAuditEvent(tx, {
      at: now,
      actorId: input.userId,
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
