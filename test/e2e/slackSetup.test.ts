// The Slack setup as an installer meets it, against the strict stand-in: a
// token Slack refuses stops the start naming SLACK_BOT_TOKEN; Slack
// unreachable at start is only a warning; a bot that is not in the DPO
// channel says so (log, /healthz, a DM to each DPO) and still pages each DPO
// by DM; a permanent error parks messages until an administrator fixes the
// cause and sends them again.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { startFromEnvironment } from "../../src/app/startFromEnvironment.ts";
import type { RecordedCall, SlackStandIn } from "../support/slackStandIn.ts";
import {
  DPO_CHANNEL,
  DPO_ID,
  SECOND_DPO_ID,
  STAFF_ID,
  startTestBot,
  startWorkspaceStandIn,
  TEST_ENCRYPTION_KEY,
  TEST_SIGNING_SECRET,
  type TTestBot,
} from "../support/startTestBot.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";
import { submitReport } from "./homeSupport.ts";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");

type THealth = { status: string; reasons?: { code: string; setting?: string; count?: number; message: string }[] };

async function health(harness: TTestBot): Promise<{ status: number; body: THealth }> {
  const response = await fetch(`${harness.url}/healthz`);
  return { status: response.status, body: (await response.json()) as THealth };
}

async function waitForHealth(harness: TTestBot, predicate: (body: THealth) => boolean, timeoutMs = 5000): Promise<THealth> {
  const until = Date.now() + timeoutMs;
  let last: THealth | undefined;
  while (Date.now() < until) {
    last = (await health(harness)).body;
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`health never matched; last: ${JSON.stringify(last)}`);
}

const dmTo = (standIn: SlackStandIn, userId: string) => (call: RecordedCall) =>
  call.args.channel === userId || call.args.channel === standIn.dmChannelFor(userId);

describe("a token Slack refuses stops the start, naming SLACK_BOT_TOKEN", () => {
  let standIn: SlackStandIn;
  const lines: string[] = [];
  const originalError = console.error;
  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(() => {
    standIn.clear();
    standIn.setTokenState("ok");
    lines.length = 0;
    console.error = (...parts: unknown[]) => lines.push(parts.join(" "));
  });
  afterEach(() => {
    console.error = originalError;
  });

  const environment = (overrides: Record<string, string> = {}) => ({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: standIn.url,
    PORT: "0",
    DPO_USER_IDS: `${DPO_ID},${SECOND_DPO_ID}`,
    DPO_CHANNEL_ID: DPO_CHANNEL,
    MANAGEMENT_CHANNEL_ID: "C0MANAGEM",
    LOG_LEVEL: "silent",
    DATALEK_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    // A PostgreSQL database that does not exist: the start must stop before it is needed.
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/datalek_never_created",
    ...overrides,
  });

  it.each([
    ["a token of another workspace", "xoxb-another-workspace", "ok", "invalid_auth"],
    ["a revoked token", "xoxb-test-token", "revoked", "token_revoked"],
    ["a token of a deactivated workspace", "xoxb-test-token", "inactive", "account_inactive"],
  ] as const)("%s", async (_name, token, state, error) => {
    standIn.setTokenState(state);
    const exitCode = await startFromEnvironment(environment({ SLACK_BOT_TOKEN: token }));
    expect(exitCode).toBe(1);
    const named = lines.filter((line) => line.includes("SLACK_BOT_TOKEN"));
    expect(named, lines.join("\n")).toHaveLength(1);
    expect(named[0]).toContain(error);
    // Slack was asked, and refused it.
    expect(standIn.callsTo("auth.test").map((call) => call.error)).toEqual([error]);
  });
});

