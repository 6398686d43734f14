// Socket Mode end to end: the real bot (SLACK_APP_TOKEN set) connects to a
// local stand-in of Slack's Socket Mode over a real WebSocket, and reports
// arrive as envelopes the bot must acknowledge. It survives a refresh, a
// dropped connection and a failed apps.connections.open, handles a
// redelivered envelope once, and a wrong app token stops its start with
// a line naming SLACK_APP_TOKEN.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { createBot, SlackSetupError } from "../../src/app/createBot.ts";
import { pino } from "pino";
import { SocketModeStandIn, type TSocketModeDeliveryResult } from "../../src/devtools/slack/socketModeStandIn.ts";
import { reportModalState, SlackClientSimulator } from "../support/slackRequests.ts";
import type { RecordedCall, SlackStandIn } from "../support/slackStandIn.ts";
import {
  DPO_CHANNEL,
  DPO_ID,
  SECOND_DPO_ID,
  STAFF_ID,
  startTestBot,
  startWorkspaceStandIn,
  testRegister,
  testSettings,
  type TTestBot,
} from "../support/startTestBot.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";
import { openDatabase } from "../../src/core/storage/openDatabase.ts";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function report(slack: SlackClientSimulator, viewId: string) {
  return slack.viewSubmission({
    userId: STAFF_ID,
    view: {
      id: viewId,
      callback_id: "datalek_report",
      state: {
        values: reportModalState({
          what_happened: "Overdrachtslijst in de verkeerde groepsapp gedeeld (synthetisch voorbeeld).",
          discovered_at: seconds(new Date(NOW.getTime() - 3_600_000)),
          system: "siilo",
          data_kinds: ["health"],
          people_affected: "4",
          stopped: "yes",
          recipient: "known",
        }),
      },
    },
  });
}

const dmTo = (standIn: SlackStandIn, userId: string) => (call: RecordedCall) =>
  call.args.channel === userId || call.args.channel === standIn.dmChannelFor(userId);

