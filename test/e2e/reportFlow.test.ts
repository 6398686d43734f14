// The report flow end to end: signed requests over HTTP to the real bot,
// a real database (PGlite and the PostgreSQL server), and the Slack
// stand-in recording what the bot sends.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { ManualClock } from "../../src/core/time/clock.ts";
import { reportModalState } from "../support/slackRequests.ts";
import { createTestDatabase, DATABASE_KINDS } from "../support/testDatabases.ts";
import { DPO_CHANNEL, DPO_ID, SECOND_DPO_ID, STAFF_ID, startTestBot, startWorkspaceStandIn } from "../support/startTestBot.ts";

// Monday 23 November 2026, 10:00 in Amsterdam (CET, UTC+1).
const NOW = new Date("2026-11-23T09:00:00Z");
const DESCRIPTION = "Zorgplan van een client per ongeluk naar de verkeerde ouder gemaild (synthetisch voorbeeld).";
const ENGLISH_SPEAKER = "U0ENGLISH1";
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function validFields(overrides: Record<string, unknown> = {}) {
  return {
    what_happened: DESCRIPTION,
    discovered_at: seconds(new Date(NOW.getTime() - 2 * 3_600_000)),
    system: "zivver",
    data_kinds: ["health", "identity_contact"],
    people_affected: "3",
    stopped: "yes",
    recipient: "known",
    ...overrides,
  };
}

