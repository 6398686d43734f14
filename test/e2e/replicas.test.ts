// Two replicas behind a load balancer on one PostgreSQL database: requests
// alternate between them (a tiny round-robin), both run the outbox and the
// scheduler. Reports through both get distinct references, every message is
// sent once, and every scheduled job runs once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { SlackStandIn } from "../support/slackStandIn.ts";
import { createTestDatabase, type TTestDatabase } from "../support/testDatabases.ts";
import { DPO_CHANNEL, DPO_ID, startTestBot, startWorkspaceStandIn, type TTestBot } from "../support/startTestBot.ts";
import { submitReport } from "./homeSupport.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
const REPORTS = 10;

describe("two replicas on one PostgreSQL database", () => {
  let standIn: SlackStandIn;
  let testDatabase: TTestDatabase;
  let replicas: TTestBot[];
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
    testDatabase = await createTestDatabase("postgresql");
    // Started at once: migrations run under the advisory lock, once.
    replicas = await Promise.all([0, 1].map(() => startTestBot({ databaseOptions: testDatabase.options, standIn, clock })));
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.stop();
    await testDatabase?.drop();
    await standIn?.close();
  });

  it("serves requests and schedules on both without duplicates", async () => {
    expect(new Set(replicas.map((replica) => replica.url)).size).toBe(2);
    let next = 0;
    const balancer = () => replicas[next++ % replicas.length]!;

    // Reports arrive through both replicas, several at once.
    const answers = await Promise.all(
      Array.from({ length: REPORTS }, (_, i) => submitReport(balancer(), NOW, {}, `U0STAFF${String(i).padStart(2, "0")}`)),
    );
    for (const answer of answers) expect(answer.body).toMatchObject({ response_action: "update" });
    const incidents = await replicas[0]!.database.prisma.incident.findMany({ orderBy: { reference: "asc" } });
    expect(incidents).toHaveLength(REPORTS);
    expect(new Set(incidents.map((incident) => incident.reference)).size).toBe(REPORTS);
    expect(incidents.map((incident) => incident.reference)).toEqual(
      Array.from({ length: REPORTS }, (_, i) => `DL-2026-${String(i + 1).padStart(4, "0")}`),
    );

    // Each incident: one channel post, one page per DPO (2), one receipt.
    await standIn.waitForCalls("chat.postMessage", REPORTS * 4, 20_000);
    // Takes through the balancer too.
    for (const incident of incidents.slice(0, 4)) {
      await balancer().slack.blockAction({
        userId: DPO_ID,
        actions: [{ action_id: "incident_take", value: incident.reference }],
        channelId: DPO_CHANNEL,
      });
    }
    await Promise.all(replicas.map((replica) => replica.bot.slack.outbox.kick()));

    // A day later both schedulers tick at the same moment.
    clock.advanceHours(25);
    await Promise.all(replicas.flatMap((replica) => [replica.bot.scheduler.tick(), replica.bot.scheduler.tick()]));
    await Promise.all(replicas.map((replica) => replica.bot.slack.outbox.kick()));
    await Promise.all(replicas.map((replica) => replica.bot.slack.outbox.kick()));

    const prisma = replicas[0]!.database.prisma;
    const ran = await prisma.scheduledJob.findMany({ where: { status: { in: ["done", "skipped"] } } });
    expect(ran.length).toBeGreaterThan(0);
    // Every job that ran, ran exactly once.
    for (const job of ran) expect(job.attempts, `${job.kind} ${job.dedupeKey}`).toBe(1);
    expect(await prisma.scheduledJob.count({ where: { status: "pending", dueAt: { lte: clock.now() } } })).toBe(0);

    // Every outbox message delivered once: no message text posted twice to the same place.
    const outbox = await prisma.outboxMessage.findMany();
    expect(outbox.filter((row) => row.status !== "delivered")).toEqual([]);
    const posts = standIn.successfulCallsTo("chat.postMessage");
    const keys = posts.map(
      (call) => `${call.args.channel}|${call.args.thread_ts ?? ""}|${String(call.args.text)}|${JSON.stringify(call.args.blocks)}`,
    );
    expect(keys.length - new Set(keys).size).toBe(0);
    const channelPosts = posts.filter((call) => call.args.channel === DPO_CHANNEL && !call.args.thread_ts);
    expect(channelPosts).toHaveLength(REPORTS);
    // The thread reminder of one reminder job: posted once (jobs done for thread reminders == thread posts with a reminder).
    const takeUpdates = standIn
      .successfulCallsTo("chat.update")
      .filter((call) => JSON.stringify(call.args.blocks).includes(`<@${DPO_ID}>`));
    expect(takeUpdates.length).toBeGreaterThanOrEqual(4);
  });
});
