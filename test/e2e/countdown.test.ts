// The 72-hour countdown end to end: the real bot over HTTP, a real database,
// the Slack stand-in, and a manual clock. Nothing sleeps: the tests move
// the clock and run the scheduler's tick.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { ManualClock } from "../../src/core/time/clock.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { stopIncidentCountdown } from "../../src/features/countdown/stopIncidentCountdown.ts";
import { SlackStandIn } from "../support/slackStandIn.ts";
import { createTestDatabase, DATABASE_KINDS } from "../support/testDatabases.ts";
import { DPO_ID, MANAGEMENT_CHANNEL, SECOND_DPO_ID, startTestBot, startWorkspaceStandIn } from "../support/startTestBot.ts";
import { actionIds, HOUR, remindersTo, reportAndPost, runScheduler, threadReminders } from "../scheduler/countdownHarness.ts";

// Monday 23 November 2026, 10:00 in Amsterdam (CET, UTC+1).
const NOW = new Date("2026-11-23T09:00:00Z");
// Discovered two hours before: the deadline is Thursday 26 Nov 07:00 UTC = 08:00 CET.
const DISCOVERED = new Date(NOW.getTime() - 2 * HOUR);
const DEADLINE = new Date("2026-11-26T07:00:00Z");
const at = (hoursBeforeDeadline: number) => new Date(DEADLINE.getTime() - hoursBeforeDeadline * HOUR);