describe.each(DATABASE_KINDS)("Socket Mode on %s", (kind) => {
  let standIn: SlackStandIn;
  let socketMode: SocketModeStandIn;
  let testDatabase: TTestDatabase;
  let harness: TTestBot;
  let slack: SlackClientSimulator;

  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(async () => {
    standIn.clear();
    socketMode = await SocketModeStandIn.start();
    standIn.attachSocketMode(socketMode);
    testDatabase = await createTestDatabase(kind);
    harness = await startTestBot({
      databaseOptions: testDatabase.options,
      standIn,
      clock: new ManualClock(NOW),
      settings: { SLACK_APP_TOKEN: standIn.appToken, SLACK_SIGNING_SECRET: "" },
    });
    slack = new SlackClientSimulator({
      signingSecret: "unused-in-socket-mode",
      delivery: socketMode,
      newTriggerId: () => standIn.issueTriggerId(),
      responseUrl: () => standIn.newResponseUrl(),
    });
  });
  afterEach(async () => {
    await harness.stop();
    await socketMode.waitForNoConnection(2000).catch(() => undefined);
    await socketMode.close();
    standIn.detachSocketMode();
    await testDatabase.drop();
  });

  const pagedEveryone = async (reference: string) => {
    await standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.channel === DPO_CHANNEL && String(call.args.text).includes(reference),
    );
    for (const user of [DPO_ID, SECOND_DPO_ID, STAFF_ID])
      await standIn.waitForCall(
        "chat.postMessage",
        (call) => dmTo(standIn, user)(call) && String(call.args.text).includes(reference),
      );
  };

  it("opens the modal and takes a report over the socket, paging the DPO channel, each DPO and the reporter", async () => {
    // The connection was opened with the app-level token.
    expect(standIn.successfulCallsTo("apps.connections.open").map((call) => call.token)).toEqual([standIn.appToken]);
    const command = await slack.slashCommand({ userId: STAFF_ID, text: "" });
    expect(command.status).toBe(200);
    const [opened] = await standIn.waitForCalls("views.open", 1);
    expect((opened!.args.view as { callback_id: string }).callback_id).toBe("datalek_report");

    const submitted = await report(slack, "V0SOCKET1");
    // The answer to a view submission travels in the acknowledgement's payload.
    expect(submitted.body).toMatchObject({ response_action: "update" });
    expect(JSON.stringify(submitted.body)).toContain("DL-2026-0001");
    await pagedEveryone("DL-2026-0001");
    // /healthz is served on PORT in Socket Mode too.
    expect((await fetch(`${harness.url}/healthz`)).status).toBe(200);
  });

  it("reconnects after refresh_requested and after a dropped connection, and handles the next report once", async () => {
    const accepted = socketMode.connectionsAccepted;
    socketMode.requestRefresh();
    await socketMode.waitForConnection(15_000, { nth: accepted + 1 });
    expect((await report(slack, "V0SOCKET2")).body).toMatchObject({ response_action: "update" });
    await pagedEveryone("DL-2026-0001");

    socketMode.dropConnections();
    await socketMode.waitForConnection(15_000, { nth: accepted + 2 });
    expect((await report(slack, "V0SOCKET3")).body).toMatchObject({ response_action: "update" });
    await pagedEveryone("DL-2026-0002");
    expect(await harness.database.prisma.incident.count()).toBe(2);
  });

  it("keeps trying when apps.connections.open fails during a refresh, instead of exiting", async () => {
    const accepted = socketMode.connectionsAccepted;
    standIn.failNext("apps.connections.open", { status: 500 }, 2);
    socketMode.requestRefresh();
    await socketMode.waitForConnection(30_000, { nth: accepted + 1 });
    expect(standIn.callsTo("apps.connections.open").filter((call) => call.status === 500)).toHaveLength(2);
    expect((await report(slack, "V0SOCKET4")).body).toMatchObject({ response_action: "update" });
    await pagedEveryone("DL-2026-0001");
  }, 60_000);

  it("creates one incident when Slack delivers the same submission twice", async () => {
    const first = await report(slack, "V0SOCKET5");
    expect(first.body).toMatchObject({ response_action: "update" });
    const again = await socketMode.redeliver((first as TSocketModeDeliveryResult).envelopeId);
    // The second delivery is acknowledged with the same reference.
    expect(JSON.stringify(again.body)).toContain("DL-2026-0001");
    await pagedEveryone("DL-2026-0001");
    expect(await harness.database.prisma.incident.count()).toBe(1);
    expect(standIn.successfulCallsTo("chat.postMessage").filter((call) => call.args.channel === DPO_CHANNEL)).toHaveLength(1);
  });
});

describe("a wrong SLACK_APP_TOKEN", () => {
  it("stops the start with a line naming SLACK_APP_TOKEN", async () => {
    const standIn = await startWorkspaceStandIn();
    const socketMode = await SocketModeStandIn.start();
    standIn.attachSocketMode(socketMode);
    const testDatabase = await createTestDatabase("pglite");
    const database = await openDatabase(testDatabase.options);
    try {
      await migrateDatabase(database);
      const bot = createBot({
        settings: testSettings(standIn.url, { SLACK_APP_TOKEN: "xapp-1-A0OTHER-wrong", SLACK_SIGNING_SECRET: "" }),
        database,
        clock: new ManualClock(NOW),
        logger: pino({ level: "silent" }),
        register: testRegister(),
      });
      const failure = await bot.start().then(
        () => undefined,
        (error: unknown) => error,
      );
      await bot.stop();
      expect(failure).toBeInstanceOf(SlackSetupError);
      expect((failure as Error).message).toMatch(/^SLACK_APP_TOKEN is not accepted by Slack \(invalid_auth\)/);
      expect(socketMode.connectionsAccepted).toBe(0);
    } finally {
      await database.close();
      await socketMode.close();
      await standIn.close();
    }
  });
});
