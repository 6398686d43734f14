// The bot's own retention: seven years (OWN_RETENTION_YEARS) after closing,
// a daily sweep erases an incident's free text and the reporter's id, keeps
// the non-personal summary, records the erasure and schedules itself again.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { ERASED, ERASED_TEXT, OWN_RETENTION_SWEEP } from "../../src/features/retention/ownRetentionSweep.ts";
import { verifyAuditChain } from "../../src/core/audit/verifyAuditChain.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { reportModalState } from "../support/slackRequests.ts";
import { SlackStandIn } from "../support/slackStandIn.ts";
import { STAFF_ID, startTestBot, startWorkspaceStandIn, type TTestBot } from "../support/startTestBot.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
const YEAR_MS = 365.25 * 24 * 3_600_000;

describe.each(DATABASE_KINDS)("own retention on %s", (kind) => {
  let standIn: SlackStandIn;
  let testDatabase: TTestDatabase;
  let harness: TTestBot;
  let clock: ManualClock;

  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(async () => {
    clock = new ManualClock(NOW);
    testDatabase = await createTestDatabase(kind);
    harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock });
  });
  afterEach(async () => {
    await harness.stop();
    await testDatabase.drop();
  });

  const report = async (viewId: string, text: string) => {
    await harness.slack.viewSubmission({
      userId: STAFF_ID,
      view: {
        id: viewId,
        callback_id: "datalek_report",
        state: {
          values: reportModalState({
            what_happened: text,
            discovered_at: Math.floor(NOW.getTime() / 1000) - 600,
            system: "siilo",
            data_kinds: ["health"],
            people_affected: "5",
            stopped: "yes",
            recipient: "known",
          } as never),
        },
      },
    });
    return harness.database.prisma.incident.findUniqueOrThrow({ where: { submissionKey: viewId } });
  };

  it("erases free text and the reporter of incidents closed more than seven years ago, and only those", async () => {
    const old = await report("V0OLD", "Synthetisch: oude melding Reiger-1");
    const recent = await report("V0RECENT", "Synthetisch: recente melding Reiger-2");
    const prisma = harness.database.prisma;
    // The report's moment is the test's "now"; pretend both were closed long ago.
    await prisma.incident.update({
      where: { id: old.id },
      data: {
        closedAt: new Date(NOW.getTime() - 7.1 * YEAR_MS),
        decision: "not_notifiable",
        decisionReason: "Synthetisch: reden",
      },
    });
    await prisma.incident.update({ where: { id: recent.id }, data: { closedAt: new Date(NOW.getTime() - 6.9 * YEAR_MS) } });

    // Seeded at start: the daily sweep, next at 03:00 local.
    const seeded = await prisma.scheduledJob.findMany({ where: { kind: OWN_RETENTION_SWEEP, status: "pending" } });
    expect(seeded.map((job) => job.dueAt.toISOString())).toEqual(["2026-11-24T02:00:00.000Z"]);
    clock.set("2026-11-24T02:00:30Z");
    await harness.bot.scheduler.tick();

    const erased = await prisma.incident.findUniqueOrThrow({ where: { id: old.id }, include: { timeline: true } });
    expect(erased.whatHappened).toBe(ERASED_TEXT);
    expect(erased.decisionReason).toBe(ERASED_TEXT);
    expect(erased.reporterId).toBe(ERASED);
    // The non-personal summary stays.
    expect(erased).toMatchObject({
      reference: old.reference,
      system: "siilo",
      dataKinds: ["health"],
      peopleAffected: 5,
      decision: "not_notifiable",
    });
    expect(erased.timeline.some((entry) => entry.actorId === slackPerson(STAFF_ID))).toBe(false);
    expect(erased.timeline.map((entry) => entry.kind)).toContain("own_retention_erased");

    const kept = await prisma.incident.findUniqueOrThrow({ where: { id: recent.id } });
    expect(kept.whatHappened).toBe("Synthetisch: recente melding Reiger-2");
    expect(kept.reporterId).toBe(slackPerson(STAFF_ID));

    const audited = await prisma.auditEntry.findMany({ where: { action: "own_retention_erased" } });
    expect(audited.map((entry) => entry.incidentId)).toEqual([old.id]);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
    // And the next sweep is on the schedule.
    const next = await prisma.scheduledJob.findMany({ where: { kind: OWN_RETENTION_SWEEP, status: "pending" } });
    expect(next.map((job) => job.dueAt.toISOString())).toEqual(["2026-11-25T02:00:00.000Z"]);
  });
});
