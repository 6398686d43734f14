// A privacy officer takes an incident: owner and time are recorded, the
// channel post and every page are updated (the button goes), and the
// checklist is posted in the thread. Anyone else is refused, and the
// refusal is recorded. Of two privacy officers clicking at once, one takes
// it; the other is told.
import type { Clock } from "../../core/time/clock.ts";
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import { enqueueMessages, type TMessaging } from "../../core/outbox/enqueueMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import { startChecklist } from "../checklist/startChecklist.ts";
import { enqueueRepageUpdates } from "../countdown/enqueueRepageUpdates.ts";
import { stopRepages } from "../countdown/stopIncidentCountdown.ts";
import { incidentPostAndPages } from "./incidentPostAndPages.ts";

export interface TTakeIncidentDeps {
  database: Database;
  clock: Clock;
  roles: TRoleDirectory;
  messaging: TMessaging;
}

export type TTakeResult =
  | { outcome: "taken"; incident: Incident }
  | { outcome: "already_taken"; incident: Incident }
  | { outcome: "refused" }
  | { outcome: "not_found" };

export async function takeIncident(
  deps: TTakeIncidentDeps,
  input: { reference: string; actor: TPersonId; where?: string | null },
): Promise<TTakeResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: "take", where: input.where, answerNotFound: true },
      now,
    );
    if (!guard.ok) return guard.outcome === "not_found" ? ({ outcome: "not_found" } as const) : ({ outcome: "refused" } as const);
    const { incident } = guard;
    if (incident.ownerId) {
      // A press on a button from before the take: said so, whoever pressed it.
      await enqueueNotice(
        tx,
        deps.messaging,
        {
          person: input.actor,
          notice: incident.ownerId === input.actor ? "already_yours" : "already_taken",
          params: { reference: incident.reference },
          where: input.where,
          incidentId: incident.id,
        },
        now,
      );
      return { outcome: "already_taken", incident } as const;
    }
    const taken = await tx.incident.update({
      where: { id: incident.id },
      data: { ownerId: input.actor, takenAt: now, status: "taken" },
    });
    await appendTimelineEntry(tx, { incidentId: incident.id, at: now, actorId: input.actor, kind: "taken" });
    await enqueueMessages(tx, deps.messaging, [...incidentPostAndPages(incident.id, deps.roles.dpos, now)]);
    // The re-pages stop; those already sent lose their take button and say who took it.
    await stopRepages(tx, incident.id, now);
    await enqueueRepageUpdates(tx, deps.messaging, taken, now);
    // The checklist: prefilled from the report, posted in the thread.
    await startChecklist(tx, deps, { incident: taken, actor: input.actor, now });
    return { outcome: "taken", incident: taken } as const;
  });
}