describe.each(DATABASE_KINDS)("the Slack setup while the bot runs, on %s", (kind) => {
  let standIn: SlackStandIn;
  let testDatabase: TTestDatabase;
  let harness: TTestBot | undefined;
  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(async () => {
    standIn.clear();
    standIn.setTokenState("ok");
    standIn.setBotMembership(DPO_CHANNEL, true);
    testDatabase = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
    await testDatabase.drop();
  });

  let clock: ManualClock;
  const start = async () => {
    clock = new ManualClock(NOW);
    return (harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock }));
  };

  it("starts while Slack is unreachable, takes reports, and sends them once Slack is back", async () => {
    standIn.setDown(true);
    const bot = await start();
    expect((await submitReport(bot, NOW)).body).toMatchObject({ response_action: "update" });
    expect((await health(bot)).body.reasons?.map((reason) => reason.code)).toContain("slack_unreachable");
    standIn.setDown(false);
    // The outbox retries after its back-off, counted from when it recorded the
    // failure, which on a loaded machine may come after this line: so the
    // test clock keeps moving as real time would (10 s every 250 ms; the
    // re-page after 30 minutes stays far off), not one jump that the back-off
    // could land behind.
    const ticking = setInterval(() => clock.advance(10_000), 250);
    try {
      await standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL, 15_000);
      for (const dpo of [DPO_ID, SECOND_DPO_ID]) await standIn.waitForCall("chat.postMessage", dmTo(standIn, dpo), 15_000);
    } finally {
      clearInterval(ticking);
    }
  });

  it("not in the DPO channel: says so on /healthz and to each DPO, and still pages each DPO by DM", async () => {
    standIn.setBotMembership(DPO_CHANNEL, false);
    const bot = await start();
    // Each DPO is told what is wrong and what to type.
    for (const dpo of [DPO_ID, SECOND_DPO_ID]) {
      const notice = await standIn.waitForCall(
        "chat.postMessage",
        (call) => dmTo(standIn, dpo)(call) && String(call.args.text).includes("/invite @Datalek"),
      );
      expect(JSON.stringify(notice.args.blocks)).toContain(`<#${DPO_CHANNEL}>`);
    }
    const degraded = await waitForHealth(bot, (body) => body.status === "degraded");
    const reason = degraded.reasons!.find((candidate) => candidate.setting === "DPO_CHANNEL_ID");
    // A private channel the bot is not in is invisible to it: channel_not_found.
    expect(reason?.code).toBe("channel_not_found");
    expect(reason?.message).toContain("/invite @Datalek");

    // A report still pages each DPO in their DM; the channel post is parked, not retried for ever.
    await submitReport(bot, NOW);
    for (const dpo of [DPO_ID, SECOND_DPO_ID]) {
      const page = await standIn.waitForCall(
        "chat.postMessage",
        (call) => dmTo(standIn, dpo)(call) && String(call.args.text).includes("DL-2026-0001"),
      );
      expect(page.args.blocks).toBeDefined();
    }
    const refused = standIn.callsTo("chat.postMessage").filter((call) => call.args.channel === DPO_CHANNEL);
    expect(refused.map((call) => call.error)).toEqual(["channel_not_found"]);
    const parked = await waitForHealth(bot, (body) => body.reasons?.some((r) => r.code === "parked_messages") ?? false);
    expect(parked.reasons!.find((r) => r.code === "parked_messages")!.count).toBe(1);
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    expect(metrics).toMatch(/datalek_slack_channel_usable\{setting="DPO_CHANNEL_ID"\} 0/);

    // The administrator invites the bot: Slack sends member_joined_channel; the parked post goes out.
    standIn.setBotMembership(DPO_CHANNEL, true);
    await bot.slack.event({ userId: standIn.botUserId, type: "member_joined_channel", channelId: DPO_CHANNEL });
    await standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL && !call.failed);
    await waitForHealth(bot, (body) => body.status === "ok");
    // Told once: the second check did not DM the DPOs again.
    const notices = standIn
      .successfulCallsTo("chat.postMessage")
      .filter((call) => String(call.args.text).includes("/invite @Datalek"));
    expect(notices).toHaveLength(2);
  });

  it("parks messages after a permanent error, shows it to the DPO, and sends them when asked after the fix", async () => {
    const bot = await start();
    await waitForHealth(bot, (body) => body.status === "ok");
    standIn.setTokenState("revoked");
    await submitReport(bot, NOW);
    const degraded = await waitForHealth(
      bot,
      (body) => (body.reasons?.find((r) => r.code === "parked_messages")?.count ?? 0) >= 4,
    );
    expect(degraded.status).toBe("degraded");
    // Parked, not retried, even much later: the refused calls of these messages stop.
    // (An hour on, the re-page is due: new messages, refused too, but not retries.)
    const parked = new Set(
      (await bot.database.prisma.outboxMessage.findMany({ where: { status: "failed" } })).map((row) => String(row.id)),
    );
    expect(parked.size).toBeGreaterThanOrEqual(4);
    const refused = () =>
      standIn
        .callsTo("chat.postMessage")
        .filter(
          (call) =>
            call.error === "token_revoked" &&
            parked.has(
              String((call.args.metadata as { event_payload?: { outbox_id?: string } } | undefined)?.event_payload?.outbox_id),
            ),
        ).length;
    const refusedBefore = refused();
    expect(refusedBefore).toBe(parked.size);
    clock.advanceHours(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(refused()).toBe(refusedBefore);

    // A new token is installed; the DPO presses "Opnieuw versturen" on the Home tab.
    standIn.setTokenState("ok");
    const home = await bot.slack.event({ userId: DPO_ID });
    expect(home.status).toBe(200);
    const published = await standIn.waitForCall(
      "views.publish",
      (call) => call.args.user_id === DPO_ID && JSON.stringify(call.args.view).includes("home_outbox_retry"),
    );
    expect(JSON.stringify(published.args.view)).toContain("token_revoked");
    await bot.slack.blockAction({
      userId: DPO_ID,
      actions: [{ action_id: "home_outbox_retry", value: "retry" }],
      view: { id: "V0HOME", callback_id: "datalek_home", type: "home" },
    });
    await standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL && !call.failed);
    for (const user of [DPO_ID, SECOND_DPO_ID, STAFF_ID])
      await standIn.waitForCall("chat.postMessage", (call) => dmTo(standIn, user)(call) && !call.failed);
    await waitForHealth(bot, (body) => body.status === "ok");
  });
});
