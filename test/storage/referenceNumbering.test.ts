// Reference numbers: one counter per year in the organisation's zone,
// gapless under concurrent writers (also two bots on one PostgreSQL
// database), restarting at 0001 in a new year, and a committed number never
// handed out again.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import type { TReport } from "../../src/features/report/reportInput.ts";
import {
  nextReferenceSequence,
  reportIncident,
  type TReportIncidentDeps,
  type TReportIncidentResult,
} from "../../src/features/report/reportIncident.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../../src/core/storage/openDatabase.ts";
import { DPO_ID, SECOND_DPO_ID, STAFF_ID, TEST_KEY_RING } from "../support/startTestBot.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");

function report(overrides: Partial<TReport> = {}): TReport {
  return {
    whatHappened: "Een map met roosters lag in de trein (synthetisch).",
    discoveredAt: new Date(NOW.getTime() - 3_600_000),
    occurredAt: null,
    system: "paper",
    dataKinds: ["identity_contact"],
    peopleAffected: 4,
    stopped: "unknown",
    recipient: "unknown",
    ...overrides,
  };
}

function contextFor(database: Database, clock: ManualClock): TReportIncidentDeps {
  // Nothing here talks to a chat platform: the use case only writes the outbox.
  return {
    database,
    clock,
    roles: { dpos: [slackPerson(DPO_ID), slackPerson(SECOND_DPO_ID)], admins: [], management: [], systemOwners: [] },
    messaging: { platforms: ["slack"] },
    zone: "Europe/Amsterdam",
    // Many reports by one person in a minute: the limit is not what this file tests.
    limits: { reportsPerHour: 1000, repageAfterMinutes: 30 },
  };
}

/** A report that was stored (created, or the same submission again); fails the test when it was refused. */
function stored(result: TReportIncidentResult): Exclude<TReportIncidentResult, { outcome: "rate_limited" }> {
  if (result.outcome === "rate_limited") throw new Error("refused by the rate limit");
  return result;
}

const expectedReferences = (year: number, count: number) =>
  Array.from({ length: count }, (_, index) => `DL-${year}-${String(index + 1).padStart(4, "0")}`);

