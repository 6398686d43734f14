// The hot path's raw SQL on the driver (src/core/storage/sql.ts) must be
// interchangeable with Prisma's: the same values come back for the same
// statement, a driver transaction commits with the same tail (refresh
// requests, the audit chain) and rolls back whole, and what it writes into
// an encrypted field is encrypted, readable through the client.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendTimelineEntry } from "../../src/core/incidents/appendTimelineEntry.ts";
import { verifyAuditChain } from "../../src/core/audit/verifyAuditChain.ts";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, TransactionDeadlineError, type Database } from "../../src/core/storage/openDatabase.ts";
import { DEFERRED_COUNT, deferredWrites } from "../../src/core/storage/sql.ts";
import { ManualClock } from "../../src/core/time/clock.ts";
import { reportIncident } from "../../src/features/report/reportIncident.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { DPO_ID, STAFF_ID, TEST_KEY_RING } from "../support/startTestBot.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe.each(DATABASE_KINDS)("raw SQL on the driver, %s", (kind) => {
  let testDatabase: TTestDatabase;
  let database: Database;
  let incidentId: string;

  beforeEach(async () => {
    testDatabase = await createTestDatabase(kind);
    database = await openDatabase(testDatabase.options, TEST_KEY_RING);
    await migrateDatabase(database);
    const result = await reportIncident(
      {
        database,
        clock: new ManualClock(NOW),
        roles: { dpos: [slackPerson(DPO_ID)], admins: [], management: [], systemOwners: [] },
        messaging: { platforms: ["slack"] },
        zone: "Europe/Amsterdam",
        limits: { reportsPerHour: 10, repageAfterMinutes: 30 },
      },
      {
        report: {
          whatHappened: "Rooster naar een verkeerd adres gemaild (synthetisch).",
          discoveredAt: new Date(NOW.getTime() - 3_600_000),
          occurredAt: null,
          system: "email",
          dataKinds: ["identity_contact", "health"],
          peopleAffected: 3,
          stopped: "yes",
          recipient: "known",
        },
        reporter: slackPerson(STAFF_ID),
        submissionKey: "V0DRIVER1",
      },
    );
    if (result.outcome === "rate_limited") throw new Error("refused by the rate limit");
    incidentId = result.incident.id;
  });
  afterEach(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it("gives back what Prisma gives back for the same statement", async () => {
    const read = (sql: Database["sql"]) => sql.$queryRaw<Record<string, unknown>[]>`
      SELECT id, incident_id, at, details, ${12_345_678_901n}::bigint AS big, ${[3n, 4n]}::bigint[] AS bigs,
        ${"tekst"} AS text, ${7}::int AS small, ${true} AS yes, ARRAY['a', 'b'] AS texts
      FROM timeline_entry WHERE incident_id = ${incidentId}::uuid`;
    const throughDriver = await read(database.sql);
    const throughPrisma = await read(database.prisma as unknown as Database["sql"]);
    expect(throughDriver).toHaveLength(1);
    expect(throughDriver).toEqual(throughPrisma);
    const [row] = throughDriver;
    expect(typeof row!.id).toBe("bigint");
    expect(row!.big).toBe(12_345_678_901n);
    expect(row!.bigs).toEqual([3n, 4n]);
    expect(row!.at).toBeInstanceOf(Date);
    expect(row!.texts).toEqual(["a", "b"]);
  });

  it("commits a transaction with its tail: the timeline encrypted, the audit chain whole, the overviews asked for", async () => {
    await database.sqlTransaction((tx) =>
      appendTimelineEntry(tx, {
        incidentId,
        at: new Date(NOW.getTime() + 60_000),
        actorId: slackPerson(DPO_ID),
        kind: "taken",
        details: { note: "alleen in de tijdlijn (synthetisch)" },
      }),
    );
    const stored = await database.sql.$queryRaw<{ details: unknown }[]>`
      SELECT details FROM timeline_entry WHERE incident_id = ${incidentId}::uuid AND kind = 'taken'`;
    expect(JSON.stringify(stored)).not.toContain("alleen in de tijdlijn");
    const entry = await database.prisma.timelineEntry.findFirst({ where: { incidentId, kind: "taken" } });
    expect(entry?.details).toEqual({ note: "alleen in de tijdlijn (synthetisch)" });
    const audit = await database.prisma.auditEntry.findMany({ where: { incidentId }, orderBy: { seq: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["reported", "taken"]);
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
    expect(await database.prisma.overviewRefreshRequest.count({ where: { target: slackPerson(STAFF_ID) } })).toBe(1);
  });

  it("rolls a failed transaction back whole, and the connection serves the next one", async () => {
    const before = await database.prisma.auditEntry.count();
    await expect(
      database.sqlTransaction(async (tx) => {
        await appendTimelineEntry(tx, { incidentId, at: NOW, actorId: slackPerson(DPO_ID), kind: "taken" });
        await tx.$executeRaw`INSERT INTO incident (id) VALUES (${incidentId}::uuid)`;
      }),
    ).rejects.toThrow();
    expect(await database.prisma.timelineEntry.count({ where: { incidentId, kind: "taken" } })).toBe(0);
    expect(await database.prisma.auditEntry.count()).toBe(before);
    // More transactions than the pool has connections: none was kept by the failure.
    for (let round = 0; round < 12; round++)
      await expect(database.sqlTransaction((tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).resolves.toEqual([
        { one: 1 },
      ]);
  });

  it("sends deferred writes with the transaction's next statement, or before COMMIT, and rolls them back with it", async () => {
    const note = (key: string) => ({ key, platform: "slack", ref: `C0DPO/${key}` });
    const insert = (tx: Database["sql"], row: { key: string; platform: string; ref: string }) => tx.$executeRaw`
      INSERT INTO posted_message (key, platform, ref, posted_at, updated_at) VALUES (${row.key}, ${row.platform}, ${row.ref}, ${NOW}, ${NOW})`;
    const seen = await database.sqlTransaction(async (tx) => {
      const writes = deferredWrites(tx);
      expect(await insert(writes, note("deferred-1"))).toBe(DEFERRED_COUNT);
      expect(await insert(writes, note("deferred-2"))).toBe(DEFERRED_COUNT);
      // The next statement carries them: it does not see them (one snapshot), the one after does.
      const during = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM posted_message`;
      const after = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM posted_message`;
      // With nothing after it, a deferred write is still sent before COMMIT.
      await insert(writes, note("deferred-3"));
      return [during[0]!.n, after[0]!.n];
    });
    expect(seen).toEqual([0n, 2n]);
    expect((await database.prisma.postedMessage.findMany({ orderBy: { key: "asc" } })).map((row) => row.key)).toEqual([
      "deferred-1",
      "deferred-2",
      "deferred-3",
    ]);
    // A deferred write that fails fails the transaction: nothing of it stays.
    await expect(
      database.sqlTransaction(async (tx) => {
        await appendTimelineEntry(tx, { incidentId, at: NOW, actorId: slackPerson(DPO_ID), kind: "taken" });
        await insert(deferredWrites(tx), note("deferred-1"));
      }),
    ).rejects.toThrow();
    expect(await database.prisma.timelineEntry.count({ where: { incidentId, kind: "taken" } })).toBe(0);
    expect(await database.prisma.postedMessage.count()).toBe(3);
    // On a Prisma client the same writes run at once and count.
    expect(await insert(deferredWrites(database.prisma as unknown as Database["sql"]), note("at-once"))).toBe(1);
  });
});

describe("a driver transaction with a deadline, postgresql", () => {
  let testDatabase: TTestDatabase;
  let database: Database;
  beforeEach(async () => {
    testDatabase = await createTestDatabase("postgresql");
    if (testDatabase.options.kind !== "postgresql") throw new Error("expected a server database");
    database = await openDatabase({ ...testDatabase.options, poolSize: 1 }, TEST_KEY_RING);
    await migrateDatabase(database);
  });
  afterEach(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it("gives up waiting for a connection at the deadline, and drops one whose statement outlives it, uncommitted", async () => {
    // The only connection is busy: the next transaction cannot start in time.
    let free!: () => void;
    const busy = database.sqlTransaction(() => new Promise<void>((resolve) => (free = resolve)));
    await expect(database.sqlTransaction(async () => 1, { deadline: Date.now() + 150 })).rejects.toBeInstanceOf(
      TransactionDeadlineError,
    );
    free();
    await busy;
    // A statement still running half a second past the deadline: the connection is dropped, the write never commits.
    const started = Date.now();
    await expect(
      database.sqlTransaction(
        async (tx) => {
          await tx.$executeRaw`INSERT INTO reference_counter (year, last) VALUES (1999, 1)`;
          await tx.$queryRaw`SELECT pg_sleep(5)`;
        },
        { deadline: Date.now() + 200 },
      ),
    ).rejects.toBeInstanceOf(TransactionDeadlineError);
    expect(Date.now() - started).toBeLessThan(3_000);
    // The pool's one connection was replaced, and the write is not there.
    await expect.poll(() => database.prisma.referenceCounter.count({ where: { year: 1999 } }), { timeout: 5_000 }).toBe(0);
    await expect(database.sqlTransaction((tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).resolves.toEqual([
      { one: 1 },
    ]);
  });
});
