// The recurring duties end to end (issue 5): retention reviews on their
// cadence in working hours with done / snooze buttons and escalation to
// management, the yearly policy evaluation repeating weekly until recorded,
// the weekly digest (and its off switch), and `/datalek register`. Signed
// requests to the real bot, a real database, the clock under test control.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { seedFeatures } from "../../src/features/index.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { reportModalState } from "../support/slackRequests.ts";
import { SlackStandIn, type RecordedCall } from "../support/slackStandIn.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";
import {
  DPO_ID,
  MANAGEMENT_CHANNEL,
  SECOND_DPO_ID,
  STAFF_ID,
  startTestBot,
  startWorkspaceStandIn,
  type TTestBot,
} from "../support/startTestBot.ts";
import { answeredByDm } from "../support/answeredByDm.ts";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");
const SIILO_OWNER = "U0000CARE1";

type TButton = { action_id: string; value: string };
const buttonsOf = (call: RecordedCall): TButton[] =>
  ((call.args.blocks as { elements?: TButton[] }[] | undefined) ?? [])
    .flatMap((block) => block.elements ?? [])
    .filter((e) => e.action_id);
const textOf = (call: RecordedCall) => JSON.stringify(call.args);

describe.each(DATABASE_KINDS)("recurring duties on %s", (kind) => {
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
    standIn.clear();
    clock = new ManualClock(NOW);
    testDatabase = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await harness.stop();
    await testDatabase.drop();
  });

  const start = async (settings: Record<string, string> = {}) => {
    harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock, settings });
  };
  /** Moves the clock, runs what is due and lets the outbox deliver it. */
  const runAt = async (at: string) => {
    clock.set(at);
    await harness.bot.scheduler.tick();
    await harness.bot.slack.outbox.kick();
  };
  const posts = () => standIn.successfulCallsTo("chat.postMessage");
  const click = async (userId: string, actionId: string, value: string, where: { channel: string; ts?: string }) => {
    const response = await harness.slack.blockAction({
      userId,
      actions: [{ action_id: actionId, value }],
      channelId: where.channel,
      messageTs: where.ts,
    });
    expect(response.status).toBe(200);
    await harness.bot.slack.outbox.kick();
  };
  /** The bot acknowledges a click before its transaction ends: wait for the record. */
  const until = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return read();
  };
  const jobs = (kindName: string) =>
    harness.database.prisma.scheduledJob.findMany({
      where: { kind: kindName },
      orderBy: [{ dueAt: "asc" }, { dedupeKey: "asc" }],
    });

  it("seeds every recurring duty once at start, idempotently", async () => {
    await start();
    const retention = await jobs("retention.nudge");
    expect(retention).toHaveLength(9);
    const siilo = retention.find((job) => job.dedupeKey === "retention:siilo:2027-Q1");
    // First working day of the next quarter, 09:00 Amsterdam.
    expect(siilo?.dueAt.toISOString()).toBe("2027-01-01T08:00:00.000Z");
    expect((await jobs("policy_evaluation.request")).map((job) => [job.dedupeKey, job.dueAt.toISOString()])).toEqual([
      ["policy-evaluation:2027:0", "2027-02-01T08:00:00.000Z"],
    ]);
    expect((await jobs("digest.weekly")).map((job) => [job.dedupeKey, job.dueAt.toISOString()])).toEqual([
      ["digest:2026-11-30", "2026-11-30T08:00:00.000Z"],
    ]);
    // A restart adds nothing.
    const scheduled = await harness.database.prisma.scheduledJob.count();
    await seedFeatures(harness.bot.deps);
    expect(await harness.database.prisma.scheduledJob.count()).toBe(scheduled);
    expect(await harness.database.prisma.scheduledJob.count({ where: { kind: { startsWith: "retention" } } })).toBe(9);
  });

  it("nudges each owner in working hours; done, snooze and escalation are recorded", async () => {
    await start();
    // Nothing before the quarter starts (New Year's Eve 23:00, Amsterdam).
    await runAt("2026-12-31T22:00:00Z");
    expect(posts().filter((call) => textOf(call).includes("Verwijder nu"))).toHaveLength(0);

    await runAt("2027-01-01T08:00:00Z");
    await standIn.waitForCalls("chat.postMessage", 9);
    const retentionNudges = posts().filter((call) => textOf(call).includes("Verwijder nu"));
    expect(retentionNudges).toHaveLength(9);
    const siilo = retentionNudges.find((call) => textOf(call).includes("Siilo"))!;
    expect(siilo.args.channel).toBe(SIILO_OWNER);
    expect(textOf(siilo)).toContain("berichten ouder dan 6 maanden na het laatste bericht");
    expect(buttonsOf(siilo).map((button) => button.action_id)).toEqual([
      "retention_done",
      "retention_snooze_day",
      "retention_snooze_week",
    ]);
    const reviewId = buttonsOf(siilo)[0]!.value;
    const where = { channel: siilo.response!.channel as string, ts: siilo.response!.ts as string };

    // Someone else is refused and the attempt is recorded. They are not in
    // the owner's DM, so Slack refuses an ephemeral answer there
    // (user_not_in_channel): the answer goes to their own DM instead.
    await click(STAFF_ID, "retention_done", reviewId, where);
    const refusal = await answeredByDm(standIn, STAFF_ID, "Alleen de eigenaar van Siilo");
    expect(String(refusal.args.text)).toContain("Alleen de eigenaar van Siilo");
    expect((await harness.database.prisma.retentionReview.findUniqueOrThrow({ where: { id: reviewId } })).completedAt).toBeNull();

    // Friday 10:00: "remind me tomorrow" is Monday 09:00, not Saturday.
    clock.set("2027-01-01T09:00:00Z");
    await click(SIILO_OWNER, "retention_snooze_day", reviewId, where);
    const snoozed = await standIn.waitForCall("chat.update", (call) => call.args.ts === where.ts);
    expect(textOf(snoozed)).toContain("ma 4 jan 2027 09:00");
    await runAt("2027-01-02T10:00:00Z");
    await runAt("2027-01-03T20:00:00Z");
    const siiloNudges = () => posts().filter((call) => call.args.channel === SIILO_OWNER && textOf(call).includes("Siilo"));
    expect(siiloNudges()).toHaveLength(1);
    await runAt("2027-01-04T08:00:00Z");
    await standIn.waitForCall(
      "chat.postMessage",
      (call) => textOf(call).includes("Herinnering") && textOf(call).includes("Siilo"),
    );
    expect(siiloNudges()).toHaveLength(2);

    // Monday: "remind me next week" is Monday 11 January 09:00.
    clock.set("2027-01-04T09:30:00Z");
    await click(SIILO_OWNER, "retention_snooze_week", reviewId, where);
    const reminders = await until(
      () => jobs("retention.reminder"),
      (rows) => rows.length === 2,
    );
    expect(reminders.map((job) => [job.status, job.dueAt.toISOString()])).toEqual([
      ["done", "2027-01-04T08:00:00.000Z"],
      ["pending", "2027-01-11T08:00:00.000Z"],
    ]);

    // Done: recorded with who and when; the reminder and the escalation stay silent.
    clock.set("2027-01-05T10:00:00Z");
    await click(SIILO_OWNER, "retention_done", reviewId, where);
    const review = await until(
      () => harness.database.prisma.retentionReview.findUniqueOrThrow({ where: { id: reviewId } }),
      (row) => row.completedAt !== null,
    );
    expect([review.completedBy, review.completedAt?.toISOString()]).toEqual([
      slackPerson(SIILO_OWNER),
      "2027-01-05T10:00:00.000Z",
    ]);
    await standIn.waitForCall("chat.update", (call) => textOf(call).includes("afgerond door"));
    await runAt("2027-01-11T08:00:00Z");
    expect(siiloNudges()).toHaveLength(2);

    // Two weeks after the nudge (Friday 15 January 09:00): management hears of the eight unconfirmed reviews.
    await runAt("2027-01-15T07:59:00Z");
    expect(
      posts().filter((call) => call.args.channel === MANAGEMENT_CHANNEL && textOf(call).includes("niet bevestigd")),
    ).toHaveLength(0);
    await runAt("2027-01-15T08:00:00Z");
    const escalations = posts().filter(
      (call) => call.args.channel === MANAGEMENT_CHANNEL && textOf(call).includes("niet bevestigd"),
    );
    expect(escalations).toHaveLength(8);
    expect(escalations.some((call) => textOf(call).includes("Siilo"))).toBe(false);

    // The record of who did what, and the next quarter already scheduled.
    const events = await harness.database.prisma.dutyEvent.findMany({
      where: { subject: "siilo:2027-Q1" },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.kind, event.actorId])).toEqual([
      ["nudged", "bot"],
      ["refused", slackPerson(STAFF_ID)],
      ["snoozed", slackPerson(SIILO_OWNER)],
      ["reminded", "bot"],
      ["snoozed", slackPerson(SIILO_OWNER)],
      ["done", slackPerson(SIILO_OWNER)],
    ]);
    const nextQuarter = await harness.database.prisma.scheduledJob.findUniqueOrThrow({
      where: { dedupeKey: "retention:siilo:2027-Q2" },
    });
    expect(nextQuarter.dueAt.toISOString()).toBe("2027-04-01T07:00:00.000Z");
  });

  it("asks for the yearly evaluation on 1 February with last year's summary, weekly until recorded", async () => {
    await start();
    // One incident in 2026, reported by staff.
    const discovered = Math.floor(NOW.getTime() / 1000) - 3600;
    await harness.slack.viewSubmission({
      userId: STAFF_ID,
      view: {
        id: "V0DUTYREPORT",
        callback_id: "datalek_report",
        state: {
          values: reportModalState({
            what_happened: "Synthetisch voorbeeld: lijst met initialen op de printer laten liggen.",
            discovered_at: discovered,
            system: "paper",
            data_kinds: ["identity_contact"],
            people_affected: "4",
            stopped: "yes",
            recipient: "known",
          }),
        },
      },
    });
    expect(await harness.database.prisma.incident.count()).toBe(1);

    await runAt("2027-02-01T07:59:00Z");
    const asked = () => posts().filter((call) => textOf(call).includes("Jaarlijkse evaluatie 2027"));
    expect(asked()).toHaveLength(0);
    await runAt("2027-02-01T08:00:00Z");
    await standIn.waitForCall("chat.postMessage", (call) => textOf(call).includes("Jaarlijkse evaluatie 2027"));
    expect(
      asked()
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual([MANAGEMENT_CHANNEL, DPO_ID, SECOND_DPO_ID].sort());
    const request = asked().find((call) => call.args.channel === MANAGEMENT_CHANNEL)!;
    expect(textOf(request)).toContain("Incidenten in 2026:* 1");
    expect(textOf(request)).toContain("dataverkeerbeleid");
    expect(textOf(request)).toContain("verwerkingsregister");
    expect(textOf(request)).toContain("beveiligingsmaatregelen");
    expect(textOf(request)).toContain("procedure bij datalekken");
    expect(textOf(request)).not.toContain("printer");
    expect(buttonsOf(request).map((button) => [button.action_id, button.value])).toEqual([["policy_evaluation_done", "2027"]]);

    // A week later, unrecorded: asked again.
    await runAt("2027-02-08T08:00:00Z");
    expect(asked()).toHaveLength(6);

    // Staff in a direct message may not record it; a click in the management channel may.
    const dm = asked().find((call) => call.args.channel === DPO_ID)!;
    await click(STAFF_ID, "policy_evaluation_done", "2027", {
      channel: dm.response!.channel as string,
      ts: dm.response!.ts as string,
    });
    await answeredByDm(standIn, STAFF_ID, /evaluatie/i);
    expect((await harness.database.prisma.policyEvaluation.findUniqueOrThrow({ where: { year: 2027 } })).completedAt).toBeNull();
    clock.set("2027-02-09T10:00:00Z");
    await click("U0MANAGER1", "policy_evaluation_done", "2027", {
      channel: MANAGEMENT_CHANNEL,
      ts: request.response!.ts as string,
    });
    const evaluation = await until(
      () => harness.database.prisma.policyEvaluation.findUniqueOrThrow({ where: { year: 2027 } }),
      (row) => row.completedAt !== null,
    );
    expect([evaluation.completedBy, evaluation.completedAt?.toISOString()]).toEqual([
      slackPerson("U0MANAGER1"),
      "2027-02-09T10:00:00.000Z",
    ]);

    // The weekly repeat stops; next year's request stays.
    await runAt("2027-02-15T08:00:00Z");
    await runAt("2027-02-22T08:00:00Z");
    expect(asked()).toHaveLength(6);
    const pending = await harness.database.prisma.scheduledJob.findMany({
      where: { kind: "policy_evaluation.request", status: "pending" },
    });
    expect(pending.map((job) => [job.dedupeKey, job.dueAt.toISOString()])).toEqual([
      ["policy-evaluation:2028:0", "2028-02-01T08:00:00.000Z"],
    ]);
  });

  it("accepts only MANAGEMENT_USER_IDS (and DPOs) when it is set", async () => {
    await start({ MANAGEMENT_USER_IDS: "U0MANAGER1" });
    await runAt("2027-02-01T08:00:00Z");
    const request = await standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.channel === MANAGEMENT_CHANNEL && textOf(call).includes("Jaarlijkse evaluatie 2027"),
    );
    await click("U0SOMEONE1", "policy_evaluation_done", "2027", {
      channel: MANAGEMENT_CHANNEL,
      ts: request.response!.ts as string,
    });
    await standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === "U0SOMEONE1");
    await click("U0MANAGER1", "policy_evaluation_done", "2027", {
      channel: MANAGEMENT_CHANNEL,
      ts: request.response!.ts as string,
    });
    const recorded = await until(
      () => harness.database.prisma.policyEvaluation.findUniqueOrThrow({ where: { year: 2027 } }),
      (row) => row.completedAt !== null,
    );
    expect(recorded.completedBy).toBe(slackPerson("U0MANAGER1"));
    const events = await harness.database.prisma.dutyEvent.findMany({
      where: { duty: "policy_evaluation" },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.kind, event.actorId])).toEqual([
      ["requested", "bot"],
      ["refused", slackPerson("U0SOMEONE1")],
      ["done", slackPerson("U0MANAGER1")],
    ]);
  });

  it("sends the weekly digest to management on Monday 09:00", async () => {
    await start();
    await runAt("2026-11-30T07:59:00Z");
    const digests = () => posts().filter((call) => textOf(call).includes("Weekoverzicht"));
    expect(digests()).toHaveLength(0);
    await runAt("2026-11-30T08:00:00Z");
    await standIn.waitForCall("chat.postMessage", (call) => textOf(call).includes("Weekoverzicht"));
    expect(digests().map((call) => call.args.channel)).toEqual([MANAGEMENT_CHANNEL]);
    expect(textOf(digests()[0]!)).toContain("Open incidenten (0)");
    const next = await harness.database.prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: "digest:2026-12-07" } });
    expect(next.dueAt.toISOString()).toBe("2026-12-07T08:00:00.000Z");
  });

  it("sends no digest when WEEKLY_DIGEST=off", async () => {
    await start({ WEEKLY_DIGEST: "off" });
    expect(await jobs("digest.weekly")).toHaveLength(0);
    await runAt("2026-11-30T08:00:00Z");
    await runAt("2026-12-07T08:00:00Z");
    expect(posts().filter((call) => textOf(call).includes("Weekoverzicht"))).toHaveLength(0);
  });

  it("shows the register to staff with /datalek register", async () => {
    await start();
    const all = await harness.slack.slashCommand({ userId: STAFF_ID, text: "register" });
    expect(all.body).toMatchObject({ response_type: "ephemeral" });
    const text = JSON.stringify(all.body);
    for (const name of [
      "Carefriend",
      "Yorganizr",
      "Zivver",
      "NAS",
      "Siilo",
      "Colabaris",
      "Kloksystemen",
      "Noodkaarten",
      "Aanwezigheidsapp",
    ])
      expect(text).toContain(name);
    expect(text).toContain("6 maanden na laatste bericht");
    const one = await harness.slack.slashCommand({ userId: STAFF_ID, text: "systemen siilo" });
    const detail = JSON.stringify(one.body);
    for (const column of [
      "Soorten gegevens",
      "Gegevensverkeer",
      "Beveiligingsmaatregelen",
      "Betrokkenen",
      "Bewaartermijn",
      "Eigenaar",
    ])
      expect(detail).toContain(column);
    expect(detail).toContain("End-to-end encryptie");
  });
});
