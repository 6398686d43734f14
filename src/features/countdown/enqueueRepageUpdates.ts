// Once an incident is taken, the re-pages posted about it lose their take
// button and say who took it (issue 11: no button keeps offering what no
// longer applies). Only re-pages that were posted are updated: a key never
// posted would otherwise go out as a new message.
import { enqueueMessages, type TMessaging } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { COUNTDOWN_MESSAGE_KINDS, repageKeyPrefix, type TRepagePayload } from "./countdownMessages.ts";

export async function enqueueRepageUpdates(
  tx: TDbTransaction,
  messaging: TMessaging,
  incident: { id: string },
  now: Date,
): Promise<number> {
  const prefix = repageKeyPrefix(incident.id);
  const posted = await tx.postedMessage.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } });
  const keys = [...new Set(posted.map((row) => row.key))];
  const messages = keys.flatMap((key) => {
    // <index>:<person>; the person id itself may hold a colon.
    const rest = key.slice(prefix.length);
    const colon = rest.indexOf(":");
    const index = Number(rest.slice(0, colon));
    const person = rest.slice(colon + 1);
    if (colon < 0 || !Number.isInteger(index) || !person) return [];
    const payload: TRepagePayload = {
      incidentId: incident.id,
      audience: "dpo",
      person,
      index,
      reportedAt: now.toISOString(),
      update: true,
    };
    return [
      { kind: COUNTDOWN_MESSAGE_KINDS.repage, target: toPerson(person), key, payload, incidentId: incident.id, notBefore: now },
    ];
  });
  await enqueueMessages(tx, messaging, messages);
  return messages.length;
}
