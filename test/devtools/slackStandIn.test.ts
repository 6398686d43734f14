import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { App, LogLevel, verifySlackRequest } from "@slack/bolt";
import { ErrorCode, WebClient, WebClientEvent } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { SlackStandIn } from "../../src/devtools/slack/slackStandIn.ts";
import { SlackClientSimulator, reportModalState, signSlackRequest } from "../../src/devtools/slack/slackRequests.ts";

const TOKEN = "xoxb-test-token";

describe("SlackStandIn through a real WebClient", () => {
  let standIn: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    standIn = await SlackStandIn.start({ channels: { C0PRIVACY: { name: "privacy" }, C0X: {} } });
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(() => {
    standIn.clear();
    client = new WebClient(TOKEN, { slackApiUrl: standIn.url, retryConfig: { retries: 0 } });
  });

  it("exposes a base URL ending in /api/", () => {
    expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it("answers auth.test like Slack", async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, user_id: "U0DATALEKBOT", bot_id: "B0DATALEKBOT", team_id: "T0TEAM" });
    expect(typeof res.team).toBe("string");
  });

  it("records chat.postMessage with decoded blocks and returns unique increasing ts", async () => {
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Datalek* gemeld" } }];
    const first = await client.chat.postMessage({ channel: "C0PRIVACY", text: "Datalek gemeld", blocks });
    const second = await client.chat.postMessage({ channel: "C0PRIVACY", text: "tweede", thread_ts: first.ts });

    expect(first.ok).toBe(true);
    expect(first.channel).toBe("C0PRIVACY");
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(first.message?.text).toBe("Datalek gemeld");
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));

    const calls = standIn.callsTo("chat.postMessage");
    expect(calls).toHaveLength(2);
    expect(calls[0]?.token).toBe(TOKEN);
    expect(calls[0]?.at).toBeInstanceOf(Date);
    expect(calls[0]?.args.blocks).toEqual(blocks);
    expect(calls[1]?.args.thread_ts).toBe(first.ts);
    expect(standIn.message("C0PRIVACY", first.ts as string)?.text).toBe("Datalek gemeld");
  });

  it("answers chat.update, chat.postEphemeral and chat.getPermalink", async () => {
    const posted = await client.chat.postMessage({ channel: "C0PRIVACY", text: "v1" });
    const updated = await client.chat.update({ channel: "C0PRIVACY", ts: posted.ts as string, text: "v2" });
    expect(updated).toMatchObject({ ok: true, channel: "C0PRIVACY", ts: posted.ts });
    expect(standIn.message("C0PRIVACY", posted.ts as string)).toMatchObject({ text: "v2", updates: 1 });

    const eph = await client.chat.postEphemeral({ channel: "C0PRIVACY", user: "U0ALICE", text: "alleen voor jou" });
    expect(eph.message_ts).toMatch(/^\d{10}\.\d{6}$/);

    const link = await client.chat.getPermalink({ channel: "C0PRIVACY", message_ts: posted.ts as string });
    expect(link.permalink).toBe(`https://example.slack.com/archives/C0PRIVACY/p${(posted.ts as string).replace(".", "")}`);
  });

  it("gives a stable DM channel per user in conversations.open", async () => {
    const a = await client.conversations.open({ users: "U0ALICE" });
    const b = await client.conversations.open({ users: "U0ALICE" });
    const c = await client.conversations.open({ users: "U0BOB" });
    expect(a.channel?.id).toBe("D0ALICE");
    expect(b.channel?.id).toBe(a.channel?.id);
    expect(c.channel?.id).toBe("D0BOB");
  });

  it("answers views.open / update / publish with a view id and decodes the view", async () => {
    const view = {
      type: "modal" as const,
      callback_id: "report_modal",
      title: { type: "plain_text" as const, text: "Datalek melden" },
      blocks: [],
    };
    const opened = await client.views.open({ trigger_id: standIn.issueTriggerId(), view });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view?.callback_id).toBe("report_modal");
    expect(standIn.callsTo("views.open")[0]?.args.view).toMatchObject({ callback_id: "report_modal" });

    const updated = await client.views.update({ view_id: opened.view?.id as string, view });
    expect(updated.view?.id).toBe(opened.view?.id);

    const home = await client.views.publish({ user_id: "U0ALICE", view: { type: "home", blocks: [] } });
    const home2 = await client.views.publish({ user_id: "U0ALICE", view: { type: "home", blocks: [] } });
    expect(home.view?.id).toMatch(/^V/);
    expect(home2.view?.id).toBe(home.view?.id);
  });

  it("answers users.info with tz and (when asked, as Slack requires) the configurable locale", async () => {
    const withLocale = await client.users.info({ user: "U0ALICE", include_locale: true });
    expect(withLocale.user).toMatchObject({ id: "U0ALICE", tz: "Europe/Amsterdam", locale: "nl-NL" });

    standIn.setUserLocale("U0BOB", "en-GB");
    const bob = await client.users.info({ user: "U0BOB", include_locale: true });
    expect(bob.user?.locale).toBe("en-GB");

    const withoutLocale = await client.users.info({ user: "U0ALICE" });
    expect(withoutLocale.user?.locale).toBeUndefined();
  });

  it("supports files.uploadV2 and records the uploaded content", async () => {
    const res = await client.files.uploadV2({
      channel_id: "C0PRIVACY",
      filename: "register.csv",
      title: "Datalekregister",
      content: "id;datum\n1;2024-11-23\n",
      initial_comment: "Het register",
      thread_ts: "1732370000.000100",
    });
    expect(res.ok).toBe(true);
    expect(standIn.callsTo("files.getUploadURLExternal")).toHaveLength(1);
    expect(standIn.callsTo("files.completeUploadExternal")[0]?.args.files).toEqual([
      expect.objectContaining({ title: "Datalekregister" }),
    ]);
    expect(standIn.uploads).toEqual([
      expect.objectContaining({
        filename: "register.csv",
        title: "Datalekregister",
        content: "id;datum\n1;2024-11-23\n",
        channel_id: "C0PRIVACY",
        initial_comment: "Het register",
        thread_ts: "1732370000.000100",
      }),
    ]);
  });

  it("answers unknown methods with ok:false unknown_method", async () => {
    await expect(client.apiCall("no.such.method")).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: "unknown_method" },
    });
    expect(standIn.callsTo("no.such.method")[0]).toMatchObject({ failed: true, status: 200, error: "unknown_method" });
  });

  it("failNext 500 makes the client throw, records the failed attempt, and the next call succeeds", async () => {
    standIn.failNext("chat.postMessage", { status: 500 });
    await expect(client.chat.postMessage({ channel: "C0X", text: "a" })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 500,
    });
    const ok = await client.chat.postMessage({ channel: "C0X", text: "a" });
    expect(ok.ok).toBe(true);
    const calls = standIn.callsTo("chat.postMessage");
    expect(calls.map((c) => Boolean(c.failed))).toEqual([true, false]);
  });

  it("failNext with an API error answers 200 ok:false", async () => {
    standIn.failNext("*", { error: "channel_not_found" }, 2);
    await expect(client.chat.postMessage({ channel: "C0X", text: "a" })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: "channel_not_found" },
    });
    await expect(client.auth.test()).rejects.toMatchObject({ data: { error: "channel_not_found" } });
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it("429 carries Retry-After: rejectRateLimitedCalls throws with retryAfter and the rateLimited event fires", async () => {
    const rlClient = new WebClient(TOKEN, {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const seen: number[] = [];
    rlClient.on(WebClientEvent.RATE_LIMITED, (retryAfter: number) => seen.push(retryAfter));
    standIn.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 7 });
    await expect(rlClient.chat.postMessage({ channel: "C0X", text: "a" })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    expect(seen).toEqual([7]);
    expect(standIn.callsTo("chat.postMessage")[0]).toMatchObject({ failed: true, status: 429 });
  });

  it("setDown answers 503 until set back", async () => {
    standIn.setDown(true);
    await expect(client.auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    standIn.setDown(false);
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
    expect(standIn.callsTo("auth.test").map((c) => c.status)).toEqual([503, 200]);
  });

  it("waitForCalls resolves once enough successful calls arrive", async () => {
    standIn.failNext("chat.postMessage", { status: 500 });
    const waiting = standIn.waitForCalls("chat.postMessage", 2, 2000);
    await client.chat.postMessage({ channel: "C0X", text: "1" }).catch(() => undefined);
    await client.chat.postMessage({ channel: "C0X", text: "2" });
    setTimeout(() => void client.chat.postMessage({ channel: "C0X", text: "3" }), 20);
    const calls = await waiting;
    expect(calls.map((c) => c.args.text)).toEqual(["2", "3"]);
  });

  it("waitForCalls times out with a message listing the recorded methods", async () => {
    await client.auth.test();
    standIn.failNext("chat.update", { status: 500 });
    await client.chat.update({ channel: "C0X", ts: "1.000100", text: "x" }).catch(() => undefined);
    await expect(standIn.waitForCalls("chat.postMessage", 1, 100)).rejects.toThrow(
      /timed out after 100ms waiting for 1 successful call\(s\) to chat\.postMessage, got 0\. Recorded calls: auth\.test, chat\.update \(failed: 500 internal_error\)/,
    );
  });

  it("records response_url POSTs", async () => {
    const url = standIn.newResponseUrl();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "klaar", response_type: "ephemeral" }),
    });
    expect(res.status).toBe(200);
    const [call] = await standIn.waitForCalls("response_url", 1);
    expect(call?.args).toMatchObject({ text: "klaar", response_type: "ephemeral", response_url: url });
  });
});

