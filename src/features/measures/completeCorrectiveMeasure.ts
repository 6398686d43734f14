// The measure's owner (or a privacy officer) confirms a measure is done:
// recorded with who and when, its reminders cancelled, the follow-up in the
// thread updated, and every message to the owner about it shows it done
// (its button gone). Anyone else is refused, recorded and told why.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { recordRefusal } from "../../core/incidents/recordRefusal.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import { enqueueMessages, type TMessaging } from "../../core/outbox/enqueueMessages.ts";
import { updateKeyedMessages } from "../../core/outbox/updateKeyedMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { isDpo, type TRoleDirectory } from "../../core/people/roles.ts";
import { cancelPendingJobs } from "../../core/scheduler/scheduleJobs.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import { dutyKeys } from "../retention/dutyJobs.ts";
import { measureMessageKeys } from "./measuresActions.ts";
import { progressUpdate } from "./measuresMessages.ts";

export interface TCompleteMeasureDeps {
  database: Database;
  clock: Clock;
  roles: TRoleDirectory;
  messaging: TMessaging;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function completeCorrectiveMeasure(
  deps: TCompleteMeasureDeps,
  input: { measureId: string; actor: TPersonId; where?: string | null },
): Promise<{ outcome: "done" | "already_done" | "refused" | "not_found" }> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const notice = (name: "no_longer_applies" | "already_done", incidentId?: string) =>
      enqueueNotice(
        tx,
        deps.messaging,
        { person: input.actor, notice: name, where: input.where, ...(incidentId ? { incidentId } : {}) },
        now,
      );
    // A button value that is not an id (a forged or broken payload) finds nothing, and says so.
    const measure = UUID.test(input.measureId) ? await tx.correctiveMeasure.findUnique({ where: { id: input.measureId } }) : null;
    if (!measure) {
      await notice("no_longer_applies");
      return { outcome: "not_found" } as const;
    }
    // Writes about one incident run one after another.
    await tx.$queryRaw`SELECT id FROM incident WHERE id = ${measure.incidentId}::uuid FOR UPDATE`;
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: measure.incidentId } });
    if (input.actor !== measure.ownerId && !isDpo(input.actor, deps.roles)) {
      await recordRefusal(
        tx,
        deps.messaging,
        {
          incident,
          actor: input.actor,
          kind: "measure_done_refused",
          notice: "measure_owner_only",
          details: { measureId: measure.id, reason: "not_the_owner" },
          where: input.where ?? null,
        },
        now,
      );
      return { outcome: "refused" } as const;
    }
    const claimed = await tx.correctiveMeasure.updateMany({
      where: { id: measure.id, doneAt: null },
      data: { doneAt: now, doneBy: input.actor },
    });
    if (claimed.count === 0) {
      await notice("already_done", incident.id);
      return { outcome: "already_done" } as const;
    }
    await cancelPendingJobs(tx, { series: dutyKeys.measureSeries(measure.id) }, now);
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "measure_done",
      details: { measureId: measure.id },
    });
    await enqueueMessages(tx, deps.messaging, [progressUpdate(incident.id, now)]);
    await updateKeyedMessages(tx, { keyPrefix: measureMessageKeys.all(measure.id), now });
    return { outcome: "done" } as const;
  });
}
