// The Slack stand-in refuses what Slack refuses: one test (or table) per rule, through a real
// @slack/web-api WebClient, asserting Slack's error and that the refused call is recorded with it.
// The limits are written out as Slack documents them, not read from the stand-in, so a wrong
// limit in the stand-in fails here.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { App, LogLevel, verifySlackRequest } from "@slack/bolt";
import { ErrorCode, WebClient, type Logger } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";

import {
  SlackClientSimulator,
  type BotResponse,
  type SendOptions,
  type TSlackDelivery,
  type TSlackEnvelopeType,
} from "../../src/devtools/slack/slackRequests.ts";
import {
  DEFAULT_APP_TOKEN,
  DEFAULT_BOT_SCOPES,
  DEFAULT_BOT_TOKEN,
  SlackStandIn,
  type RecordedCall,
} from "../../src/devtools/slack/slackStandIn.ts";

/** Slack: "view_too_large: ... greater than 250kb" (read here as 250 × 1024 bytes). */
const VIEW_BYTES_LIMIT = 250 * 1024;

const quietLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

const CHANNELS = {
  C0PUBLIC: { name: "general" },
  C0OUTSIDE: { name: "random", botIsMember: false },
  G0SECRET: { name: "board", isPrivate: true, botIsMember: false },
  G0INSIDE: { name: "privacy-office", isPrivate: true },
  C0ARCHIVE: { name: "old-stuff", archived: true },
  C0MEMBERS: { name: "small", members: ["U0ALICE"] },
};

const text = (n: number, char = "x"): string => char.repeat(n);
const plain = (s: string) => ({ type: "plain_text", text: s });
const mrkdwn = (s: string) => ({ type: "mrkdwn", text: s });
const option = (value: string, label = value) => ({ text: plain(label), value });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`v${i}`));
const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "modal",
  callback_id: "report",
  title: plain("Datalek melden"),
  submit: plain("Verstuur"),
  blocks,
  ...extra,
});

/** The last recorded call to `method`. */
function lastCall(standIn: SlackStandIn, method: string): RecordedCall | undefined {
  return standIn.callsTo(method).at(-1);
}

