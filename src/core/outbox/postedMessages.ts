// Where keyed messages went, per platform (table posted_message): a later
// message with the same key updates it, a reply finds its thread. The ref
// belongs to the front end that wrote it.
import type { Database } from "../storage/openDatabase.ts";

export async function findPostedRef(database: Database, key: string, platform: string): Promise<string | undefined> {
  const row = await database.prisma.postedMessage.findUnique({ where: { key_platform: { key, platform } } });
  return row?.ref;
}

/** In a delivery round's map: the ids of the incidents its claimed messages are about (string[]). */
export const ROUND_INCIDENT_IDS = "round:incidentIds";

/** Where a keyed message went, as the deliveries of one round know it. */
export function postedRoundKey(key: string): string {
  return `posted:${key}`;
}

/** As findPostedRef, read once per delivery round (the outbox worker records what the round posts). */
export async function findPostedRefInRound(
  database: Database,
  key: string,
  platform: string,
  round: Map<string, unknown>,
): Promise<string | undefined> {
  const cacheKey = postedRoundKey(key);
  if (round.has(cacheKey)) return round.get(cacheKey) as string | undefined;
  const ref = await findPostedRef(database, key, platform);
  round.set(cacheKey, ref);
  return ref;
}

/** Where several keyed messages went, in one read (an overview links to many threads). */
export async function findPostedRefs(
  database: Database,
  keys: readonly string[],
  platform: string,
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await database.prisma.postedMessage.findMany({ where: { platform, key: { in: [...keys] } } });
  return new Map(rows.map((row) => [row.key, row.ref]));
}
