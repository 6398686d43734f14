// Roles and visibility, rate limits, replay and retry protection, and the
// settings audit, end to end over signed HTTP.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { verifyAuditChain } from "../../src/core/audit/verifyAuditChain.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { reportModalState, signSlackRequest } from "../support/slackRequests.ts";
import { SlackStandIn } from "../support/slackStandIn.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";
import {
  DPO_CHANNEL,
  DPO_ID,
  STAFF_ID,
  startTestBot,
  startWorkspaceStandIn,
  TEST_SIGNING_SECRET,
  type TTestBot,
} from "../support/startTestBot.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
const REPORT_TEXT = "Synthetisch: rooster met adressen Merel-5T8 op een openbare printer laten liggen.";
const MANAGER_ID = "U0MANAGE1";
const ADMIN_ID = "U0ADMIN01";
const OTHER_STAFF_ID = "U0STAFF02";

const fields = (overrides: Record<string, unknown> = {}) => ({
  what_happened: REPORT_TEXT,
  discovered_at: Math.floor(NOW.getTime() / 1000) - 3600,
  system: "zivver",
  data_kinds: ["identity_contact"],
  people_affected: "4",
  stopped: "yes",
  recipient: "unknown",
  ...overrides,
});

describe.each(DATABASE_KINDS)("security end to end on %s", (kind) => {
  let standIn: SlackStandIn;
  let testDatabase: TTestDatabase;
  let harness: TTestBot;
  let clock: ManualClock;
  let views = 0;
  const settings = { MANAGEMENT_USER_IDS: MANAGER_ID, ADMIN_USER_IDS: ADMIN_ID };

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
    harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock, settings });
  });
  afterEach(async () => {
    await harness.stop();
    await testDatabase.drop();
  });

  const submit = (userId = STAFF_ID, overrides: Record<string, unknown> = {}) =>
    harness.slack.viewSubmission({
      userId,
      view: {
        id: `V0SEC${++views}`,
        callback_id: "datalek_report",
        state: { values: reportModalState(fields(overrides) as never) },
      },
    });

  const audit = (action: string) => harness.database.prisma.auditEntry.findMany({ where: { action }, orderBy: { seq: "asc" } });

  it("shows the full report to a DPO, admin and the reporter, a summary to management, and refuses others", async () => {
    await submit();
    const post = await standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL);
    // The channel post has the details button and no free text.
    const details = (post.args.blocks as { elements?: { action_id: string; value: string }[] }[])
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === "incident_details");
    expect(details?.value).toBe("DL-2026-0001");
    expect(JSON.stringify(post.args)).not.toContain("Merel-5T8");

    const click = (userId: string) =>
      harness.slack.blockAction({
        userId,
        channelId: DPO_CHANNEL,
        messageTs: post.response!.ts as string,
        actions: [{ action_id: "incident_details", value: "DL-2026-0001" }],
      });
    for (const userId of [DPO_ID, ADMIN_ID]) {
      await click(userId);
      const opened = await standIn.waitForCalls("views.open", userId === DPO_ID ? 1 : 2);
      const modal = JSON.stringify(opened.at(-1)!.args.view);
      expect(modal).toContain(REPORT_TEXT);
      expect(modal).toContain(`<@${STAFF_ID}>`);
    }
    // The reporter, by command, for their own report.
    await harness.slack.slashCommand({ userId: STAFF_ID, text: "details dl-2026-0001" });
    const own = JSON.stringify((await standIn.waitForCalls("views.open", 3))[2]!.args.view);
    expect(own).toContain(REPORT_TEXT);
    // Management: a summary without the free text.
    await harness.slack.slashCommand({ userId: MANAGER_ID, text: "details DL-2026-0001" });
    const summary = JSON.stringify((await standIn.waitForCalls("views.open", 4))[3]!.args.view);
    expect(summary).toContain("DL-2026-0001");
    expect(summary).not.toContain("Merel-5T8");
    expect(summary).not.toContain(STAFF_ID);

    // Anyone else: refused, ephemerally, and recorded. The button is
    // answered in its channel; the command in its acknowledgement (an
    // ephemeral post in a channel the bot is not in would be refused).
    await click(OTHER_STAFF_ID);
    const byCommand = await harness.slack.slashCommand({ userId: OTHER_STAFF_ID, text: "details DL-2026-0001" });
    const [byButton] = await standIn.waitForCalls("chat.postEphemeral", 1);
    expect(byButton!.args.user).toBe(OTHER_STAFF_ID);
    expect(byCommand.body).toMatchObject({ response_type: "ephemeral" });
    for (const text of [String(byButton!.args.text), (byCommand.body as { text: string }).text]) {
      expect(text).toMatch(/alleen voor de privacyfunctionaris/);
      expect(text).not.toContain("Merel-5T8");
    }
    expect(standIn.callsTo("views.open")).toHaveLength(4);

    const viewed = await audit("details_viewed");
    expect(viewed.map((entry) => [entry.actorId, (entry.details as { access: string }).access])).toEqual([
      [slackPerson(DPO_ID), "full"],
      [slackPerson(ADMIN_ID), "full"],
      [slackPerson(STAFF_ID), "own"],
      [slackPerson(MANAGER_ID), "summary"],
    ]);
    const refused = await audit("details_refused");
    expect(refused.map((entry) => [entry.actorId, (entry.details as { via: string }).via])).toEqual([
      [slackPerson(OTHER_STAFF_ID), "button"],
      [slackPerson(OTHER_STAFF_ID), "command"],
    ]);
    expect(await verifyAuditChain(harness.database.prisma)).toMatchObject({ ok: true });
  });

  it("limits reports to 10 per user per hour, answering in the modal", async () => {
    for (let index = 0; index < 10; index++) expect((await submit()).body).toMatchObject({ response_action: "update" });
    const eleventh = await submit();
    expect(eleventh.body).toMatchObject({ response_action: "errors" });
    expect((eleventh.body as { errors: Record<string, string> }).errors.what_happened).toMatch(/afgelopen uur/);
    // Someone else may still report; and an hour later the reporter may too.
    expect((await submit(OTHER_STAFF_ID)).body).toMatchObject({ response_action: "update" });
    clock.advanceMinutes(61);
    expect((await submit()).body).toMatchObject({ response_action: "update" });
    expect(await harness.database.prisma.incident.count()).toBe(12);
  });

  it("acts once on a replayed signed request", async () => {
    const body = new URLSearchParams({
      token: "x",
      team_id: "T0TEAM",
      channel_id: "C0GENERAL",
      user_id: STAFF_ID,
      command: "/datalek",
      text: "",
      response_url: standIn.newResponseUrl(),
      trigger_id: standIn.issueTriggerId(),
    }).toString();
    const headers = { "content-type": "application/x-www-form-urlencoded", ...signSlackRequest(TEST_SIGNING_SECRET, body) };
    const first = await fetch(`${harness.url}/slack/events`, { method: "POST", headers, body });
    const second = await fetch(`${harness.url}/slack/events`, { method: "POST", headers, body });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    await standIn.waitForCalls("views.open", 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standIn.callsTo("views.open")).toHaveLength(1);
  });

  it("processes an Events API event once, also when Slack retries it, and processes a retry of a failed one", async () => {
    const seen: string[] = [];
    let failNext = true;
    harness.bot.slack.app.event("app_home_opened", async ({ body }) => {
      const id = (body as { event_id: string }).event_id;
      if (id === "Ev0FAILS" && failNext) {
        failNext = false;
        throw new Error("simulated failure");
      }
      seen.push(id);
    });
    const send = async (eventId: string, retryNum?: number) => {
      const body = JSON.stringify({
        token: "x",
        team_id: "T0TEAM",
        api_app_id: "A0DATALEK",
        type: "event_callback",
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "app_home_opened", user: STAFF_ID, channel: "D0STAFF01", tab: "home", event_ts: "1.2" },
        authorizations: [{ team_id: "T0TEAM", user_id: "U0BOT", is_bot: true }],
      });
      const response = await fetch(`${harness.url}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          // Slack signs each retry anew, with its own timestamp.
          ...signSlackRequest(TEST_SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - (retryNum ?? 0)),
          ...(retryNum ? { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
        },
        body,
      });
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 150));
    };
    await send("Ev0ONCE");
    await send("Ev0ONCE", 1);
    await send("Ev0ONCE", 2);
    await send("Ev0OTHER");
    await send("Ev0FAILS");
    await send("Ev0FAILS", 1);
    expect(seen.filter((id) => id === "Ev0ONCE")).toHaveLength(1);
    expect(seen.filter((id) => id === "Ev0OTHER")).toHaveLength(1);
    expect(seen.filter((id) => id === "Ev0FAILS")).toHaveLength(1);
  });

  it("records the settings at the first start and a change of roles at a later start", async () => {
    // Restarts need a database that outlives the bot: PGlite on disk.
    await harness.stop();
    await testDatabase.drop();
    const dataDir = kind === "pglite" ? fs.mkdtempSync(path.join(os.tmpdir(), "datalek-settings-")) : undefined;
    onTestFinished(() => {
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });
    testDatabase = await createTestDatabase(kind, dataDir ? path.join(dataDir, "pglite") : undefined);
    harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock, settings });
    const first = await audit("settings_changed");
    expect(first).toHaveLength(1);
    expect(JSON.stringify(first[0]!.details)).not.toContain("xoxb-test-token");
    expect(JSON.stringify(first[0]!.details)).not.toContain(TEST_SIGNING_SECRET);
    await harness.stop();
    // Same settings: nothing new.
    harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock, settings });
    expect(await audit("settings_changed")).toHaveLength(1);
    await harness.stop();
    harness = await startTestBot({
      databaseOptions: testDatabase.options,
      standIn,
      clock,
      settings: { ...settings, MANAGEMENT_USER_IDS: `${MANAGER_ID},U0MANAGE2` },
    });
    const entries = await audit("settings_changed");
    expect(entries).toHaveLength(2);
    expect((entries[1]!.details as { changed: string[] }).changed).toEqual(["MANAGEMENT_USER_IDS"]);
  });
});