describe("SlackStandIn strictness", () => {
  let standIn: SlackStandIn;
  let client: WebClient;

  const webClient = (token: string | undefined, options: ConstructorParameters<typeof WebClient>[1] = {}): WebClient =>
    new WebClient(token, { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, logger: quietLogger, ...options });

  beforeAll(async () => {
    standIn = await SlackStandIn.start({ channels: CHANNELS });
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(() => {
    standIn.clear();
    client = webClient(DEFAULT_BOT_TOKEN);
  });

  /** `apiCall` with the answer's fields readable (the SDK types them only per method). */
  const api = (method: string, args: Record<string, unknown>): Promise<Record<string, unknown>> =>
    client.apiCall(method, args) as unknown as Promise<Record<string, unknown>>;

  /** Expects `call` to be refused with `error` (ok:false, HTTP 200) and the refusal to be recorded. */
  async function expectRefused(method: string, call: Promise<unknown>, error: string): Promise<Record<string, unknown>> {
    const refusal = await call.then(
      () => undefined,
      (e: unknown) => e as { code?: string; data?: Record<string, unknown> },
    );
    expect(refusal, `${method} should have been refused with ${error}`).toBeDefined();
    expect(refusal?.code).toBe(ErrorCode.PlatformError);
    expect(refusal?.data).toMatchObject({ ok: false, error });
    expect(lastCall(standIn, method)).toMatchObject({ method, failed: true, status: 200, error });
    return refusal?.data ?? {};
  }

  // ------------------------------------------------------------------ 1. tokens

  describe("tokens", () => {
    it("answers a call without any token with not_authed", async () => {
      await expectRefused(
        "chat.postMessage",
        webClient(undefined).chat.postMessage({ channel: "C0PUBLIC", text: "hoi" }),
        "not_authed",
      );
      expect(lastCall(standIn, "chat.postMessage")?.token).toBeUndefined();
    });

    it("answers a token it does not know with invalid_auth", async () => {
      await expectRefused(
        "chat.postMessage",
        webClient("xoxb-someone-else").chat.postMessage({ channel: "C0PUBLIC", text: "hoi" }),
        "invalid_auth",
      );
    });

    it("answers the app-level token on a bot method with not_allowed_token_type", async () => {
      await expectRefused(
        "chat.postMessage",
        webClient(DEFAULT_APP_TOKEN).chat.postMessage({ channel: "C0PUBLIC", text: "hoi" }),
        "not_allowed_token_type",
      );
    });

    it("applies the same rules to auth.test", async () => {
      await expectRefused("auth.test", webClient(undefined).auth.test(), "not_authed");
      await expectRefused("auth.test", webClient("xoxb-wrong").auth.test(), "invalid_auth");
      await expectRefused("auth.test", webClient(DEFAULT_APP_TOKEN).auth.test(), "not_allowed_token_type");
      await expect(client.auth.test()).resolves.toMatchObject({ ok: true, user_id: standIn.botUserId });
    });

    it("accepts the bot token as a `token` form field too, as Slack does", async () => {
      const res = await fetch(`${standIn.url}chat.postMessage`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: DEFAULT_BOT_TOKEN, channel: "C0PUBLIC", text: "via form" }).toString(),
      });
      expect(await res.json()).toMatchObject({ ok: true, channel: "C0PUBLIC" });
    });

    it("accepts only the configured tokens", async () => {
      const other = await SlackStandIn.start({ botToken: "xoxb-custom", channels: { C0PUBLIC: {} } });
      try {
        const custom = new WebClient("xoxb-custom", { slackApiUrl: other.url, retryConfig: { retries: 0 }, logger: quietLogger });
        await expect(custom.chat.postMessage({ channel: "C0PUBLIC", text: "hoi" })).resolves.toMatchObject({ ok: true });
        const usual = new WebClient(DEFAULT_BOT_TOKEN, {
          slackApiUrl: other.url,
          retryConfig: { retries: 0 },
          logger: quietLogger,
        });
        await expect(usual.auth.test()).rejects.toMatchObject({ data: { error: "invalid_auth" } });
      } finally {
        await other.close();
      }
    });

    it("answers every bot-token call with token_revoked, then account_inactive, with HTTP 200, until set back", async () => {
      standIn.setTokenState("revoked");
      await expectRefused("auth.test", client.auth.test(), "token_revoked");
      await expectRefused("chat.postMessage", client.chat.postMessage({ channel: "C0PUBLIC", text: "hoi" }), "token_revoked");
      standIn.setTokenState("inactive");
      await expectRefused("users.info", client.users.info({ user: "U0ALICE" }), "account_inactive");
      standIn.setTokenState("ok");
      await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
    });

    it("clear() puts the token state back to ok", async () => {
      standIn.setTokenState("revoked");
      standIn.clear();
      await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
    });

    it("opens Socket Mode connections only with the app-level token in the Authorization header", async () => {
      standIn.attachSocketMode({ connectionUrl: () => "ws://127.0.0.1:1/link/?ticket=t1" });
      try {
        await expectRefused("apps.connections.open", client.apps.connections.open(), "not_allowed_token_type");
        await expect(webClient(DEFAULT_APP_TOKEN).apps.connections.open()).resolves.toMatchObject({
          ok: true,
          url: "ws://127.0.0.1:1/link/?ticket=t1",
        });
        // "passing it as a POST parameter will result in an error" (apps.connections.open).
        const asField = await fetch(`${standIn.url}apps.connections.open`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: `token=${DEFAULT_APP_TOKEN}`,
        });
        expect(await asField.json()).toMatchObject({ ok: false, error: "not_authed" });
      } finally {
        standIn.detachSocketMode();
      }
    });

    it("refuses apps.connections.open while no Socket Mode provider is attached", async () => {
      await expectRefused("apps.connections.open", webClient(DEFAULT_APP_TOKEN).apps.connections.open(), "not_allowed");
    });

    it("answers an unknown method with unknown_method, token or not", async () => {
      await expectRefused("no.such.method", webClient(undefined).apiCall("no.such.method"), "unknown_method");
    });
  });

  // ------------------------------------------------------------------ 2. trigger ids

  describe("trigger ids", () => {
    const view = modal([{ type: "section", text: mrkdwn("Hallo") }]);

    it("refuses a trigger id it never issued with invalid_trigger_id", async () => {
      await expectRefused(
        "views.open",
        client.views.open({ trigger_id: "12345.98765.abcd2358fdea", view } as never),
        "invalid_trigger_id",
      );
    });

    it("accepts an issued trigger once; the second use is exchanged_trigger_id", async () => {
      const trigger = standIn.issueTriggerId();
      await expect(client.views.open({ trigger_id: trigger, view } as never)).resolves.toMatchObject({ ok: true });
      await expectRefused("views.open", client.views.open({ trigger_id: trigger, view } as never), "exchanged_trigger_id");
      await expectRefused("views.push", client.views.push({ trigger_id: trigger, view } as never), "exchanged_trigger_id");
    });

    it("does not use up a trigger on a view it refuses", async () => {
      const trigger = standIn.issueTriggerId();
      await expectRefused(
        "views.open",
        client.views.open({ trigger_id: trigger, view: modal([], { title: plain(text(25)) }) } as never),
        "invalid_arguments",
      );
      await expect(client.views.open({ trigger_id: trigger, view } as never)).resolves.toMatchObject({ ok: true });
    });

    it("refuses a trigger used after its lifetime with expired_trigger_id (configurable lifetime)", async () => {
      const shortLived = await SlackStandIn.start({ triggerLifetimeMs: 50 });
      try {
        const shortClient = new WebClient(DEFAULT_BOT_TOKEN, {
          slackApiUrl: shortLived.url,
          retryConfig: { retries: 0 },
          logger: quietLogger,
        });
        const fresh = shortLived.issueTriggerId();
        const stale = shortLived.issueTriggerId();
        await expect(shortClient.views.open({ trigger_id: fresh, view } as never)).resolves.toMatchObject({ ok: true });
        await new Promise((resolve) => setTimeout(resolve, 80));
        await expect(shortClient.views.open({ trigger_id: stale, view } as never)).rejects.toMatchObject({
          data: { error: "expired_trigger_id" },
        });
        expect(shortLived.callsTo("views.open").at(-1)).toMatchObject({ failed: true, error: "expired_trigger_id" });
      } finally {
        await shortLived.close();
      }
    });

    it("keeps a trigger for Slack's three seconds by default, not longer", async () => {
      expect(standIn.triggerLifetimeMs).toBe(3000);
      const early = standIn.issueTriggerId();
      const late = standIn.issueTriggerId();
      await expect(client.views.open({ trigger_id: early, view } as never)).resolves.toMatchObject({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 3100));
      await expectRefused("views.open", client.views.open({ trigger_id: late, view } as never), "expired_trigger_id");
    });
  });

  // ------------------------------------------------------------------ 3. Block Kit limits

  describe("Block Kit limits in messages (invalid_blocks)", () => {
    interface Case {
      name: string;
      limit: number;
      blocks: (n: number) => unknown[];
      line: (limit: number) => string;
    }
    const cases: Case[] = [
      {
        name: "blocks per message",
        limit: 50,
        blocks: (n) => Array.from({ length: n }, () => ({ type: "divider" })),
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/blocks]`,
      },
      {
        name: "section text",
        limit: 3000,
        blocks: (n) => [{ type: "section", text: mrkdwn(text(n)) }],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/text/text]`,
      },
      {
        name: "section fields",
        limit: 10,
        blocks: (n) => [{ type: "section", fields: Array.from({ length: n }, () => mrkdwn("veld")) }],
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/blocks/0/fields]`,
      },
      {
        name: "section field text",
        limit: 2000,
        blocks: (n) => [{ type: "section", fields: [mrkdwn(text(n))] }],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/fields/0/text]`,
      },
      {
        name: "header text",
        limit: 150,
        blocks: (n) => [{ type: "header", text: plain(text(n)) }],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/text/text]`,
      },
      {
        name: "button text",
        limit: 75,
        blocks: (n) => [{ type: "actions", elements: [{ type: "button", action_id: "a", text: plain(text(n)) }] }],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/elements/0/text/text]`,
      },
      {
        name: "button value",
        limit: 2000,
        blocks: (n) => [{ type: "actions", elements: [{ type: "button", action_id: "a", text: plain("Ok"), value: text(n) }] }],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/elements/0/value]`,
      },
      {
        name: "action_id",
        limit: 255,
        blocks: (n) => [{ type: "actions", elements: [{ type: "button", action_id: text(n), text: plain("Ok") }] }],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/elements/0/action_id]`,
      },
      {
        name: "block_id",
        limit: 255,
        blocks: (n) => [{ type: "divider", block_id: text(n) }],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/block_id]`,
      },
      {
        name: "context elements",
        limit: 10,
        blocks: (n) => [{ type: "context", elements: Array.from({ length: n }, () => mrkdwn("c")) }],
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/blocks/0/elements]`,
      },
      {
        name: "actions elements",
        limit: 25,
        blocks: (n) => [
          {
            type: "actions",
            elements: Array.from({ length: n }, (_, i) => ({ type: "button", action_id: `b${i}`, text: plain("Ok") })),
          },
        ],
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/blocks/0/elements]`,
      },
      {
        name: "options per select",
        limit: 100,
        blocks: (n) => [
          { type: "section", text: mrkdwn("Kies"), accessory: { type: "static_select", action_id: "s", options: options(n) } },
        ],
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/blocks/0/accessory/options]`,
      },
      {
        name: "option text",
        limit: 75,
        blocks: (n) => [
          {
            type: "section",
            text: mrkdwn("Kies"),
            accessory: { type: "static_select", action_id: "s", options: [option("v", text(n))] },
          },
        ],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/accessory/options/0/text/text]`,
      },
      {
        name: "option value",
        limit: 150,
        blocks: (n) => [
          {
            type: "section",
            text: mrkdwn("Kies"),
            accessory: { type: "static_select", action_id: "s", options: [option(text(n), "label")] },
          },
        ],
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/blocks/0/accessory/options/0/value]`,
      },
      {
        name: "checkbox options",
        limit: 10,
        blocks: (n) => [{ type: "actions", elements: [{ type: "checkboxes", action_id: "c", options: options(n) }] }],
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/blocks/0/elements/0/options]`,
      },
      {
        name: "radio button options",
        limit: 10,
        blocks: (n) => [{ type: "actions", elements: [{ type: "radio_buttons", action_id: "r", options: options(n) }] }],
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/blocks/0/elements/0/options]`,
      },
    ];

    it.each(cases)("$name: $limit passes, one more is refused with Slack's line", async ({ limit, blocks, line }) => {
      const atLimit = await client.apiCall("chat.postMessage", { channel: "C0PUBLIC", text: "fallback", blocks: blocks(limit) });
      expect(atLimit.ok).toBe(true);
      const data = await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", { channel: "C0PUBLIC", text: "fallback", blocks: blocks(limit + 1) }),
        "invalid_blocks",
      );
      expect((data.response_metadata as { messages: string[] }).messages).toContain(line(limit));
      // Slack also lists the lines without the [ERROR] prefix in `errors`.
      expect(data.errors).toContain(line(limit).replace("[ERROR] ", ""));
    });

    it("reports an over-long section text as Slack does: the text object first, then the field", async () => {
      const data = await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", {
          channel: "C0PUBLIC",
          text: "x",
          blocks: [{ type: "section", text: mrkdwn(text(3001)) }],
        }),
        "invalid_blocks",
      );
      expect((data.response_metadata as { messages: string[] }).messages).toEqual([
        "[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]",
        "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
      ]);
    });

    it("applies the limits to chat.update, chat.postEphemeral and chat.scheduleMessage too", async () => {
      const tooLong = [{ type: "header", text: plain(text(150 + 1)) }];
      const posted = await client.chat.postMessage({ channel: "C0PUBLIC", text: "v1" });
      await expectRefused(
        "chat.update",
        client.apiCall("chat.update", { channel: "C0PUBLIC", ts: posted.ts, text: "v2", blocks: tooLong }),
        "invalid_blocks",
      );
      await expectRefused(
        "chat.postEphemeral",
        client.apiCall("chat.postEphemeral", { channel: "C0PUBLIC", user: "U0ALICE", text: "x", blocks: tooLong }),
        "invalid_blocks",
      );
      await expectRefused(
        "chat.scheduleMessage",
        client.apiCall("chat.scheduleMessage", {
          channel: "C0PUBLIC",
          post_at: Math.floor(Date.now() / 1000) + 600,
          text: "x",
          blocks: tooLong,
        }),
        "invalid_blocks",
      );
    });

    it("requires plain_text where Slack does (header, button) and a known text type elsewhere", async () => {
      const header = await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", {
          channel: "C0PUBLIC",
          text: "x",
          blocks: [{ type: "header", text: mrkdwn("*Kop*") }],
        }),
        "invalid_blocks",
      );
      expect((header.response_metadata as { messages: string[] }).messages).toContain(
        "[ERROR] must be a valid enum value [json-pointer:/blocks/0/text/type]",
      );
      const button = await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", {
          channel: "C0PUBLIC",
          text: "x",
          blocks: [{ type: "actions", elements: [{ type: "button", action_id: "a", text: mrkdwn("*Ok*") }] }],
        }),
        "invalid_blocks",
      );
      expect((button.response_metadata as { messages: string[] }).messages).toContain(
        "[ERROR] must be a valid enum value [json-pointer:/blocks/0/elements/0/text/type]",
      );
      const unknownType = await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", {
          channel: "C0PUBLIC",
          text: "x",
          blocks: [{ type: "section", text: { type: "markdown", text: "x" } }],
        }),
        "invalid_blocks",
      );
      expect((unknownType.response_metadata as { messages: string[] }).messages).toContain(
        "[ERROR] must be a valid enum value [json-pointer:/blocks/0/text/type]",
      );
      await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", { channel: "C0PUBLIC", text: "x", blocks: [{ type: "sections", text: mrkdwn("x") }] }),
        "invalid_blocks",
      );
    });

    it("refuses a block_id used twice in one message", async () => {
      const data = await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", {
          channel: "C0PUBLIC",
          text: "x",
          blocks: [
            { type: "section", block_id: "same", text: mrkdwn("a") },
            { type: "section", block_id: "same", text: mrkdwn("b") },
          ],
        }),
        "invalid_blocks",
      );
      expect((data.response_metadata as { messages: string[] }).messages).toContain(
        "[ERROR] duplicate block_id: same [json-pointer:/blocks/1/block_id]",
      );
    });

    it("refuses an action_id used twice in one block, and accepts it in two blocks (documented: unique in the containing block)", async () => {
      const button = (actionId: string) => ({ type: "button", action_id: actionId, text: plain("Ok") });
      await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", {
          channel: "C0PUBLIC",
          text: "x",
          blocks: [{ type: "actions", elements: [button("go"), button("go")] }],
        }),
        "invalid_blocks",
      );
      const twoBlocks = await client.apiCall("chat.postMessage", {
        channel: "C0PUBLIC",
        text: "x",
        blocks: [
          { type: "actions", elements: [button("go")] },
          { type: "actions", elements: [button("go")] },
        ],
      });
      expect(twoBlocks.ok).toBe(true);
    });

    it("refuses a message with neither text, blocks nor attachments with no_text", async () => {
      await expectRefused("chat.postMessage", client.apiCall("chat.postMessage", { channel: "C0PUBLIC" }), "no_text");
      await expectRefused("chat.postMessage", client.apiCall("chat.postMessage", { channel: "C0PUBLIC", text: "" }), "no_text");
    });

    it("keeps 40,000 characters of text and truncates beyond, with Slack's message_truncated warning", async () => {
      const exact = await client.chat.postMessage({ channel: "C0PUBLIC", text: text(40_000) });
      expect(standIn.message("C0PUBLIC", exact.ts as string)?.text).toHaveLength(40_000);
      expect(exact.response_metadata?.warnings).toBeUndefined();
      const over = await client.chat.postMessage({ channel: "C0PUBLIC", text: text(40_000 + 1) });
      expect(over.ok).toBe(true);
      expect(over.response_metadata?.warnings).toEqual(["message_truncated"]);
      expect(standIn.message("C0PUBLIC", over.ts as string)?.text).toHaveLength(40_000);
    });
  });

  describe("Block Kit limits in views (invalid_arguments)", () => {
    interface ViewCase {
      name: string;
      limit: number;
      view: (n: number) => Record<string, unknown>;
      line: (limit: number) => string;
    }
    const input = (element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      type: "input",
      block_id: "b",
      label: plain("Label"),
      element: { action_id: "a", ...element },
      ...extra,
    });
    const cases: ViewCase[] = [
      {
        name: "blocks per modal",
        limit: 100,
        view: (n) => modal(Array.from({ length: n }, () => ({ type: "divider" }))),
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/view/blocks]`,
      },
      {
        name: "modal title",
        limit: 24,
        view: (n) => modal([], { title: plain(text(n)) }),
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/view/title/text]`,
      },
      {
        name: "modal submit",
        limit: 24,
        view: (n) => modal([], { submit: plain(text(n)) }),
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/view/submit/text]`,
      },
      {
        name: "modal close",
        limit: 24,
        view: (n) => modal([], { close: plain(text(n)) }),
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/view/close/text]`,
      },
      {
        name: "private_metadata",
        limit: 3000,
        view: (n) => modal([], { private_metadata: text(n) }),
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/view/private_metadata]`,
      },
      {
        name: "input label",
        limit: 2000,
        view: (n) => modal([input({ type: "plain_text_input" }, { label: plain(text(n)) })]),
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/view/blocks/0/label/text]`,
      },
      {
        name: "input hint",
        limit: 2000,
        view: (n) => modal([input({ type: "plain_text_input" }, { hint: plain(text(n)) })]),
        line: (n) => `[ERROR] must be less than ${n + 1} characters [json-pointer:/view/blocks/0/hint/text]`,
      },
      {
        name: "plain_text_input max_length",
        limit: 3000,
        view: (n) => modal([input({ type: "plain_text_input", max_length: n })]),
        line: (n) => `[ERROR] must be less than ${n + 1} [json-pointer:/view/blocks/0/element/max_length]`,
      },
      {
        name: "checkbox options in an input",
        limit: 10,
        view: (n) => modal([input({ type: "checkboxes", options: options(n) })]),
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/view/blocks/0/element/options]`,
      },
      {
        name: "radio button options in an input",
        limit: 10,
        view: (n) => modal([input({ type: "radio_buttons", options: options(n) })]),
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/view/blocks/0/element/options]`,
      },
      {
        name: "multi_static_select options",
        limit: 100,
        view: (n) => modal([input({ type: "multi_static_select", options: options(n) })]),
        line: (n) => `[ERROR] no more than ${n} items allowed [json-pointer:/view/blocks/0/element/options]`,
      },
    ];

    it.each(cases)("$name: $limit passes in views.open, one more is refused", async ({ limit, view, line }) => {
      const ok = await client.apiCall("views.open", { trigger_id: standIn.issueTriggerId(), view: view(limit) });
      expect(ok.ok).toBe(true);
      const data = await expectRefused(
        "views.open",
        client.apiCall("views.open", { trigger_id: standIn.issueTriggerId(), view: view(limit + 1) }),
        "invalid_arguments",
      );
      const messages = (data.response_metadata as { messages: string[] }).messages;
      expect(messages[0]).toBe("[ERROR] failed to match all allowed schemas [json-pointer:/view]");
      expect(messages).toContain(line(limit));
    });

    it("applies them to views.update, views.push and views.publish (Home tab: 100 blocks)", async () => {
      const opened = await api("views.open", { trigger_id: standIn.issueTriggerId(), view: modal([]) });
      const viewId = (opened.view as { id: string }).id;
      await expectRefused(
        "views.update",
        client.apiCall("views.update", { view_id: viewId, view: modal([], { title: plain(text(25)) }) }),
        "invalid_arguments",
      );
      await expectRefused(
        "views.push",
        client.apiCall("views.push", { trigger_id: standIn.issueTriggerId(), view: modal([], { title: plain(text(25)) }) }),
        "invalid_arguments",
      );
      const home = (n: number) => ({ type: "home", blocks: Array.from({ length: n }, () => ({ type: "divider" })) });
      await expect(client.apiCall("views.publish", { user_id: "U0ALICE", view: home(100) })).resolves.toMatchObject({ ok: true });
      await expectRefused(
        "views.publish",
        client.apiCall("views.publish", { user_id: "U0ALICE", view: home(100 + 1) }),
        "invalid_arguments",
      );
    });

    it("requires a submit button on a modal with an input block", async () => {
      const data = await expectRefused(
        "views.open",
        client.apiCall("views.open", {
          trigger_id: standIn.issueTriggerId(),
          view: modal([input({ type: "plain_text_input" })], { submit: undefined }),
        }),
        "invalid_arguments",
      );
      expect((data.response_metadata as { messages: string[] }).messages).toContain(
        "[ERROR] missing required field: submit [json-pointer:/view]",
      );
    });

    it("refuses a view over 250 kB with view_too_large, and takes one of exactly 250 kB", async () => {
      // 83 sections of 3000 characters plus one whose length brings the JSON to the byte limit.
      const sized = (lastLength: number) =>
        modal([
          ...Array.from({ length: 83 }, () => ({ type: "section", text: mrkdwn(text(3000)) })),
          { type: "section", text: mrkdwn(text(lastLength)) },
        ]);
      const lastLength = 1 + VIEW_BYTES_LIMIT - Buffer.byteLength(JSON.stringify(sized(1)));
      expect(lastLength).toBeGreaterThan(0);
      expect(lastLength).toBeLessThanOrEqual(3000);
      expect(Buffer.byteLength(JSON.stringify(sized(lastLength)))).toBe(VIEW_BYTES_LIMIT);
      await expect(
        client.apiCall("views.open", { trigger_id: standIn.issueTriggerId(), view: sized(lastLength) }),
      ).resolves.toMatchObject({ ok: true });
      await expectRefused(
        "views.open",
        client.apiCall("views.open", { trigger_id: standIn.issueTriggerId(), view: sized(lastLength + 1) }),
        "view_too_large",
      );
    });

    it("answers views.update of a view it does not hold with not_found", async () => {
      await expectRefused(
        "views.update",
        client.apiCall("views.update", { view_id: "V0NOSUCHVIEW", view: modal([]) }),
        "not_found",
      );
    });
  });

  // ------------------------------------------------------------------ 4. channels and membership

  describe("channels and membership", () => {
    it("answers a channel it does not know with channel_not_found", async () => {
      await expectRefused(
        "chat.postMessage",
        client.chat.postMessage({ channel: "C0NOWHERE", text: "hoi" }),
        "channel_not_found",
      );
    });

    it("answers a public channel the bot is not in with not_in_channel, until the bot is invited", async () => {
      await expectRefused("chat.postMessage", client.chat.postMessage({ channel: "C0OUTSIDE", text: "hoi" }), "not_in_channel");
      standIn.setBotMembership("C0OUTSIDE", true);
      await expect(client.chat.postMessage({ channel: "C0OUTSIDE", text: "hoi" })).resolves.toMatchObject({ ok: true });
    });

    it("answers a private channel the bot is not in with channel_not_found, in conversations.info too", async () => {
      await expectRefused("chat.postMessage", client.chat.postMessage({ channel: "G0SECRET", text: "hoi" }), "channel_not_found");
      await expectRefused("conversations.info", client.conversations.info({ channel: "G0SECRET" }), "channel_not_found");
      await expect(client.chat.postMessage({ channel: "G0INSIDE", text: "hoi" })).resolves.toMatchObject({ ok: true });
    });

    it("answers an archived channel with is_archived", async () => {
      await expectRefused("chat.postMessage", client.chat.postMessage({ channel: "C0ARCHIVE", text: "hoi" }), "is_archived");
      await expectRefused(
        "chat.postEphemeral",
        client.chat.postEphemeral({ channel: "C0ARCHIVE", user: "U0ALICE", text: "hoi" }),
        "is_archived",
      );
    });

    it("applies the membership rules to uploads and history", async () => {
      await expectRefused(
        "files.completeUploadExternal",
        client.files.uploadV2({ channel_id: "C0OUTSIDE", filename: "a.csv", content: "a;b\n" }),
        "not_in_channel",
      );
      await expectRefused("conversations.history", client.conversations.history({ channel: "C0OUTSIDE" }), "not_in_channel");
      await expectRefused(
        "conversations.replies",
        client.conversations.replies({ channel: "G0SECRET", ts: "1.000100" }),
        "channel_not_found",
      );
    });

    it("posts to a user id as the DM with the app, and accepts the DM channel from conversations.open", async () => {
      const toUser = await client.chat.postMessage({ channel: "U0ALICE", text: "hoi" });
      expect(toUser.channel).toBe(standIn.dmChannelFor("U0ALICE"));
      const opened = await client.conversations.open({ users: "U0ALICE" });
      const inDm = await client.chat.postMessage({ channel: opened.channel?.id as string, text: "nog eens" });
      expect(inDm.channel).toBe(toUser.channel);
      expect(standIn.messages.filter((m) => m.channel === toUser.channel).map((m) => m.text)).toEqual(["hoi", "nog eens"]);
    });

    it("answers conversations.info with the truth about membership", async () => {
      await expect(client.conversations.info({ channel: "C0OUTSIDE" })).resolves.toMatchObject({
        channel: { id: "C0OUTSIDE", name: "random", is_member: false, is_private: false },
      });
      await expect(client.conversations.info({ channel: "G0INSIDE" })).resolves.toMatchObject({
        channel: { id: "G0INSIDE", is_member: true, is_private: true },
      });
      await expectRefused("conversations.info", client.conversations.info({ channel: "C0NOWHERE" }), "channel_not_found");
    });

    it("answers an ephemeral message for a user outside the channel with user_not_in_channel", async () => {
      await expectRefused(
        "chat.postEphemeral",
        client.chat.postEphemeral({ channel: "C0MEMBERS", user: "U0BOB", text: "hoi" }),
        "user_not_in_channel",
      );
      await expect(client.chat.postEphemeral({ channel: "C0MEMBERS", user: "U0ALICE", text: "hoi" })).resolves.toMatchObject({
        ok: true,
      });
      // Without declared members every user is a member.
      await expect(client.chat.postEphemeral({ channel: "C0PUBLIC", user: "U0BOB", text: "hoi" })).resolves.toMatchObject({
        ok: true,
      });
    });

    it("clear() restores the declared membership and archive state", async () => {
      standIn.setBotMembership("C0PUBLIC", false);
      standIn.setChannelArchived("G0INSIDE", true);
      standIn.clear();
      await expect(client.chat.postMessage({ channel: "C0PUBLIC", text: "hoi" })).resolves.toMatchObject({ ok: true });
      await expect(client.chat.postMessage({ channel: "G0INSIDE", text: "hoi" })).resolves.toMatchObject({ ok: true });
    });

    it("knows users it was never told about, except those marked unknown or not shaped like user ids", async () => {
      await expect(client.users.info({ user: "U0NEVERSEEN" })).resolves.toMatchObject({ user: { id: "U0NEVERSEEN" } });
      await expectRefused("users.info", client.users.info({ user: "not-a-user" }), "user_not_found");
      standIn.markUserUnknown("U0GONE");
      await expectRefused("users.info", client.users.info({ user: "U0GONE" }), "user_not_found");
      await expectRefused("chat.postMessage", client.chat.postMessage({ channel: "U0GONE", text: "hoi" }), "channel_not_found");
      standIn.setUser("U0LEFT", { deleted: true });
      await expect(client.users.info({ user: "U0LEFT" })).resolves.toMatchObject({ user: { deleted: true } });
    });
  });

  // ------------------------------------------------------------------ 5. chat.update / chat.delete

  describe("messages the bot did not post", () => {
    it("answers chat.update of someone else's message with cant_update_message", async () => {
      const ts = standIn.injectForeignMessage("C0PUBLIC", "van iemand anders");
      await expectRefused(
        "chat.update",
        client.chat.update({ channel: "C0PUBLIC", ts, text: "overschreven" }),
        "cant_update_message",
      );
      expect(standIn.message("C0PUBLIC", ts)?.text).toBe("van iemand anders");
    });

    it("answers chat.update of a ts it never saw with message_not_found, without creating it", async () => {
      await expectRefused(
        "chat.update",
        client.chat.update({ channel: "C0PUBLIC", ts: "1700000000.000100", text: "x" }),
        "message_not_found",
      );
      expect(standIn.message("C0PUBLIC", "1700000000.000100")).toBeUndefined();
    });

    it("applies the same to chat.delete, and refuses a deleted message afterwards", async () => {
      const foreign = standIn.injectForeignMessage("C0PUBLIC", "niet van de bot");
      await expectRefused("chat.delete", client.chat.delete({ channel: "C0PUBLIC", ts: foreign }), "cant_delete_message");
      await expectRefused(
        "chat.delete",
        client.chat.delete({ channel: "C0PUBLIC", ts: "1700000000.000100" }),
        "message_not_found",
      );
      const own = await client.chat.postMessage({ channel: "C0PUBLIC", text: "weg ermee" });
      await expect(client.chat.delete({ channel: "C0PUBLIC", ts: own.ts as string })).resolves.toMatchObject({ ok: true });
      await expectRefused(
        "chat.update",
        client.chat.update({ channel: "C0PUBLIC", ts: own.ts as string, text: "x" }),
        "message_not_found",
      );
    });

    it("answers chat.getPermalink of an unknown ts with message_not_found", async () => {
      await expectRefused(
        "chat.getPermalink",
        client.chat.getPermalink({ channel: "C0PUBLIC", message_ts: "1700000000.000100" }),
        "message_not_found",
      );
      const foreign = standIn.injectForeignMessage("C0PUBLIC", "mag gelinkt");
      await expect(client.chat.getPermalink({ channel: "C0PUBLIC", message_ts: foreign })).resolves.toMatchObject({ ok: true });
    });
  });

  // ------------------------------------------------------------------ 6. rate limits

  describe("rate limits", () => {
    it("answers calls beyond the set rate with 429 and Retry-After, which WebClient reads", async () => {
      standIn.setRateLimit("chat.postMessage", { perMinute: 2, retryAfterSeconds: 7 });
      const rejecting = webClient(DEFAULT_BOT_TOKEN, { rejectRateLimitedCalls: true });
      await rejecting.chat.postMessage({ channel: "C0PUBLIC", text: "1" });
      await rejecting.chat.postMessage({ channel: "C0PUBLIC", text: "2" });
      await expect(rejecting.chat.postMessage({ channel: "C0PUBLIC", text: "3" })).rejects.toMatchObject({
        code: ErrorCode.RateLimitedError,
        retryAfter: 7,
      });
      expect(lastCall(standIn, "chat.postMessage")).toMatchObject({ failed: true, status: 429, error: "ratelimited" });
      expect(lastCall(standIn, "chat.postMessage")?.response).toEqual({ ok: false, error: "ratelimited" });
      // Other methods keep their own budget.
      await expect(rejecting.auth.test()).resolves.toMatchObject({ ok: true });
    });

    it("by default asks to retry when the oldest call in the minute leaves it", async () => {
      standIn.setRateLimit("users.info", { perMinute: 1 });
      const rejecting = webClient(DEFAULT_BOT_TOKEN, { rejectRateLimitedCalls: true });
      await rejecting.users.info({ user: "U0ALICE" });
      const refused = await rejecting.users.info({ user: "U0ALICE" }).catch((e: { retryAfter?: number }) => e);
      expect((refused as { retryAfter?: number }).retryAfter).toBeGreaterThanOrEqual(59);
      expect((refused as { retryAfter?: number }).retryAfter).toBeLessThanOrEqual(60);
    });

    it("rateLimitNext answers the next calls with 429 whatever the rate", async () => {
      standIn.rateLimitNext("views.publish", 3, 2);
      const rejecting = webClient(DEFAULT_BOT_TOKEN, { rejectRateLimitedCalls: true });
      const home = { type: "home", blocks: [] };
      for (let i = 0; i < 2; i++) {
        await expect(rejecting.apiCall("views.publish", { user_id: "U0ALICE", view: home })).rejects.toMatchObject({
          code: ErrorCode.RateLimitedError,
          retryAfter: 3,
        });
      }
      await expect(rejecting.apiCall("views.publish", { user_id: "U0ALICE", view: home })).resolves.toMatchObject({ ok: true });
      expect(standIn.callsTo("views.publish").map((c) => c.status)).toEqual([429, 429, 200]);
    });

    it("limits chat.postMessage per channel only when the test opts in", async () => {
      for (let i = 0; i < 6; i++) await client.chat.postMessage({ channel: "C0PUBLIC", text: `snel ${i}` });
      standIn.setChannelPostingRate({ perSecond: 1, burst: 2 });
      const rejecting = webClient(DEFAULT_BOT_TOKEN, { rejectRateLimitedCalls: true });
      await rejecting.chat.postMessage({ channel: "C0PUBLIC", text: "1" });
      await rejecting.chat.postMessage({ channel: "C0PUBLIC", text: "2" });
      await expect(rejecting.chat.postMessage({ channel: "C0PUBLIC", text: "3" })).rejects.toMatchObject({
        code: ErrorCode.RateLimitedError,
        retryAfter: 1,
      });
      // Another channel has its own allowance.
      await expect(rejecting.chat.postMessage({ channel: "G0INSIDE", text: "elders" })).resolves.toMatchObject({ ok: true });
    });
  });

  // ------------------------------------------------------------------ 7. metadata and history

  describe("message metadata and history", () => {
    const metadata = { event_type: "outbox_delivered", event_payload: { outbox_id: "42", kind: "dpo_page" } };

    it("stores metadata and returns it from conversations.history only with include_all_metadata", async () => {
      const posted = await api("chat.postMessage", { channel: "G0INSIDE", text: "gemeld", metadata });
      const without = await client.conversations.history({ channel: "G0INSIDE" });
      expect(without.messages?.[0]).toMatchObject({ ts: posted.ts, text: "gemeld" });
      expect(without.messages?.[0]).not.toHaveProperty("metadata");
      const withMetadata = await client.conversations.history({ channel: "G0INSIDE", include_all_metadata: true });
      expect(withMetadata.messages?.[0]).toMatchObject({ ts: posted.ts, metadata });
    });

    it("refuses metadata that is not { event_type, event_payload } with invalid_metadata_format", async () => {
      await expectRefused(
        "chat.postMessage",
        client.apiCall("chat.postMessage", { channel: "C0PUBLIC", text: "x", metadata: { event_type: "a" } }),
        "invalid_metadata_format",
      );
    });

    it("posts but ignores metadata whose event_type has punctuation, with the invalid_metadata_schema warning", async () => {
      const posted = await api("chat.postMessage", {
        channel: "C0PUBLIC",
        text: "x",
        metadata: { event_type: "outbox.delivered", event_payload: {} },
      });
      expect(posted.response_metadata).toMatchObject({ warnings: ["invalid_metadata_schema"] });
      const history = await client.conversations.history({ channel: "C0PUBLIC", include_all_metadata: true });
      expect(history.messages?.[0]).not.toHaveProperty("metadata");
    });

    it("keeps metadata on chat.update without metadata, and removes it with an empty object", async () => {
      const posted = await api("chat.postMessage", { channel: "C0PUBLIC", text: "v1", metadata });
      await client.chat.update({ channel: "C0PUBLIC", ts: posted.ts as string, text: "v2" });
      expect(standIn.message("C0PUBLIC", posted.ts as string)?.metadata).toEqual(metadata);
      await client.apiCall("chat.update", { channel: "C0PUBLIC", ts: posted.ts, text: "v3", metadata: {} });
      expect(standIn.message("C0PUBLIC", posted.ts as string)?.metadata).toBeUndefined();
    });

    it("lists history newest first, without thread replies, filtered by oldest/latest/inclusive", async () => {
      const ts: string[] = [];
      for (const t of ["een", "twee", "drie"])
        ts.push((await client.chat.postMessage({ channel: "C0PUBLIC", text: t })).ts as string);
      await client.chat.postMessage({ channel: "C0PUBLIC", text: "antwoord", thread_ts: ts[0] });
      const all = await client.conversations.history({ channel: "C0PUBLIC" });
      expect(all.messages?.map((m) => m.text)).toEqual(["drie", "twee", "een"]);
      expect(all.messages?.[2]).toMatchObject({ reply_count: 1, thread_ts: ts[0] });
      const exclusive = await client.conversations.history({ channel: "C0PUBLIC", oldest: ts[0], latest: ts[2] });
      expect(exclusive.messages?.map((m) => m.text)).toEqual(["twee"]);
      const inclusive = await client.conversations.history({
        channel: "C0PUBLIC",
        oldest: ts[0],
        latest: ts[2],
        inclusive: true,
      });
      expect(inclusive.messages?.map((m) => m.text)).toEqual(["drie", "twee", "een"]);
      await expectRefused(
        "conversations.history",
        client.conversations.history({ channel: "C0PUBLIC", oldest: "gisteren" }),
        "invalid_ts_oldest",
      );
    });

    it("pages history with limit and cursor", async () => {
      for (let i = 1; i <= 5; i++) await client.chat.postMessage({ channel: "C0PUBLIC", text: `m${i}` });
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await client.conversations.history({
          channel: "C0PUBLIC",
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        pages += 1;
        seen.push(...(page.messages ?? []).map((m) => m.text ?? ""));
        cursor = page.response_metadata?.next_cursor || undefined;
        expect(page.has_more).toBe(cursor !== undefined);
      } while (cursor && pages < 10);
      expect(seen).toEqual(["m5", "m4", "m3", "m2", "m1"]);
      expect(pages).toBe(3);
      await expectRefused(
        "conversations.history",
        client.conversations.history({ channel: "C0PUBLIC", cursor: "bm9wZQ==" }),
        "invalid_cursor",
      );
    });

    it("returns a thread from conversations.replies with the parent first, metadata only when asked", async () => {
      const parent = await api("chat.postMessage", { channel: "G0INSIDE", text: "melding", metadata });
      const parentTs = parent.ts as string;
      await client.chat.postMessage({ channel: "G0INSIDE", text: "eerste", thread_ts: parentTs });
      standIn.injectForeignMessage("G0INSIDE", "vraag van de FG", { threadTs: parentTs, user: "U0DPO" });
      const thread = await client.conversations.replies({ channel: "G0INSIDE", ts: parentTs });
      expect(thread.messages?.map((m) => m.text)).toEqual(["melding", "eerste", "vraag van de FG"]);
      expect(thread.messages?.[0]).not.toHaveProperty("metadata");
      const fromReply = await client.conversations.replies({
        channel: "G0INSIDE",
        ts: thread.messages?.[1]?.ts as string,
        include_all_metadata: true,
      });
      expect(fromReply.messages?.[0]).toMatchObject({ ts: parentTs, metadata });
      await expectRefused(
        "conversations.replies",
        client.conversations.replies({ channel: "G0INSIDE", ts: "1700000000.000100" }),
        "thread_not_found",
      );
    });
  });

  // ------------------------------------------------------------------ scopes

  describe("scopes", () => {
    it("grants by default the scopes of manifest.yml plus the history scopes", () => {
      const manifest = parseYaml(readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8")) as {
        oauth_config: { scopes: { bot: string[] } };
      };
      expect([...DEFAULT_BOT_SCOPES].sort()).toEqual(
        [...new Set([...manifest.oauth_config.scopes.bot, "channels:history", "groups:history", "im:history"])].sort(),
      );
      expect(standIn.scopes).toEqual(DEFAULT_BOT_SCOPES);
    });

    it("answers a method whose scope was not granted with missing_scope, needed and provided", async () => {
      const narrow = await SlackStandIn.start({ scopes: ["users:read"], channels: { C0PUBLIC: {} } });
      try {
        const narrowClient = new WebClient(DEFAULT_BOT_TOKEN, {
          slackApiUrl: narrow.url,
          retryConfig: { retries: 0 },
          logger: quietLogger,
        });
        await expect(narrowClient.chat.postMessage({ channel: "C0PUBLIC", text: "x" })).rejects.toMatchObject({
          data: { ok: false, error: "missing_scope", needed: "chat:write", provided: "users:read" },
        });
        await expect(narrowClient.users.info({ user: "U0ALICE" })).resolves.toMatchObject({ ok: true });
      } finally {
        await narrow.close();
      }
    });

    it("needs im:history for DM history, which the default scopes include, and not users:read.email", async () => {
      await expect(client.conversations.history({ channel: standIn.dmChannelFor("U0ALICE") })).resolves.toMatchObject({
        ok: true,
      });
      await expectRefused("users.lookupByEmail", client.users.lookupByEmail({ email: "a@example.org" }), "missing_scope");
    });
  });
});