describe.each(DATABASE_KINDS)("the countdown on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW });

  it("reminds at 48, 24, 12, 4 and 1 hours before the deadline, then overdue every 24 hours", async () => {
    const { reference, threadTs } = await reportAndPost(env.harness, DISCOVERED);
    // The time left as a person says it (issue 11: "nog 48 uur", not "nog 48 uur 0 min").
    const expected: [number, string][] = [
      [48, "nog 48 uur tot de deadline"],
      [24, "nog 24 uur tot de deadline"],
      [12, "nog 12 uur tot de deadline"],
      [4, "nog 4 uur tot de deadline"],
      [1, "nog 1 uur tot de deadline"],
    ];
    let count = 0;
    for (const [hours, left] of expected) {
      // A minute before the mark nothing is sent.
      env.clock.set(new Date(at(hours).getTime() - 60_000));
      await runScheduler(env.harness);
      expect(threadReminders(env.standIn, threadTs), `before ${hours}h`).toHaveLength(count);
      env.clock.set(at(hours));
      await runScheduler(env.harness);
      const reminders = threadReminders(env.standIn, threadTs);
      expect(reminders, `at ${hours}h`).toHaveLength(++count);
      const text = JSON.stringify(reminders.at(-1)!.args);
      expect(text).toContain(left);
      // The deadline in Amsterdam time.
      expect(text).toContain("do 26 nov 2026 08:00");
      // No buttons in a reminder (issue 11: they would go on offering the decision after it was
      // recorded); the actions live on the incident's post and in its thread.
      expect(actionIds(reminders.at(-1)!)).toEqual([]);
      // Nobody took it: every DPO gets it in a DM, with the time left, the deadline and a link to the thread.
      for (const dpo of [DPO_ID, SECOND_DPO_ID]) {
        const direct = remindersTo(env.standIn, dpo, reference);
        expect(direct, dpo).toHaveLength(count);
        const dm = JSON.stringify(direct.at(-1)!.args);
        expect(dm).toContain(left);
        expect(dm).toContain("do 26 nov 2026 08:00");
        expect(dm).toContain(`https://slack.com/archives/C0DPOCHAN/p${threadTs.replace(".", "")}`);
        expect(actionIds(direct.at(-1)!)).toEqual([]);
      }
      // Reminders before the deadline do not go to management.
      expect(remindersTo(env.standIn, MANAGEMENT_CHANNEL, reference)).toHaveLength(0);
    }
    // No free text from the report in the thread.
    expect(JSON.stringify(threadReminders(env.standIn, threadTs).map((call) => call.args))).not.toContain("collega-instelling");

    env.clock.set(DEADLINE);
    await runScheduler(env.harness);
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(6);
    expect(String(threadReminders(env.standIn, threadTs).at(-1)!.args.text)).toContain("verstreken");
    const management = remindersTo(env.standIn, MANAGEMENT_CHANNEL, reference);
    expect(management).toHaveLength(1);
    expect(JSON.stringify(management[0]!.args)).not.toContain("collega-instelling");
    expect(actionIds(management[0]!)).toEqual([]);

    // Nothing more until 24 hours later, then once again.
    env.clock.set(new Date(DEADLINE.getTime() + 23 * HOUR));
    await runScheduler(env.harness);
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(6);
    env.clock.set(new Date(DEADLINE.getTime() + 24 * HOUR));
    await runScheduler(env.harness);
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(7);
    expect(JSON.stringify(threadReminders(env.standIn, threadTs).at(-1)!.args)).toContain("24 uur te laat");
    expect(remindersTo(env.standIn, MANAGEMENT_CHANNEL, reference)).toHaveLength(2);
  });

  it("sends a due reminder within 30 seconds without anyone calling the scheduler", async () => {
    await env.harness.stop();
    env.harness = await startTestBot({
      databaseOptions: env.databaseOptions,
      standIn: env.standIn,
      clock: env.clock,
      settings: { TICK_SECONDS: "1" },
    });
    const { threadTs } = await reportAndPost(env.harness, DISCOVERED);
    env.clock.set(at(48));
    const started = Date.now();
    await env.standIn.waitForCall("chat.postMessage", (call) => call.args.thread_ts === threadTs, 30_000);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("sends only the owner the DM once the incident is taken", async () => {
    const { reference, threadTs } = await reportAndPost(env.harness, DISCOVERED);
    await env.harness.slack.blockAction({
      userId: DPO_ID,
      channelId: "C0DPOCHAN",
      messageTs: threadTs,
      actions: [{ action_id: "incident_take", value: reference }],
    });
    await env.standIn.waitForCall("chat.update");
    env.clock.set(at(48));
    await runScheduler(env.harness);
    expect(remindersTo(env.standIn, DPO_ID, reference)).toHaveLength(1);
    expect(remindersTo(env.standIn, SECOND_DPO_ID, reference)).toHaveLength(0);
    // The thread keeps the record, saying the owner was told, without mentioning them:
    // a mention would notify the owner a second time (issue 11: each reminder arrived twice).
    const record = JSON.stringify(threadReminders(env.standIn, threadTs)[0]!.args);
    expect(record).toContain("De eigenaar heeft deze herinnering als privébericht gekregen");
    expect(record).not.toContain("<@");
  });

  it.each(["ap_notified", "not_notifiable", "not_a_breach"])("stops the countdown when %s is recorded", async (decision) => {
    const { reference, threadTs, incidentId } = await reportAndPost(env.harness, DISCOVERED);
    env.clock.set(at(48));
    await runScheduler(env.harness);
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(1);
    // The decision as the decision modal (issue 3) records it.
    env.clock.set(new Date(at(48).getTime() + HOUR));
    await env.harness.database.prisma.incident.update({
      where: { id: incidentId },
      data: {
        decision,
        decidedAt: env.clock.now(),
        decidedBy: slackPerson(DPO_ID),
        status: "decided",
        apReference: decision === "ap_notified" ? "AP-123" : null,
      },
    });
    for (const hours of [24, 12, 4, 1, 0, -24]) {
      env.clock.set(at(hours));
      await runScheduler(env.harness);
    }
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(1);
    expect(remindersTo(env.standIn, MANAGEMENT_CHANNEL, reference)).toHaveLength(0);
    const jobs = await env.harness.database.prisma.scheduledJob.findMany({ where: { incidentId, kind: "countdown.reminder" } });
    const afterDecision = jobs.filter((job) => job.dueAt.getTime() > at(48).getTime());
    expect(afterDecision.length).toBeGreaterThan(0);
    for (const job of afterDecision) expect([job.status, job.outcome]).toEqual(["skipped", { reason: "decided" }]);
  });

  it("does not send reminders that were enqueued before the decision but delivered after it", async () => {
    const { threadTs, incidentId } = await reportAndPost(env.harness, DISCOVERED);
    env.standIn.setDown(true);
    env.clock.set(at(48));
    await env.harness.bot.scheduler.tick();
    await env.harness.bot.slack.outbox.kick();
    await env.harness.database.prisma.incident.update({
      where: { id: incidentId },
      data: { decision: "not_notifiable", decidedAt: env.clock.now(), decidedBy: slackPerson(DPO_ID), status: "decided" },
    });
    env.standIn.setDown(false);
    env.clock.advanceMinutes(15);
    await runScheduler(env.harness);
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(0);
  });

  it("catches up after a gap with only the latest reminder, marked late", async () => {
    const { incidentId, threadTs } = await reportAndPost(env.harness, DISCOVERED);
    // The bot missed the 48- and 24-hour marks and wakes 30 minutes after the 12-hour mark.
    env.clock.set(new Date(at(12).getTime() + 30 * 60_000));
    await runScheduler(env.harness);
    const reminders = threadReminders(env.standIn, threadTs);
    expect(reminders).toHaveLength(1);
    expect(JSON.stringify(reminders[0]!.args)).toContain("nog 11 uur en 30 minuten");
    expect(JSON.stringify(reminders[0]!.args)).toContain("later dan gepland");
    const jobs = await env.harness.database.prisma.scheduledJob.findMany({
      where: { incidentId, kind: "countdown.reminder", status: { not: "pending" } },
      orderBy: { dueAt: "asc" },
    });
    expect(jobs.map((job) => [job.dedupeKey.split(":").at(-1), job.status, job.late])).toEqual([
      ["h48", "skipped", true],
      ["h24", "skipped", true],
      ["h12", "done", true],
    ]);
    expect(jobs[0]!.outcome).toEqual({ reason: "overtaken" });
  });

  it("shows only the latest passed reminder, at once, for a report discovered 60 hours ago", async () => {
    await env.harness.stop();
    env.harness = await startTestBot({
      databaseOptions: env.databaseOptions,
      standIn: env.standIn,
      clock: env.clock,
      settings: { TICK_SECONDS: "1" },
    });
    const started = Date.now();
    const { incidentId, threadTs, reference } = await reportAndPost(env.harness, new Date(NOW.getTime() - 60 * HOUR));
    // Without calling the scheduler: the ticker sends it within 30 seconds.
    const first = await env.standIn.waitForCall("chat.postMessage", (call) => call.args.thread_ts === threadTs, 30_000);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(JSON.stringify(first.args)).toContain("nog 12 uur tot de deadline");
    await runScheduler(env.harness);
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(1);
    const labels = (
      await env.harness.database.prisma.scheduledJob.findMany({ where: { incidentId, kind: "countdown.reminder" } })
    ).map((job) => job.dedupeKey.split(":").at(-1));
    expect(labels.sort()).toEqual(["h1", "h12", "h4", "overdue0"]);
    expect(remindersTo(env.standIn, DPO_ID, reference)).toHaveLength(1);
  });

  it("pages again after 30 minutes and every 2 hours until taken, telling management", async () => {
    const { reference, threadTs } = await reportAndPost(env.harness, DISCOVERED);
    const repagesTo = (channel: string) =>
      env.standIn
        .successfulCallsTo("chat.postMessage")
        .filter((call) => call.args.channel === channel && /nog (door niemand|niet) opgepakt/.test(String(call.args.text)));
    env.clock.advanceMinutes(29);
    await runScheduler(env.harness);
    expect(repagesTo(DPO_ID)).toHaveLength(0);
    env.clock.advanceMinutes(1);
    await runScheduler(env.harness);
    for (const dpo of [DPO_ID, SECOND_DPO_ID]) expect(repagesTo(dpo), dpo).toHaveLength(1);
    expect(repagesTo(MANAGEMENT_CHANNEL)).toHaveLength(1);
    expect(actionIds(repagesTo(DPO_ID)[0]!)).toContain("incident_take");
    expect(JSON.stringify(repagesTo(MANAGEMENT_CHANNEL)[0]!.args)).not.toContain("collega-instelling");

    env.clock.advanceMinutes(119);
    await runScheduler(env.harness);
    expect(repagesTo(DPO_ID)).toHaveLength(1);
    env.clock.advanceMinutes(1);
    await runScheduler(env.harness);
    expect(repagesTo(DPO_ID)).toHaveLength(2);
    expect(repagesTo(MANAGEMENT_CHANNEL)).toHaveLength(2);

    await env.harness.slack.blockAction({
      userId: SECOND_DPO_ID,
      channelId: "C0DPOCHAN",
      messageTs: threadTs,
      actions: [{ action_id: "incident_take", value: reference }],
    });
    await env.standIn.waitForCall("chat.update");
    env.clock.advanceHours(6);
    await runScheduler(env.harness);
    expect(repagesTo(DPO_ID)).toHaveLength(2);
    expect(repagesTo(MANAGEMENT_CHANNEL)).toHaveLength(2);
    // Taken: the re-pages sent lose their take button and say who took it (issue 11).
    for (const dpo of [DPO_ID, SECOND_DPO_ID])
      for (const repage of repagesTo(dpo)) {
        const updates = env.standIn
          .successfulCallsTo("chat.update")
          .filter((call) => call.args.channel === repage.response!.channel && call.args.ts === repage.response!.ts);
        expect(updates, dpo).toHaveLength(1);
        expect(actionIds(updates[0]!)).toEqual([]);
        expect(JSON.stringify(updates[0]!.args)).toContain(`is opgepakt door <@${SECOND_DPO_ID}>`);
      }
  });

  it("stops the re-pages when taken (those sent lose their button at once) and the reminders at the decision", async () => {
    const { reference, threadTs, incidentId } = await reportAndPost(env.harness, DISCOVERED);
    const repagesTo = (channel: string) =>
      env.standIn
        .successfulCallsTo("chat.postMessage")
        .filter((call) => call.args.channel === channel && /nog door niemand opgepakt/.test(String(call.args.text)));
    env.clock.advanceMinutes(30);
    await runScheduler(env.harness);
    expect(repagesTo(DPO_ID)).toHaveLength(1);
    await env.harness.slack.blockAction({
      userId: DPO_ID,
      channelId: "C0DPOCHAN",
      messageTs: threadTs,
      actions: [{ action_id: "incident_take", value: reference }],
    });
    await env.standIn.waitForCall("chat.update");
    // Taken: the re-pages sent lose their take button at once.
    for (const dpo of [DPO_ID, SECOND_DPO_ID]) {
      const repage = repagesTo(dpo)[0]!;
      const update = await env.standIn.waitForCall(
        "chat.update",
        (call) => call.args.channel === repage.response!.channel && call.args.ts === repage.response!.ts,
      );
      expect(actionIds(update)).toEqual([]);
    }
    // The decision, as the checklist records it: in one transaction with stopping the countdown.
    env.clock.advanceMinutes(10);
    const now = env.clock.now();
    await env.harness.database.prisma.$transaction(async (tx) => {
      await tx.incident.update({
        where: { id: incidentId },
        data: { decision: "not_notifiable", decidedAt: now, decidedBy: slackPerson(DPO_ID), status: "decided" },
      });
      await stopIncidentCountdown(tx, incidentId, now);
    });
    await runScheduler(env.harness);
    for (const dpo of [DPO_ID, SECOND_DPO_ID]) {
      const repage = repagesTo(dpo)[0]!;
      const updates = env.standIn
        .successfulCallsTo("chat.update")
        .filter((call) => call.args.channel === repage.response!.channel && call.args.ts === repage.response!.ts);
      expect(updates, dpo).toHaveLength(1);
      expect(actionIds(updates[0]!)).toEqual([]);
    }
    const jobs = await env.harness.database.prisma.scheduledJob.findMany({ where: { incidentId } });
    expect(jobs.filter((job) => job.status === "pending")).toEqual([]);
    expect(jobs.filter((job) => job.kind === "countdown.reminder").map((job) => job.status)).toEqual(Array(6).fill("cancelled"));
    for (const hours of [48, 24, 12, 4, 1, 0]) {
      env.clock.set(at(hours));
      await runScheduler(env.harness);
    }
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(0);
    expect(repagesTo(DPO_ID)).toHaveLength(1);
  });
});

describe("the deadline across daylight-saving changes", () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });

  const cases = [
    {
      name: "spring (27 to 30 March 2026, CET to CEST)",
      now: "2026-03-27T10:00:00Z",
      discovered: "2026-03-27T09:00:00Z", // Fri 10:00 CET
      deadline: "2026-03-30T09:00:00Z", // Mon 11:00 CEST: 72 elapsed hours
      local: "ma 30 mrt 2026 11:00",
    },
    {
      name: "autumn (23 to 26 October 2026, CEST to CET)",
      now: "2026-10-23T09:00:00Z",
      discovered: "2026-10-23T08:00:00Z", // Fri 10:00 CEST
      deadline: "2026-10-26T08:00:00Z", // Mon 09:00 CET
      local: "ma 26 okt 2026 09:00",
    },
  ];
  it.each(cases)("counts 72 elapsed hours in $name", async ({ now, discovered, deadline, local }) => {
    standIn.clear();
    const clock = new ManualClock(now);
    const testDatabase = await createTestDatabase("pglite");
    const harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock });
    try {
      const { threadTs, incidentId } = await reportAndPost(harness, new Date(discovered));
      const incident = await harness.database.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
      expect(incident.deadlineAt.toISOString()).toBe(new Date(deadline).toISOString());
      let count = 0;
      for (const hours of [48, 24, 12, 4, 1]) {
        const mark = new Date(new Date(deadline).getTime() - hours * HOUR);
        clock.set(new Date(mark.getTime() - 60_000));
        await runScheduler(harness);
        expect(threadReminders(standIn, threadTs)).toHaveLength(count);
        clock.set(mark);
        await runScheduler(harness);
        const reminders = threadReminders(standIn, threadTs);
        expect(reminders).toHaveLength(++count);
        expect(JSON.stringify(reminders.at(-1)!.args)).toContain(`nog ${hours} uur tot de deadline`);
        expect(JSON.stringify(reminders.at(-1)!.args)).toContain(local);
      }
      clock.set(deadline);
      await runScheduler(harness);
      expect(String(threadReminders(standIn, threadTs).at(-1)!.args.text)).toContain("verstreken");
    } finally {
      await harness.stop();
      await testDatabase.drop();
    }
  });
});
