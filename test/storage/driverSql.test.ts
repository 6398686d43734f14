// The hot path's raw SQL on the driver (src/core/storage/sql.ts) must be
// interchangeable with Prisma's: the same values come back for the same
// statement, a driver transaction commits with the same tail (refresh
// requests, the audit chain) and rolls back whole, and what it writes into
// an encrypted field is encrypted, readable through the client.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendTimelineEntry } from "../../src/core/incidents/appendTimelineEntry.ts";
import { verifyAuditChain } from "../../src/core/audit/verifyAuditChain.ts";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../../src/core/storage/openDatabase.ts";
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
});