// ------------------------------------------------------------------ the simulator

describe("SlackClientSimulator with the strict stand-in", () => {
  const signingSecret = "strict-signing-secret";
  let standIn: SlackStandIn;
  let app: App;
  let botUrl: string;
  const homeOpenedBy: string[] = [];

  beforeAll(async () => {
    standIn = await SlackStandIn.start({ channels: { C0GENERAL: { name: "general" } } });
    app = new App({
      token: DEFAULT_BOT_TOKEN,
      signingSecret,
      logLevel: LogLevel.ERROR,
      logger: quietLogger,
      clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 } },
    });
    app.command("/datalek", async ({ ack, command, client }) => {
      await ack();
      await client.views
        .open({
          trigger_id: command.trigger_id,
          view: { type: "modal", callback_id: "report", title: { type: "plain_text", text: "Melden" }, blocks: [] },
        })
        .catch(() => undefined);
    });
    app.event("app_home_opened", async ({ event }) => {
      homeOpenedBy.push(event.user);
    });
    const server = (await app.start(0)) as Server;
    botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });
  beforeEach(() => {
    standIn.clear();
    homeOpenedBy.length = 0;
  });

  it("puts stand-in-issued triggers in slash commands, which views.open accepts within their lifetime", async () => {
    const sim = new SlackClientSimulator({ botUrl, signingSecret, newTriggerId: () => standIn.issueTriggerId() });
    await sim.slashCommand({ userId: "U0ALICE" });
    const [opened] = await standIn.waitForCalls("views.open", 1);
    expect(opened?.response).toMatchObject({ ok: true, view: { callback_id: "report" } });
  });

  it("without a stand-in its random triggers are refused, as Slack would refuse an invented one", async () => {
    const sim = new SlackClientSimulator({ botUrl, signingSecret });
    await sim.slashCommand({ userId: "U0ALICE" });
    await vi.waitFor(() => expect(standIn.callsTo("views.open")[0]).toMatchObject({ failed: true, error: "invalid_trigger_id" }));
  });

  it("delivers an app_home_opened event the Bolt app handles", async () => {
    const sim = new SlackClientSimulator({ botUrl, signingSecret });
    const res = await sim.event({ userId: "U0ALICE" });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(homeOpenedBy).toEqual(["U0ALICE"]));
  });

  it("signs events over their JSON body and marks retries with Slack's headers", async () => {
    const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
    const capture = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => capture.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(capture.address() as AddressInfo).port}/`;
      const sim = new SlackClientSimulator({ botUrl: url, signingSecret });
      await sim.event({ userId: "U0BOB", eventId: "Ev0SAME" });
      await sim.event({ userId: "U0BOB", eventId: "Ev0SAME" }, { retry: { num: 1, reason: "http_timeout" } });
      expect(received).toHaveLength(2);
      const [first, retry] = received;
      expect(first?.headers["content-type"]).toBe("application/json");
      expect(first?.headers["x-slack-retry-num"]).toBeUndefined();
      expect(retry?.headers["x-slack-retry-num"]).toBe("1");
      expect(retry?.headers["x-slack-retry-reason"]).toBe("http_timeout");
      const body = JSON.parse(retry?.body ?? "{}") as { type: string; event_id: string; event: Record<string, unknown> };
      expect(body).toMatchObject({
        type: "event_callback",
        event_id: "Ev0SAME",
        event: { type: "app_home_opened", user: "U0BOB", tab: "home" },
      });
      expect(() =>
        verifySlackRequest({
          signingSecret,
          body: retry?.body ?? "",
          headers: {
            "x-slack-signature": String(retry?.headers["x-slack-signature"]),
            "x-slack-request-timestamp": Number(retry?.headers["x-slack-request-timestamp"]),
          },
        }),
      ).not.toThrow();
    } finally {
      await new Promise<void>((resolve) => capture.close(() => resolve()));
    }
  });

  it("hands each request to a pluggable delivery as a plain object with its envelope type", async () => {
    const delivered: { type: TSlackEnvelopeType; payload: Record<string, unknown>; options?: SendOptions }[] = [];
    const delivery: TSlackDelivery = {
      deliver: async (type, payload, options): Promise<BotResponse> => {
        delivered.push({ type, payload, options });
        return { status: 200, body: "", headers: {} };
      },
    };
    const sim = new SlackClientSimulator({ signingSecret, delivery, newTriggerId: () => "111.222.issued" });
    await sim.slashCommand({ userId: "U0ALICE", text: "nieuw" });
    await sim.blockAction({ userId: "U0ALICE", actions: [{ action_id: "confirm" }], channelId: "C0GENERAL" });
    await sim.viewSubmission({ userId: "U0ALICE", view: { callback_id: "report" } });
    await sim.event({ userId: "U0ALICE" }, { retry: { num: 2, reason: "timeout" } });
    expect(delivered.map((d) => d.type)).toEqual(["slash_commands", "interactive", "interactive", "events_api"]);
    expect(delivered[0]?.payload).toMatchObject({
      command: "/datalek",
      text: "nieuw",
      user_id: "U0ALICE",
      trigger_id: "111.222.issued",
    });
    expect(delivered[1]?.payload).toMatchObject({ type: "block_actions", trigger_id: "111.222.issued" });
    expect(delivered[2]?.payload).toMatchObject({ type: "view_submission", trigger_id: "111.222.issued" });
    expect(delivered[3]?.payload).toMatchObject({ type: "event_callback", event: { type: "app_home_opened" } });
    expect(delivered[3]?.options?.retry).toEqual({ num: 2, reason: "timeout" });
  });
});
