// Two bot processes on one PostgreSQL server: every reminder is sent
// exactly once. Two real bots (each with its own pool, scheduler and
// outbox worker) share the database, the Slack stand-in and the clock;
// both tick at every step, at the same time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { SlackStandIn } from "../support/slackStandIn.ts";
import { createTestDatabase, type TTestDatabase } from "../support/testDatabases.ts";
import {
  DPO_ID,
  MANAGEMENT_CHANNEL,
  SECOND_DPO_ID,
  startTestBot,
  startWorkspaceStandIn,
  type TTestBot,
} from "../support/startTestBot.ts";
import { HOUR, remindersTo, reportAndPost, runScheduler, settleOutbox, threadReminders } from "./countdownHarness.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
const DEADLINE = new Date(NOW.getTime() + 70 * HOUR);
const INCIDENTS = 4;

describe("two bot instances on one PostgreSQL server", () => {
  let standIn: SlackStandIn;
  let testDatabase: TTestDatabase;
  let first: TTestBot;
  let second: TTestBot;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
    testDatabase = await createTestDatabase("postgresql");
    [first, second] = await Promise.all([
      startTestBot({ databaseOptions: testDatabase.options, standIn, clock }),
      startTestBot({ databaseOptions: testDatabase.options, standIn, clock }),
    ]);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await testDatabase?.drop();
    await standIn?.close();
  });

  it("sends every reminder, overdue notice and re-page exactly once", async () => {
    const incidents = [];
    for (let index = 0; index < INCIDENTS; index++) {
      // Reports arrive at either instance.
      incidents.push(await reportAndPost(index % 2 === 0 ? first : second, new Date(NOW.getTime() - 2 * HOUR)));
    }
    const steps = [
      NOW.getTime() + 30 * 60_000, // re-page
      NOW.getTime() + 150 * 60_000, // second re-page
      ...[48, 24, 12, 4, 1, 0, -24].map((hours) => DEADLINE.getTime() - hours * HOUR),
    ];
    for (const step of steps) {
      clock.set(new Date(step));
      // Both instances tick at once, several times over.
      await Promise.all([runScheduler(first, second), runScheduler(second, first), first.bot.scheduler.tick()]);
    }
    await settleOutbox(first);
    await settleOutbox(second);

    for (const { reference, threadTs } of incidents) {
      // 5 reminders + overdue at the deadline + 24 hours later.
      const thread = threadReminders(standIn, threadTs);
      expect(thread, reference).toHaveLength(7);
      expect(new Set(thread.map((call) => JSON.stringify(call.args.blocks))).size, `${reference} distinct`).toBe(7);
      for (const dpo of [DPO_ID, SECOND_DPO_ID])
        expect(remindersTo(standIn, dpo, reference), `${reference} ${dpo}`).toHaveLength(7);
      expect(remindersTo(standIn, MANAGEMENT_CHANNEL, reference), `${reference} management`).toHaveLength(2);
      const repages = standIn
        .successfulCallsTo("chat.postMessage")
        .filter(
          (call) => call.args.channel === DPO_ID && String(call.args.text).includes(`${reference} is nog door niemand opgepakt`),
        );
      // Nobody takes them: a re-page at 0.5 h and 2.5 h, then (2-hourly,
      // a gap not replayed) one at each later step except 70 h, when the
      // last one (69 h) is not yet 2 hours old: 8 in all.
      expect(repages, `${reference} re-pages`).toHaveLength(8);
    }
    // Each job ran once, and nothing due was left behind.
    const jobs = await first.database.prisma.scheduledJob.findMany({ where: { incidentId: { not: null } } });
    expect(jobs.filter((job) => job.attempts > 1)).toEqual([]);
    expect(jobs.filter((job) => job.status === "pending" && job.dueAt <= clock.now())).toEqual([]);
  }, 180_000);
});