describe.each(DATABASE_KINDS)("reference numbering on %s", (kind) => {
  let testDatabase: TTestDatabase;
  let database: Database;
  let clock: ManualClock;
  let context: TReportIncidentDeps;
  let submission = 0;

  const submit = async (overrides: Partial<TReport> = {}, on: TReportIncidentDeps = context) =>
    stored(
      await reportIncident(on, {
        report: report(overrides),
        reporter: slackPerson(STAFF_ID),
        submissionKey: `V0NUMBER${++submission}`,
      }),
    );

  const allReferences = async () =>
    (await database.prisma.incident.findMany({ select: { reference: true } })).map((incident) => incident.reference).sort();

  beforeEach(async () => {
    testDatabase = await createTestDatabase(kind);
    database = await openDatabase(testDatabase.options, TEST_KEY_RING);
    await migrateDatabase(database);
    clock = new ManualClock(NOW);
    context = contextFor(database, clock);
  });
  afterEach(async () => {
    await database.close();
    await testDatabase.drop();
  });

  describe("nextReferenceSequence", () => {
    it("counts 1, 2, 3 per year and each year on its own", async () => {
      const take = (year: number) => database.prisma.$transaction((tx) => nextReferenceSequence(tx, year));
      expect([await take(2026), await take(2026), await take(2026)]).toEqual([1, 2, 3]);
      expect(await take(2027)).toBe(1);
      expect(await take(2026)).toBe(4);
      expect(await take(2027)).toBe(2);
      const counters = await database.prisma.referenceCounter.findMany({ orderBy: { year: "asc" } });
      expect(counters).toEqual([
        { year: 2026, last: 4 },
        { year: 2027, last: 2 },
      ]);
    });

    it("gives a number back only when its transaction is rolled back, never one that was committed", async () => {
      const take = () => database.prisma.$transaction((tx) => nextReferenceSequence(tx, 2026));
      expect([await take(), await take()]).toEqual([1, 2]);
      const failed = database.prisma.$transaction(async (tx) => {
        expect(await nextReferenceSequence(tx, 2026)).toBe(3);
        throw new Error("the incident could not be stored");
      });
      await expect(failed).rejects.toThrow("the incident could not be stored");
      // 3 was never committed, so the next committed number is 3: no gap, no reuse.
      expect(await take()).toBe(3);
      expect(await take()).toBe(4);
    });

    it("hands out distinct numbers to concurrent transactions", async () => {
      const numbers = await Promise.all(
        Array.from({ length: 20 }, () => database.prisma.$transaction((tx) => nextReferenceSequence(tx, 2026))),
      );
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    });
  });

  describe("reportIncident", () => {
    it("numbers the first reports of the year DL-2026-0001, -0002 and stores the incident with its deadline", async () => {
      const first = await submit();
      const second = await submit();
      expect([first.incident.reference, second.incident.reference]).toEqual(["DL-2026-0001", "DL-2026-0002"]);
      expect(first.outcome).toBe("created");
      // Awareness = discovery (08:00 UTC); deadline 72 elapsed hours later.
      const stored = await database.prisma.incident.findUniqueOrThrow({ where: { id: first.incident.id } });
      expect(stored.awarenessAt.toISOString()).toBe("2026-11-23T08:00:00.000Z");
      expect(stored.deadlineAt.toISOString()).toBe("2026-11-26T08:00:00.000Z");
      expect(first.incident.deadlineAt.toISOString()).toBe("2026-11-26T08:00:00.000Z");
      // The report text is encrypted at rest, as the client would have stored it.
      const raw = await database.prisma.$queryRaw<
        { what_happened: string }[]
      >`SELECT what_happened FROM incident WHERE id = ${first.incident.id}::uuid`;
      expect(raw[0]!.what_happened).not.toContain(stored.whatHappened.slice(0, 12));
      // One timeline entry and the outbox messages: channel, two DPOs, reporter.
      expect(await database.prisma.timelineEntry.count({ where: { incidentId: first.incident.id } })).toBe(1);
      const outbox = await database.prisma.outboxMessage.findMany({ where: { incidentId: first.incident.id } });
      expect(outbox).toHaveLength(4);
      expect(outbox.map((message) => (message.payload as { person?: string }).person)).toContain(slackPerson(DPO_ID));
    });

    it("returns the same incident for the same submission, without taking a number", async () => {
      const same = { report: report(), reporter: slackPerson(STAFF_ID), submissionKey: "V0SAME" };
      const first = stored(await reportIncident(context, same));
      const again = await reportIncident(context, same);
      expect(again).toMatchObject({ outcome: "repeated", incident: { id: first.incident.id, reference: "DL-2026-0001" } });
      expect((await submit()).incident.reference).toBe("DL-2026-0002");
    });

    it("restarts at 0001 in a new year, counted in Amsterdam time", async () => {
      clock.set("2026-12-31T22:59:00Z"); // 23:59 on 31 December in Amsterdam
      expect((await submit()).incident.reference).toBe("DL-2026-0001");
      expect((await submit()).incident.reference).toBe("DL-2026-0002");
      clock.set("2026-12-31T23:30:00Z"); // 00:30 on 1 January 2027 in Amsterdam
      expect((await submit({ discoveredAt: new Date("2026-12-31T23:00:00Z") })).incident.reference).toBe("DL-2027-0001");
      expect((await submit({ discoveredAt: new Date("2026-12-31T23:00:00Z") })).incident.reference).toBe("DL-2027-0002");
    });

    it("does not reuse a committed number after a failed report, and leaves no trace of the failure", async () => {
      await submit();
      await submit();
      const rowCounts = async () => ({
        incidents: await database.prisma.incident.count(),
        timeline: await database.prisma.timelineEntry.count(),
        outbox: await database.prisma.outboxMessage.count(),
        counter: (await database.prisma.referenceCounter.findUnique({ where: { year: 2026 } }))?.last,
      });
      const before = await rowCounts();
      expect(before).toMatchObject({ incidents: 2, counter: 2 });
      // PostgreSQL refuses a NUL character in text: the insert fails after the number was taken.
      await expect(submit({ system: "kapot\u0000" })).rejects.toThrow();
      expect(await rowCounts()).toEqual(before);
      const third = await submit();
      expect(third.incident.reference).toBe("DL-2026-0003");
      expect(await allReferences()).toEqual(expectedReferences(2026, 3));
    });

    it("gives 40 concurrent reports 40 distinct, gapless references", async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => submit()));
      expect(results.every((result) => result.outcome === "created")).toBe(true);
      expect(results.map((result) => result.incident.reference).sort()).toEqual(expectedReferences(2026, 40));
      expect(await allReferences()).toEqual(expectedReferences(2026, 40));
      expect(await database.prisma.referenceCounter.findUnique({ where: { year: 2026 } })).toEqual({ year: 2026, last: 40 });
    });

    if (kind === "postgresql") {
      it("gives 40 concurrent reports from two bots on one database 40 distinct, gapless references", async () => {
        const otherDatabase = await openDatabase(testDatabase.options);
        try {
          const other = contextFor(otherDatabase, clock);
          const results = await Promise.all(
            Array.from({ length: 40 }, (_, index) => submit({}, index % 2 === 0 ? context : other)),
          );
          expect(results.map((result) => result.incident.reference).sort()).toEqual(expectedReferences(2026, 40));
          expect(await allReferences()).toEqual(expectedReferences(2026, 40));
          // Both bots did write: the race was real.
          const referencesOf = (parity: number) =>
            results.filter((_, index) => index % 2 === parity).map((result) => result.incident.reference);
          expect(referencesOf(0)).toHaveLength(20);
          expect(referencesOf(1)).toHaveLength(20);
          expect(await database.prisma.timelineEntry.count()).toBe(40);
        } finally {
          await otherDatabase.close();
        }
      });
    }
  });
});