describe("signSlackRequest", () => {
  it("is accepted by @slack/bolt's own verifySlackRequest", () => {
    const body = "token=x&team_id=T0TEAM&command=%2Fdatalek&text=";
    const ts = Math.floor(Date.now() / 1000);
    const headers = signSlackRequest("s3cr3t", body, ts);
    expect(() =>
      verifySlackRequest({
        signingSecret: "s3cr3t",
        body,
        headers: {
          "x-slack-signature": headers["X-Slack-Signature"],
          "x-slack-request-timestamp": Number(headers["X-Slack-Request-Timestamp"]),
        },
      }),
    ).not.toThrow();
    expect(() =>
      verifySlackRequest({
        signingSecret: "other",
        body,
        headers: {
          "x-slack-signature": headers["X-Slack-Signature"],
          "x-slack-request-timestamp": ts,
        },
      }),
    ).toThrow(/signature mismatch/);
  });

  it("matches an independently computed HMAC", () => {
    const headers = signSlackRequest("8f742231b10e8888abcd99yyyzzz85a5", "a=b", 1531420618);
    const expected = createHmac("sha256", "8f742231b10e8888abcd99yyyzzz85a5").update("v0:1531420618:a=b").digest("hex");
    expect(headers).toEqual({ "X-Slack-Signature": `v0=${expected}`, "X-Slack-Request-Timestamp": "1531420618" });
  });
});

