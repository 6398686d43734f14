// Every message is first written here, inside the transaction of the change
// it reports; the outbox worker of each chat platform delivers it. A message
// to a channel or a thread goes out on every platform the organisation
// uses; one to a person on that person's platform.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
import { platformOf } from "../people/person.ts";
import type { TTarget } from "./target.ts";

export interface TOutgoingMessage {
  /** Which message (a kind the features define; it is built at delivery). */
  kind: string;
  target: TTarget;
  /** Post once, then update in place (and let replies find its thread). */
  key?: string;
  payload: Prisma.InputJsonValue;
  incidentId?: string;
  notBefore: Date;
}

/** The chat platforms this installation speaks on (slack, teams). */
export interface TMessaging {
  platforms: readonly string[];
}

function platformsFor(messaging: TMessaging, target: TTarget): readonly string[] {
  if (target.to === "person" || target.to === "notice") {
    const platform = platformOf(target.person);
    return platform && messaging.platforms.includes(platform) ? [platform] : [];
  }
  return messaging.platforms;
}

export async function enqueueMessages(
  tx: TDbTransaction,
  messaging: TMessaging,
  messages: readonly TOutgoingMessage[],
): Promise<void> {
  const rows = messages.flatMap((message) =>
    platformsFor(messaging, message.target).map((platform) => ({
      platform,
      kind: message.kind,
      target: message.target as Prisma.InputJsonValue,
      messageKey: message.key ?? null,
      payload: message.payload,
      incidentId: message.incidentId ?? null,
      nextAttemptAt: message.notBefore,
    })),
  );
  if (rows.length > 0) await tx.outboxMessage.createMany({ data: rows });
}