describe.each(DATABASE_KINDS)("report flow on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW });
  let viewCounter = 0;

  const submit = (fields: Record<string, unknown>, viewId = `V0REPORT${++viewCounter}`, userId = STAFF_ID) =>
    env.harness.slack.viewSubmission({
      userId,
      view: { id: viewId, callback_id: "datalek_report", state: { values: reportModalState(fields as never) } },
    });

  it("opens the report modal at once on /datalek", async () => {
    const triggerId = env.standIn.issueTriggerId();
    const response = await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "", triggerId });
    expect(response.status).toBe(200);
    const [call] = await env.standIn.waitForCalls("views.open", 1);
    expect(call!.args.trigger_id).toBe(triggerId);
    const view = call!.args.view as {
      callback_id: string;
      blocks: { block_id?: string; element?: { action_id: string; type: string } }[];
    };
    expect(view.callback_id).toBe("datalek_report");
    const inputs = view.blocks.filter((block) => block.element);
    expect(inputs.map((block) => block.block_id)).toEqual([
      "what_happened",
      "discovered_at",
      "occurred_at",
      "system",
      "data_kinds",
      "people_affected",
      "stopped",
      "recipient",
    ]);
    for (const block of inputs) expect(block.element!.action_id).toBe(block.block_id);
    const systemOptions = (
      inputs.find((block) => block.block_id === "system")!.element as unknown as { options: { value: string }[] }
    ).options;
    expect(systemOptions.map((option) => option.value)).toEqual(
      expect.arrayContaining(["carefriend", "siilo", "aanwezigheidsapp", "email", "paper", "other"]),
    );
    // The hint not to type names or BSNs is there.
    expect(JSON.stringify(view.blocks)).toMatch(/geen namen, BSN/);
  });

  it("speaks the user's own language once Slack has told it, without waiting for it on the ack path", async () => {
    env.standIn.setUserLocale(ENGLISH_SPEAKER, "en-US");
    await env.harness.slack.slashCommand({ userId: ENGLISH_SPEAKER, text: "" });
    // The first time the default (Dutch) is used and the locale is looked up meanwhile.
    const [first] = await env.standIn.waitForCalls("views.open", 1);
    expect(JSON.stringify(first!.args.view)).toContain("Datalek melden");
    await env.standIn.waitForCall("users.info", (call) => call.args.user === ENGLISH_SPEAKER);
    await env.harness.slack.slashCommand({ userId: ENGLISH_SPEAKER, text: "" });
    const second = (await env.standIn.waitForCalls("views.open", 2))[1]!;
    expect(JSON.stringify(second.args.view)).toContain("Report a data breach");
    const errors = await submit({}, "V0ENGLISH", ENGLISH_SPEAKER);
    expect((errors.body as { errors: Record<string, string> }).errors.what_happened).toBe("Please fill in this field.");
  });

  it("answers /datalek help and unknown text with the help, ephemerally", async () => {
    const help = await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "help" });
    expect(help.body).toMatchObject({ response_type: "ephemeral" });
    expect((help.body as { text: string }).text).toContain("/datalek");
    const unknown = await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "vliegtuig" });
    expect(unknown.body).toMatchObject({ response_type: "ephemeral" });
    expect((unknown.body as { text: string }).text).toContain("vliegtuig");
    expect(env.standIn.callsTo("views.open")).toHaveLength(0);
  });

  it("answers invalid input in the modal, field by field", async () => {
    const empty = await submit({});
    expect(empty.body).toMatchObject({ response_action: "errors" });
    const emptyErrors = (empty.body as { errors: Record<string, string> }).errors;
    for (const field of ["what_happened", "discovered_at", "system", "data_kinds", "people_affected", "stopped", "recipient"]) {
      expect(emptyErrors[field], field).toBeTruthy();
    }
    expect(emptyErrors.occurred_at).toBeUndefined();

    const wrong = await submit(
      validFields({
        what_happened: "x".repeat(3001),
        // Ten minutes ahead is more than clock skew.
        discovered_at: seconds(new Date(NOW.getTime() + 10 * 60_000)),
        people_affected: "12.5",
      }),
    );
    const wrongErrors = (wrong.body as { errors: Record<string, string> }).errors;
    expect(Object.keys(wrongErrors).sort()).toEqual(["discovered_at", "people_affected", "what_happened"]);

    const order = await submit(
      validFields({
        occurred_at: seconds(NOW),
        discovered_at: seconds(new Date(NOW.getTime() - 3_600_000)),
        people_affected: "10000001",
      }),
    );
    expect(Object.keys((order.body as { errors: Record<string, string> }).errors).sort()).toEqual([
      "occurred_at",
      "people_affected",
    ]);

    const negative = await submit(validFields({ people_affected: "-1" }));
    expect(Object.keys((negative.body as { errors: Record<string, string> }).errors)).toEqual(["people_affected"]);

    // Two minutes ahead is clock skew and accepted.
    const skew = await submit(validFields({ discovered_at: seconds(new Date(NOW.getTime() + 2 * 60_000)) }));
    expect(skew.body).toMatchObject({ response_action: "update" });
    expect(await env.harness.database.prisma.incident.count()).toBe(1);
  });

  it("records a valid report and pages the DPO channel, each DPO and the reporter", async () => {
    const response = await submit(validFields());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ response_action: "update" });
    expect(JSON.stringify(response.body)).toContain("DL-2026-0001");

    const incident = await env.harness.database.prisma.incident.findUniqueOrThrow({ where: { reference: "DL-2026-0001" } });
    const discovered = new Date(NOW.getTime() - 2 * 3_600_000);
    expect(incident.awarenessAt.toISOString()).toBe(discovered.toISOString());
    // 72 elapsed hours after awareness.
    expect(incident.deadlineAt.toISOString()).toBe("2026-11-26T07:00:00.000Z");
    const timeline = await env.harness.database.prisma.timelineEntry.findMany({ where: { incidentId: incident.id } });
    expect(timeline.map((entry) => [entry.kind, entry.actorId, entry.at.toISOString()])).toEqual([
      ["reported", slackPerson(STAFF_ID), NOW.toISOString()],
    ]);

    const posts = await env.standIn.waitForCalls("chat.postMessage", 4);
    const channelPost = posts.find((call) => call.args.channel === DPO_CHANNEL)!;
    expect(channelPost).toBeDefined();
    const channelText = JSON.stringify(channelPost.args);
    expect(channelText).toContain("DL-2026-0001");
    expect(channelText).toContain("Zivver");
    // Deadline in Amsterdam time: 26 Nov 2026 08:00 CET, with the time left.
    expect(channelText).toContain("26 nov 2026 08:00");
    expect(channelText).toContain("(nog 70 uur)");
    // No free text from the report in a channel message.
    expect(channelText).not.toContain("verkeerde ouder");
    const take = (channelPost.args.blocks as { elements?: { action_id: string; value: string }[] }[])
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === "incident_take");
    expect(take?.value).toBe("DL-2026-0001");

    for (const dpo of [DPO_ID, SECOND_DPO_ID]) {
      const page = posts.find((call) => call.args.channel === dpo);
      expect(page, dpo).toBeDefined();
      expect(JSON.stringify(page!.args)).toContain("DL-2026-0001");
      // A link to the incident's thread.
      expect(JSON.stringify(page!.args)).toContain(
        `https://slack.com/archives/${DPO_CHANNEL}/p${(channelPost.response!.ts as string).replace(".", "")}`,
      );
    }
    const receipt = posts.find((call) => call.args.channel === STAFF_ID)!;
    expect(JSON.stringify(receipt.args)).toContain("DL-2026-0001");
    expect(JSON.stringify(receipt.args)).toContain("Wat nu?");

    // Where the post went is kept, so the thread and later updates find it
    // (recorded with the round's other deliveries, at its end).
    const posted = () =>
      env.harness.database.prisma.postedMessage.findUnique({
        where: { key_platform: { key: `incident:${incident.id}:post`, platform: "slack" } },
      });
    await expect.poll(async () => (await posted())?.ref).toBe(`${DPO_CHANNEL}/${channelPost.response!.ts as string}`);
  });

  it("numbers references per year without reuse", async () => {
    await submit(validFields());
    await submit(validFields());
    // New Year's Eve 23:30 UTC is already 1 January in Amsterdam.
    env.clock.set("2026-12-31T23:30:00Z");
    await submit(validFields({ discovered_at: seconds(new Date("2026-12-31T23:00:00Z")) }));
    const references = (await env.harness.database.prisma.incident.findMany({ orderBy: { createdAt: "asc" } })).map(
      (i) => i.reference,
    );
    expect(references).toEqual(["DL-2026-0001", "DL-2026-0002", "DL-2027-0001"]);
  });

  it("creates one incident for a double click or a repeated submission of the same view", async () => {
    const [first, second] = await Promise.all([submit(validFields(), "V0DOUBLE"), submit(validFields(), "V0DOUBLE")]);
    const again = await submit(validFields(), "V0DOUBLE");
    for (const response of [first, second, again]) expect(JSON.stringify(response.body)).toContain("DL-2026-0001");
    expect(await env.harness.database.prisma.incident.count()).toBe(1);
    await env.standIn.waitForCalls("chat.postMessage", 4);
    expect(await env.harness.database.prisma.outboxMessage.count()).toBe(4);
  });

  it("lets only a DPO take an incident, recording a refusal and updating the channel post", async () => {
    await submit(validFields());
    const [channelPost] = await env.standIn
      .waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL)
      .then((call) => [call]);
    const ts = channelPost!.response!.ts as string;
    const click = (userId: string) =>
      env.harness.slack.blockAction({
        userId,
        channelId: DPO_CHANNEL,
        messageTs: ts,
        actions: [{ action_id: "incident_take", value: "DL-2026-0001", type: "button" }],
      });

    const refused = await click(STAFF_ID);
    expect(refused.status).toBe(200);
    const ephemeral = await env.standIn.waitForCall("chat.postEphemeral");
    expect(ephemeral.args.user).toBe(STAFF_ID);
    expect(String(ephemeral.args.text)).toMatch(/Alleen een privacyfunctionaris/);

    env.clock.advanceMinutes(5);
    await click(DPO_ID);
    const update = await env.standIn.waitForCall("chat.update", (call) => call.args.channel === DPO_CHANNEL);
    expect(update.args.ts).toBe(ts);
    expect(JSON.stringify(update.args.blocks)).toContain(`<@${DPO_ID}>`);
    expect(JSON.stringify(update.args.blocks)).not.toContain("incident_take");

    const incident = await env.harness.database.prisma.incident.findUniqueOrThrow({
      where: { reference: "DL-2026-0001" },
      include: { timeline: { orderBy: { id: "asc" } } },
    });
    expect(incident.ownerId).toBe(slackPerson(DPO_ID));
    expect(incident.takenAt?.toISOString()).toBe(new Date(NOW.getTime() + 5 * 60_000).toISOString());
    expect(incident.timeline.map((entry) => [entry.kind, entry.actorId])).toEqual([
      ["reported", slackPerson(STAFF_ID)],
      ["take_refused", slackPerson(STAFF_ID)],
      ["taken", slackPerson(DPO_ID)],
    ]);
  });

  it("refuses bad and stale signatures with 401", async () => {
    const wrongSecret = await env.harness.slack.slashCommand({ userId: STAFF_ID }, { signingSecret: "not-the-secret" });
    expect(wrongSecret.status).toBe(401);
    const stale = await env.harness.slack.slashCommand(
      { userId: STAFF_ID },
      { timestampSeconds: Math.floor(Date.now() / 1000) - 10 * 60 },
    );
    expect(stale.status).toBe(401);
    const unsigned = await env.harness.slack.slashCommand({ userId: STAFF_ID }, { unsigned: true });
    expect(unsigned.status).toBe(401);
    expect(env.standIn.callsTo("views.open")).toHaveLength(0);
  });

  it("reports health with the database", async () => {
    const response = await fetch(`${env.harness.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: kind });
  });

  it("delivers the messages once Slack answers again after a 500, and honours Retry-After on 429", async () => {
    env.standIn.failNext("chat.postMessage", { status: 500 }, 1);
    env.standIn.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 30 }, 1);
    const response = await submit(validFields());
    // The report is accepted even though Slack is failing.
    expect(response.body).toMatchObject({ response_action: "update" });
    const failedCalls = () => env.standIn.callsTo("chat.postMessage").filter((call) => call.failed);
    await env.harness.bot.slack.outbox.kick();
    // The channel post failed; the incident's other messages wait behind it (they go out in order).
    expect(failedCalls().map((call) => call.status)).toEqual([500]);
    env.clock.advance(2_000);
    await env.harness.bot.slack.outbox.kick();
    expect(failedCalls().map((call) => call.status)).toEqual([500, 429]);
    // Retry-After 30 s pauses chat.postMessage for every message, of every replica, counted from the (manual) clock.
    const pause = await env.harness.database.prisma.rateLimitPause.findUniqueOrThrow({
      where: { platform_method: { platform: "slack", method: "chat.postMessage" } },
    });
    expect(pause.until.getTime() - NOW.getTime()).toBe(32_000);
    // A second report meanwhile (another incident) does not call chat.postMessage while it is paused.
    await submit(validFields());
    await env.harness.bot.slack.outbox.kick();
    expect(env.standIn.callsTo("chat.postMessage")).toHaveLength(2);
    env.clock.advance(31_000);
    await env.harness.bot.slack.outbox.kick();
    await env.standIn.waitForCalls("chat.postMessage", 8);
    const delivered = await env.harness.database.prisma.outboxMessage.count({ where: { status: "delivered" } });
    expect(delivered).toBe(8);
    // Exactly one post per recipient and report.
    const recipients = env.standIn.successfulCallsTo("chat.postMessage").map((call) => call.args.channel);
    expect(recipients.sort()).toEqual(
      [DPO_CHANNEL, DPO_ID, SECOND_DPO_ID, STAFF_ID, DPO_CHANNEL, DPO_ID, SECOND_DPO_ID, STAFF_ID].sort(),
    );
  });
});

describe.each(DATABASE_KINDS)("a restart on %s", (kind) => {
  it("sends what was accepted while Slack was down, after the process died", async () => {
    const standIn = await startWorkspaceStandIn();
    const dataDir = kind === "pglite" ? fs.mkdtempSync(path.join(os.tmpdir(), "datalek-restart-")) : undefined;
    const testDatabase = await createTestDatabase(kind, dataDir ? path.join(dataDir, "pglite") : undefined);
    const clock = new ManualClock(NOW);
    try {
      standIn.setDown(true);
      const first = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock });
      const response = await first.slack.viewSubmission({
        userId: STAFF_ID,
        view: { id: "V0RESTART", callback_id: "datalek_report", state: { values: reportModalState(validFields() as never) } },
      });
      expect(response.body).toMatchObject({ response_action: "update" });
      await first.stop(); // the process "dies" with nothing delivered
      expect(standIn.successfulCallsTo("chat.postMessage")).toHaveLength(0);

      standIn.setDown(false);
      clock.advanceMinutes(10);
      const second = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock });
      try {
        await standIn.waitForCalls("chat.postMessage", 4);
        expect(
          standIn
            .successfulCallsTo("chat.postMessage")
            .map((call) => call.args.channel)
            .sort(),
        ).toEqual([DPO_CHANNEL, DPO_ID, SECOND_DPO_ID, STAFF_ID].sort());
      } finally {
        await second.stop();
      }
    } finally {
      await testDatabase.drop();
      await standIn.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
