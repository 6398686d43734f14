// The bot's Slack transport (undici's request API under @slack/web-api's
// client, instead of the global fetch) must change nothing the client does
// with an answer: results, Slack's refusals, 429 with Retry-After, HTTP
// errors, timeouts and file uploads, all over real HTTP to the strict stand-in.
import net from "node:net";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ErrorCode,
  WebClient,
  type WebAPIHTTPError,
  type WebAPIPlatformError,
  type WebAPIRateLimitedError,
} from "@slack/web-api";
import { createSlackWebClient, slackClientOptions } from "../../src/slack/client/createSlackWebClient.ts";
import { SlackStandIn } from "../../src/devtools/slack/slackStandIn.ts";

const logger = pino({ level: "silent" });

describe("the Slack transport under the bot's clients", () => {
  let standIn: SlackStandIn;
  beforeEach(async () => {
    standIn = await SlackStandIn.start({ channels: { C0DPO: { name: "privacy" } } });
  });
  afterEach(async () => {
    await standIn.close();
  });

  const botClient = () => createSlackWebClient({ SLACK_BOT_TOKEN: standIn.botToken, SLACK_API_URL: standIn.url }, logger);
  /** What a post that the stand-in refuses throws. */
  const refusedPost = (client: WebClient = botClient()) =>
    client.chat.postMessage({ channel: "C0DPO", text: "x" }).then(
      () => expect.unreachable("the post was accepted"),
      (error: unknown) => error,
    );

  it("posts what the client serialised and gives back Slack's answer", async () => {
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*DL-2026-0007* — nieuw datalek (ë, €)" } }];
    const result = await botClient().chat.postMessage({ channel: "C0DPO", text: "Nieuw datalek DL-2026-0007", blocks });
    expect(result.ok).toBe(true);
    expect(typeof result.ts).toBe("string");
    const [call] = standIn.callsTo("chat.postMessage");
    expect(call?.token).toBe(standIn.botToken);
    expect(call?.args.blocks).toEqual(blocks);
    expect(standIn.message("C0DPO", result.ts!)?.text).toBe("Nieuw datalek DL-2026-0007");
  });

  it("passes Slack's refusals through: no token is not_authed, a wrong one invalid_auth", async () => {
    const tokenless = new WebClient(undefined, {
      ...slackClientOptions({ SLACK_API_URL: standIn.url }, logger),
      retryConfig: { retries: 0 },
    });
    const noToken = (await refusedPost(tokenless)) as WebAPIPlatformError;
    expect(noToken.code).toBe(ErrorCode.PlatformError);
    expect(noToken.data.error).toBe("not_authed");
    const wrong = createSlackWebClient({ SLACK_BOT_TOKEN: "xoxb-wrong", SLACK_API_URL: standIn.url }, logger);
    expect(((await refusedPost(wrong)) as WebAPIPlatformError).data.error).toBe("invalid_auth");
  });

  it("reads Retry-After from a 429, so the outbox can wait exactly that long", async () => {
    standIn.rateLimitNext("chat.postMessage", 17);
    const error = (await refusedPost()) as WebAPIRateLimitedError;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(17);
  });

  it("turns an HTTP failure into the client's HTTP error, with the status", async () => {
    standIn.failNext("chat.postMessage", { status: 503 });
    const error = (await refusedPost()) as WebAPIHTTPError;
    expect(error.code).toBe(ErrorCode.HTTPError);
    expect(error.statusCode).toBe(503);
  });

  it("uploads a file (a binary body, sent as multipart form data)", async () => {
    const client = botClient();
    const content = "referentie;status\nDL-2026-0001;open\n";
    const result = await client.filesUploadV2({
      channel_id: "C0DPO",
      filename: "register.csv",
      file: Buffer.from(content),
      title: "Register",
    });
    expect(result.ok).toBe(true);
    expect(standIn.uploads.map((upload) => upload.content)).toEqual([content]);
  });
});

describe("a Slack that accepts the connection and never answers", () => {
  let silent: net.Server;
  const sockets: net.Socket[] = [];
  beforeEach(async () => {
    silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it("gives up after the client's timeout with a request error, not a hang", async () => {
    const { port } = silent.address() as AddressInfo;
    const client = new WebClient("xoxb-any", {
      ...slackClientOptions({ SLACK_API_URL: `http://127.0.0.1:${port}/api/` }, logger),
      retryConfig: { retries: 0 },
      timeout: 200,
    });
    const error = await client.chat.postMessage({ channel: "C0DPO", text: "x" }).catch((e: Error & { code?: string }) => e);
    expect((error as { code?: string }).code).toBe(ErrorCode.RequestError);
    expect(sockets.length).toBe(1);
  });
});
