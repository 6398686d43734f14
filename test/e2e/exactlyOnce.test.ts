// Exactly once to Slack, where Slack has no idempotency key: a post carries
// its outbox row's id in its metadata; a delivery interrupted after its call
// (the process died before it recorded the outcome) is looked up before it
// is sent again; a row held by a worker that died is taken over once its
// short lease runs out.
import { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { DPO_CHANNEL, STAFF_ID, TEST_BOT_TOKEN } from "../support/startTestBot.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { submitReport } from "./homeSupport.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe.each(DATABASE_KINDS)("exactly once on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW });

  /** A report whose messages are written but not yet sent: the outbox is stopped first. */
  const reportWithoutSending = async () => {
    await env.harness.bot.slack.outbox.stop();
    await submitReport(env.harness, NOW);
    const post = await env.harness.database.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "incident.post" } });
    return post;
  };

  const restartOutbox = () => {
    env.harness.bot.slack.outbox.start(25);
  };

  it("puts the outbox row's id in the metadata of every post", async () => {
    await submitReport(env.harness, NOW);
    const [post] = await env.standIn.waitForCalls("chat.postMessage", 1);
    const rows = await env.harness.database.prisma.outboxMessage.findMany({ where: { kind: "incident.post" } });
    expect(post!.args.metadata).toEqual({
      event_type: "datalek_outbox",
      event_payload: { outbox_id: String(rows[0]!.id), outbox_created: String(rows[0]!.createdAt.getTime()) },
    });
  });

  it("does not post again what an interrupted attempt had already posted, and records where it went", async () => {
    const row = await reportWithoutSending();
    // The attempt that died: Slack got the post (with the row's id), the database never heard.
    const slack = new WebClient(TEST_BOT_TOKEN, { slackApiUrl: env.standIn.url });
    const earlier = await slack.chat.postMessage({
      channel: DPO_CHANNEL,
      text: "Datalek gemeld: DL-2026-0001",
      metadata: {
        event_type: "datalek_outbox",
        event_payload: { outbox_id: String(row.id), outbox_created: String(row.createdAt.getTime()) },
      },
    });
    await env.harness.database.prisma.outboxMessage.update({ where: { id: row.id }, data: { attemptedAt: new Date() } });
    const before = env.standIn.calls.length;
    restartOutbox();
    // The rest of the incident's messages go out; the post is not sent again.
    await env.standIn.waitForCall("chat.postMessage", (call) => call.args.channel === STAFF_ID);
    const since = env.standIn.calls.slice(before);
    expect(since.filter((call) => call.method === "chat.postMessage" && call.args.channel === DPO_CHANNEL)).toHaveLength(0);
    expect(env.standIn.successfulCallsTo("conversations.history")).toHaveLength(1);
    // Recorded with the round's other deliveries, at its end.
    const stored = () => env.harness.database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    await expect.poll(async () => (await stored()).status).toBe("delivered");
    const recovered = await stored();
    expect(recovered).toMatchObject({
      status: "delivered",
      attemptedAt: null,
      result: { recovered: `${DPO_CHANNEL}/${earlier.ts}` },
    });
    // The incident's thread is the post that was found: the pages link to it.
    const posted = await env.harness.database.prisma.postedMessage.findFirstOrThrow({ where: { key: { endsWith: ":post" } } });
    expect(posted.ref).toBe(`${DPO_CHANNEL}/${earlier.ts}`);
  });

  it("does not mistake a message with the same row id from another database (a restored backup, a reinstall) for its own", async () => {
    const row = await reportWithoutSending();
    const slack = new WebClient(TEST_BOT_TOKEN, { slackApiUrl: env.standIn.url });
    await slack.chat.postMessage({
      channel: DPO_CHANNEL,
      text: "Datalek gemeld: DL-2026-0001",
      metadata: {
        event_type: "datalek_outbox",
        event_payload: { outbox_id: String(row.id), outbox_created: String(row.createdAt.getTime() - 86_400_000) },
      },
    });
    await env.harness.database.prisma.outboxMessage.update({ where: { id: row.id }, data: { attemptedAt: new Date() } });
    const before = env.standIn.calls.length;
    restartOutbox();
    const post = await env.standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.channel === DPO_CHANNEL && env.standIn.calls.indexOf(call) >= before,
    );
    expect((post.args.metadata as { event_payload: { outbox_created: string } }).event_payload.outbox_created).toBe(
      String(row.createdAt.getTime()),
    );
    expect(env.standIn.successfulCallsTo("conversations.history")).toHaveLength(1);
  });

  it("posts what an interrupted attempt had not got through", async () => {
    const row = await reportWithoutSending();
    await env.harness.database.prisma.outboxMessage.update({ where: { id: row.id }, data: { attemptedAt: new Date() } });
    restartOutbox();
    const post = await env.standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL);
    expect((post.args.metadata as { event_payload: { outbox_id: string } }).event_payload.outbox_id).toBe(String(row.id));
    expect(env.standIn.successfulCallsTo("conversations.history")).toHaveLength(1);
  });

  it("takes over a message held by a worker that died: at once on the embedded database, after its short lease on a server", async () => {
    const row = await reportWithoutSending();
    // Another worker claimed it and died: its lease ends in a second.
    await env.harness.database.prisma.outboxMessage.update({
      where: { id: row.id },
      data: { claimedBy: "a-worker-that-died", leasedUntil: new Date(Date.now() + 1000) },
    });
    restartOutbox();
    if (kind === "postgresql") {
      // Another replica may still be alive: nothing of this incident goes out until the lease ends.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(env.standIn.callsTo("chat.postMessage")).toHaveLength(0);
    }
    // The embedded database belongs to one process: what a dead worker of it held is free when it starts again.
    await env.standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL, 5000);
    await env.standIn.waitForCall("chat.postMessage", (call) => call.args.channel === STAFF_ID, 5000);
    expect(env.standIn.successfulCallsTo("chat.postMessage").filter((call) => call.args.channel === DPO_CHANNEL)).toHaveLength(1);
  });
});