describe("SlackClientSimulator against a real Bolt app", () => {
  const signingSecret = "test-signing-secret";
  let standIn: SlackStandIn;
  let app: App;
  let sim: SlackClientSimulator;
  const seen: { kind: string; body: unknown }[] = [];

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    app = new App({
      token: TOKEN,
      signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 } },
    });
    app.command("/datalek", async ({ ack, command, client, respond }) => {
      await ack();
      seen.push({ kind: "command", body: command });
      await client.views.open({
        trigger_id: command.trigger_id,
        view: { type: "modal", callback_id: "report", title: { type: "plain_text", text: "Melden" }, blocks: [] },
      });
      await respond({ text: "modal geopend" });
    });
    app.view("report", async ({ ack, view, body }) => {
      seen.push({ kind: "view", body: { view, user: body.user } });
      await ack({ response_action: "errors", errors: { what_happened: "Verplicht" } });
    });
    app.action("confirm", async ({ ack, body }) => {
      await ack();
      seen.push({ kind: "action", body });
    });
    const server = (await app.start(0)) as Server;
    const { port } = server.address() as AddressInfo;
    sim = new SlackClientSimulator({
      botUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret,
      responseUrl: () => standIn.newResponseUrl(),
      newTriggerId: () => standIn.issueTriggerId(),
    });
  });
  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });
  afterEach(() => {
    seen.length = 0;
  });

  it("delivers a slash command the app acks, opens a modal and responds via response_url", async () => {
    const res = await sim.slashCommand({ userId: "U0ALICE", text: "nieuw" });
    expect(res.status).toBe(200);
    await standIn.waitForCalls("views.open", 1);
    await standIn.waitForCalls("response_url", 1);
    expect(seen[0]?.body).toMatchObject({ user_id: "U0ALICE", text: "nieuw", command: "/datalek", team_id: "T0TEAM" });
    expect(standIn.callsTo("response_url")[0]?.args).toMatchObject({ text: "modal geopend" });
  });

  it("delivers a view submission with report modal state and returns the ack body", async () => {
    const values = reportModalState({
      what_happened: "USB-stick kwijt",
      discovered_at: 1732370000,
      system: { value: "ecd", text: "ECD" },
      data_kinds: ["health", "bsn"],
      people_affected: "12",
      stopped: "yes",
    });
    const res = await sim.viewSubmission({
      userId: "U0ALICE",
      view: { id: "V0TEST", callback_id: "report", private_metadata: '{"c":"C0X"}', state: { values } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ response_action: "errors", errors: { what_happened: "Verplicht" } });
    const view = (seen[0]?.body as { view: { state: { values: unknown }; private_metadata: string } }).view;
    expect(view.private_metadata).toBe('{"c":"C0X"}');
    expect(view.state.values).toMatchObject({
      what_happened: { what_happened: { type: "plain_text_input", value: "USB-stick kwijt" } },
      discovered_at: { discovered_at: { type: "datetimepicker", selected_date_time: 1732370000 } },
      occurred_at: { occurred_at: { type: "datetimepicker", selected_date_time: null } },
      system: { system: { selected_option: { value: "ecd", text: { text: "ECD" } } } },
      data_kinds: { data_kinds: { type: "checkboxes", selected_options: [{ value: "health" }, { value: "bsn" }] } },
      people_affected: { people_affected: { type: "number_input", value: "12" } },
      stopped: { stopped: { type: "radio_buttons", selected_option: { value: "yes" } } },
      recipient: { recipient: { type: "static_select", selected_option: null } },
    });
  });

  it("delivers a message block action with container, channel and message", async () => {
    const res = await sim.blockAction({
      userId: "U0BOB",
      actions: [{ action_id: "confirm", value: "incident-1" }],
      channelId: "C0PRIVACY",
      messageTs: "1732370000.000100",
      threadTs: "1732360000.000100",
    });
    expect(res.status).toBe(200);
    expect(seen[0]?.body).toMatchObject({
      type: "block_actions",
      user: { id: "U0BOB" },
      container: { type: "message", channel_id: "C0PRIVACY", message_ts: "1732370000.000100" },
      channel: { id: "C0PRIVACY" },
      message: { ts: "1732370000.000100", thread_ts: "1732360000.000100" },
      actions: [{ action_id: "confirm", value: "incident-1", type: "button" }],
    });
  });

  it("gets rejected with a wrong secret or a stale timestamp", async () => {
    const wrong = await sim.slashCommand({ userId: "U0ALICE" }, { signingSecret: "wrong" });
    expect(wrong.status).toBe(401);
    const stale = await sim.slashCommand({ userId: "U0ALICE" }, { timestampSeconds: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const unsigned = await sim.raw("command=%2Fdatalek");
    expect(unsigned.status).toBe(401);
    expect(seen).toHaveLength(0);
  });
});
