// Every message is first written here, inside the transaction of the change
// it reports; the outbox worker of each chat platform delivers it. A message
// to a channel or a thread goes out on every platform the organisation
// uses; one to a person on that person's platform.
import type { Prisma } from "../storage/generated/client.ts";
import type { TSql } from "../storage/sql.ts";
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

export async function enqueueMessages(tx: TSql, messaging: TMessaging, messages: readonly TOutgoingMessage[]): Promise<void> {
  const rows = messages.flatMap((message) =>
    platformsFor(messaging, message.target).map((platform) => ({
      platform,
      kind: message.kind,
      target: message.target,
      message_key: message.key ?? null,
      payload: message.payload,
      incident_id: message.incidentId ?? null,
      next_attempt_at: message.notBefore,
    })),
  );
  if (rows.length === 0) return;
  // One raw statement, the rows as one JSON parameter: a typed createMany
  // costs the ORM's query building for every report (issue 14), and the
  // outbox has no encrypted field. The ids follow the array's order.
  await tx.$executeRaw`
    INSERT INTO outbox_message (platform, kind, target, message_key, payload, incident_id, status, attempts, next_attempt_at)
    SELECT row.platform, row.kind, row.target, row.message_key, row.payload, row.incident_id, 'pending', 0, row.next_attempt_at
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS (platform text, kind text, target jsonb, message_key text, payload jsonb, incident_id uuid, next_attempt_at timestamptz))
      WITH ORDINALITY AS row(platform, kind, target, message_key, payload, incident_id, next_attempt_at, position)
    ORDER BY row.position`;
}
