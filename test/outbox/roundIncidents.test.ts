// A delivery round reads the incidents its messages are about once, all in
// one statement at the first read (incidentLoaderFor with the ids the
// outbox worker put in the round), and each message still gets its own.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROUND_INCIDENT_IDS } from "../../src/core/outbox/postedMessages.ts";
import type { Database } from "../../src/core/storage/openDatabase.ts";
import type { TSql } from "../../src/core/storage/sql.ts";
import { incidentLoaderFor } from "../../src/features/messageContext.ts";
import { DATABASE_KINDS, openMigratedTestDatabase } from "../support/testDatabases.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe.each(DATABASE_KINDS)("a round's incidents on %s", (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let statements: string[];
  let counted: Database;

  beforeEach(async () => {
    ({ database, cleanup } = await openMigratedTestDatabase(kind));
    statements = [];
    const sql: TSql = {
      $queryRaw: (strings, ...values) => {
        statements.push(strings.join("?"));
        return database.sql.$queryRaw(strings, ...values);
      },
      $executeRaw: (strings, ...values) => database.sql.$executeRaw(strings, ...values),
    };
    counted = { ...database, sql };
  });
  afterEach(async () => {
    await cleanup();
  });

  const incident = async (reference: string, system: string) => {
    const [row] = await database.sql.$queryRaw<{ id: string }[]>`
      INSERT INTO incident (id, reference, submission_key, reporter_id, what_happened, discovered_at, awareness_at,
        deadline_at, system, data_kinds, people_affected, stopped, recipient, created_at)
      VALUES (gen_random_uuid(), ${reference}, ${reference}, 'slack:U0STAFF01', 'x', ${NOW}, ${NOW}, ${NOW}, ${system},
        ARRAY['health'], 1, 'yes', 'known', ${NOW})
      RETURNING id::text AS id`;
    return row!.id;
  };

  it("reads every incident of the round in one statement, and gives each message its own", async () => {
    const ids = [
      await incident("DL-2026-0001", "zivver"),
      await incident("DL-2026-0002", "siilo"),
      await incident("DL-2026-0003", "email"),
    ];
    const round = new Map<string, unknown>([[ROUND_INCIDENT_IDS, ids]]);
    const load = incidentLoaderFor(counted, round);
    const [second, first, third] = await Promise.all([load(ids[1]!), load(ids[0]!), load(ids[2]!)]);
    expect([first?.reference, second?.reference, third?.reference]).toEqual(["DL-2026-0001", "DL-2026-0002", "DL-2026-0003"]);
    expect(first?.system).toBe("zivver");
    expect(await load(ids[0]!)).toBe(first);
    expect(statements).toHaveLength(1);
    // An incident the round did not know of: read on its own; one that does not exist: null.
    const outside = await incident("DL-2026-0004", "email");
    expect((await load(outside))?.reference).toBe("DL-2026-0004");
    expect(await load("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(statements).toHaveLength(3);
  });

  it("fails only the read that was asked for when the database fails, without an unhandled rejection", async () => {
    const ids = [await incident("DL-2026-0001", "zivver"), await incident("DL-2026-0002", "siilo")];
    const broken: Database = {
      ...database,
      sql: { ...database.sql, $queryRaw: () => Promise.reject(new Error("connection lost")) },
    };
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const load = incidentLoaderFor(broken, new Map<string, unknown>([[ROUND_INCIDENT_IDS, ids]]));
      await expect(load(ids[0]!)).rejects.toThrow("connection lost");
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
});
