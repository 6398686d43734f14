// A privacy officer or administrator sends the parked messages again, after
// fixing what parked them (an invite to a channel, a new token). Recorded
// in the audit trail.
import { recordAuditEvent } from "../../core/audit/recordAuditEvent.ts";
import { requeueParkedMessages } from "../../core/outbox/requeueParkedMessages.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { isOverseer, type TRoleDirectory } from "../../core/people/roles.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";

export async function retryParkedMessages(
  deps: { database: Database; clock: Clock; roles: TRoleDirectory },
  actor: TPersonId,
): Promise<{ outcome: "refused" } | { outcome: "requeued"; count: number }> {
  if (!isOverseer(actor, deps.roles)) return { outcome: "refused" };
  const now = deps.clock.now();
  const count = await requeueParkedMessages(deps.database, now);
  await recordAuditEvent(deps.database.prisma, { at: now, actorId: actor, action: "outbox_requeued", details: { count } });
  return { outcome: "requeued", count };
}
