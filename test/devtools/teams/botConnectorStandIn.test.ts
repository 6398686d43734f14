import { createPublicKey, generateKeyPairSync, sign as rsaSign, verify as rsaVerify } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  BotConnectorStandIn,
  DOCUMENTED_MESSAGE_LIMIT_BYTES,
  type StandInTeam,
  type StandInUser,
} from "../../../src/devtools/teams/botConnectorStandIn.ts";
import { TeamsActivities } from "../../../src/devtools/teams/teamsActivities.ts";
import { adaptiveCardProblems } from "../../../src/devtools/teams/cardChecks.ts";

const APP_ID = "00000000-aaaa-4bbb-8ccc-000000000001";
const APP_PASSWORD = "correct-horse-battery-staple";
const TENANT_ID = "11111111-2222-4333-8444-555555555555";

let standIn: BotConnectorStandIn;

beforeAll(async () => {
  standIn = await BotConnectorStandIn.start({ appId: APP_ID, appPassword: APP_PASSWORD, tenantId: TENANT_ID });
});
afterAll(async () => {
  await standIn.close();
});

/** Client credentials as a bot sends them (bot-framework-rest-connector-authentication.md, Step 1). */
async function requestToken(
  fields: Partial<Record<"client_id" | "client_secret" | "scope" | "grant_type", string>> = {},
  tenant = TENANT_ID,
): Promise<Response> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: APP_ID,
    client_secret: APP_PASSWORD,
    scope: "https://api.botframework.com/.default",
    ...fields,
  });
  return fetch(`${standIn.loginEndpoint}/${tenant}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
}

async function botToken(): Promise<string> {
  const res = await requestToken();
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function connector(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${standIn.serviceUrl}${path.replace(/^\//, "")}`, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

function adaptiveCard(version: string, actionCount = 1): Record<string, unknown> {
  return {
    contentType: "application/vnd.microsoft.card.adaptive",
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version,
      body: [{ type: "TextBlock", text: "Datalek gemeld", wrap: true }],
      actions: Array.from({ length: actionCount }, (_, i) => ({
        type: "Action.Execute",
        title: `Knop ${i + 1}`,
        verb: `verb${i}`,
      })),
    },
  };
}

describe("identity: the token endpoint", () => {
  it("refuses a wrong secret the way Entra ID does (401 invalid_client, AADSTS7000215)", async () => {
    const res = await requestToken({ client_secret: "not-the-secret" });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.error).toBe("invalid_client");
    expect(body.error_codes).toEqual([7000215]);
    expect(String(body.error_description)).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(body.error_uri).toBe("https://login.microsoftonline.com/error?code=7000215");
  });

  it("issues a bearer token for the right app id and secret, for the Bot Framework audience", async () => {
    const res = await requestToken();
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBeGreaterThan(0);
    const claims = claimsOf(String(body.access_token));
    expect(claims.aud).toBe("https://api.botframework.com");
    expect(claims.appid).toBe(APP_ID);
    expect(claims.iss).toBe(`https://sts.windows.net/${TENANT_ID}/`);
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000);
  });

  it("does not know the app in another directory, nor an unknown client id (400 unauthorized_client, AADSTS700016)", async () => {
    for (const res of [await requestToken({}, "botframework.com"), await requestToken({ client_id: "someone-else" })]) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body.error).toBe("unauthorized_client");
      expect(body.error_codes).toEqual([700016]);
    }
  });

  it("refuses a client-credentials scope without /.default (400 invalid_scope, AADSTS1002012)", async () => {
    const res = await requestToken({ scope: "https://api.botframework.com/Messages.Send" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_codes: number[] }).error_codes).toEqual([1002012]);
  });

  it("publishes OpenID metadata and a JWKS whose key carries the msteams endorsement", async () => {
    const metadata = (await (await fetch(standIn.openIdMetadataUrl)).json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe("https://api.botframework.com");
    expect(metadata.id_token_signing_alg_values_supported).toEqual(["RS256"]);
    expect(metadata.jwks_uri).toBe(standIn.keysUrl);
    const jwks = (await (await fetch(String(metadata.jwks_uri))).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", use: "sig", endorsements: ["msteams"] });
    expect(typeof jwks.keys[0]!.kid).toBe("string");
  });
});

describe("the Bot Connector API", () => {
  let token: string;
  let alice: StandInUser;
  let bob: StandInUser;
  let privacyTeam: StandInTeam;
  let privacyChannelId: string;

  beforeAll(async () => {
    token = await botToken();
    alice = standIn.addUser({ name: "Alice de Vries", email: "alice@zorg.example" });
    bob = standIn.addUser({ name: "Bob Jansen" });
    privacyTeam = standIn.addTeam({ name: "Privacy", channels: ["Datalekken"], memberIds: [alice.id, bob.id] });
    privacyChannelId = privacyTeam.channels[1]!.id;
  });
  beforeEach(() => {
    standIn.clear();
    standIn.setRateLimitsEnforced(true);
  });

  describe("refusals", () => {
    it("refuses a call without a bearer token (401, the service's own body)", async () => {
      const res = await connector("/v3/conversations", {
        method: "POST",
        body: { members: [{ id: alice.id }], tenantId: TENANT_ID },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: "Authorization has been denied for this request." });
      expect(standIn.callsTo("createConversation")[0]?.status).toBe(401);
    });

    it("refuses a token it did not issue, an expired one and one for another audience", async () => {
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "forged" })).toString("base64url");
      const payload = Buffer.from(JSON.stringify(claimsOf(token))).toString("base64url");
      const forged = `${header}.${payload}.${rsaSign("sha256", Buffer.from(`${header}.${payload}`), privateKey).toString("base64url")}`;
      const expired = standIn.mintAccessToken({ exp: Math.floor(Date.now() / 1000) - 3600 });
      const anotherBots = standIn.mintAccessToken({ appid: "another-bot-app-id" });
      const graphRes = await requestToken({ scope: "https://graph.microsoft.com/.default" });
      const graphToken = ((await graphRes.json()) as { access_token: string }).access_token;

      for (const bad of [forged, expired, anotherBots, graphToken, "not-a-jwt"]) {
        const res = await connector(`/v3/conversations/${encodeURIComponent(privacyChannelId)}/members`, { token: bad });
        expect(res.status).toBe(401);
      }
      // The same call with the issued token gets past authentication (here to the installation check).
      const ok = await connector(`/v3/conversations/${encodeURIComponent(privacyChannelId)}/members`, { token });
      expect(ok.status).toBe(403);
    });

    it("answers 404 ConversationNotFound for a conversation it does not know", async () => {
      const res = await connector("/v3/conversations/a%3Anobody-knows-this/activities", {
        method: "POST",
        token,
        body: { type: "message", text: "hallo" },
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "ConversationNotFound", message: "Conversation not found." } });
    });

    it("refuses an activity over the documented size limit with 413 MessageSizeTooBig", async () => {
      const conversation = standIn.installPersonalApp(alice.id);
      // Counted as UTF-16: every character two bytes.
      const overhead = JSON.stringify({ type: "message", text: "" }).length;
      const justUnder = "x".repeat(DOCUMENTED_MESSAGE_LIMIT_BYTES / 2 - overhead);
      const justOver = `${justUnder}x`;
      const path = `/v3/conversations/${encodeURIComponent(conversation.id)}/activities`;

      const under = await connector(path, { method: "POST", token, body: { type: "message", text: justUnder } });
      expect(under.status).toBe(201);
      const over = await connector(path, { method: "POST", token, body: { type: "message", text: justOver } });
      expect(over.status).toBe(413);
      expect(await over.json()).toEqual({ error: { code: "MessageSizeTooBig", message: "Message size too large." } });
      expect(standIn.conversation(conversation.id)!.activities).toHaveLength(1);
    });

    it("throttles with 429 and Retry-After when a test asks for it", async () => {
      const conversation = standIn.installPersonalApp(alice.id);
      standIn.throttleNext("sendToConversation", 7);
      const path = `/v3/conversations/${encodeURIComponent(conversation.id)}/activities`;
      const throttled = await connector(path, { method: "POST", token, body: { type: "message", text: "een" } });
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get("retry-after")).toBe("7");
      expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe("Throttled");
      const next = await connector(path, { method: "POST", token, body: { type: "message", text: "twee" } });
      expect(next.status).toBe(201);
    });

    it("applies the documented per-thread limit: the eighth send within a second is throttled", async () => {
      const conversation = standIn.installPersonalApp(bob.id);
      const path = `/v3/conversations/${encodeURIComponent(conversation.id)}/activities`;
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 8; i++) {
        const res = await connector(path, { method: "POST", token, body: { type: "message", text: `bericht ${i}` } });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get("retry-after");
      }
      expect(statuses.slice(0, 7)).toEqual([201, 201, 201, 201, 201, 201, 201]);
      expect(statuses[7]).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      // Other conversations are not affected by this one's limit.
      const other = standIn.installPersonalApp(alice.id);
      const res = await connector(`/v3/conversations/${encodeURIComponent(other.id)}/activities`, {
        method: "POST",
        token,
        body: { type: "message", text: "los" },
      });
      expect(res.status).toBe(201);
    });

    it("refuses a personal conversation with a user who has not installed the app (403 ForbiddenOperationException)", async () => {
      const carol = standIn.addUser({ name: "Carol Smit" });
      const res = await connector("/v3/conversations", {
        method: "POST",
        token,
        body: { isGroup: false, members: [{ id: carol.id }], tenantId: TENANT_ID },
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("ForbiddenOperationException");
    });

    it("refuses a user of another tenant (400 BadSyntax, Invalid user identity in provided tenant)", async () => {
      const outsider = standIn.addUser({ name: "Dirk Buiten", tenantId: "99999999-0000-4000-8000-000000000000" });
      standIn.installPersonalApp(outsider.id);
      const res = await connector("/v3/conversations", {
        method: "POST",
        token,
        body: { members: [{ id: outsider.id }], tenantId: TENANT_ID },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "BadSyntax", message: "Invalid user identity in provided tenant" } });
    });

    it("refuses a channel of a team the app is not installed in (403 BotNotInConversationRoster)", async () => {
      const res = await connector("/v3/conversations", {
        method: "POST",
        token,
        body: { isGroup: true, channelData: { channel: { id: privacyChannelId } }, activity: { type: "message", text: "nieuw" } },
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BotNotInConversationRoster");
    });

    it("refuses sending to a user who blocked the bot (403 ConversationBlockedByUser)", async () => {
      const conversation = standIn.installPersonalApp(alice.id);
      standIn.setBlockedByUser(alice.id, true);
      try {
        const res = await connector(`/v3/conversations/${encodeURIComponent(conversation.id)}/activities`, {
          method: "POST",
          token,
          body: { type: "message", text: "hoi" },
        });
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("ConversationBlockedByUser");
      } finally {
        standIn.setBlockedByUser(alice.id, false);
      }
    });
  });

  describe("conversations and what people see", () => {
    it("creates a personal conversation, sends, replies and updates; all recorded and readable", async () => {
      standIn.installPersonalApp(alice.id);
      const created = await connector("/v3/conversations", {
        method: "POST",
        token,
        body: {
          isGroup: false,
          bot: { id: standIn.botId },
          members: [{ id: alice.id }],
          tenantId: TENANT_ID,
          activity: { type: "message", text: "Welkom" },
        },
      });
      expect(created.status).toBe(201);
      const { id: conversationId, activityId: welcomeId } = (await created.json()) as { id: string; activityId: string };
      expect(conversationId).toBe(standIn.personalConversationOf(alice.id)!.id);
      expect(welcomeId).toMatch(/^\d+$/);

      const path = `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
      const sent = (await (
        await connector(path, { method: "POST", token, body: { type: "message", text: "Melding ontvangen" } })
      ).json()) as { id: string };
      const replied = await connector(`${path}/${welcomeId}`, {
        method: "POST",
        token,
        body: { type: "message", text: "Antwoord" },
      });
      expect(replied.status).toBe(201);
      const updated = await connector(`${path}/${sent.id}`, {
        method: "PUT",
        token,
        body: { type: "message", text: "Melding ontvangen (bijgewerkt)" },
      });
      expect(updated.status).toBe(200);
      expect(await updated.json()).toEqual({ id: sent.id });

      const seen = standIn.conversation(conversationId)!.activities.map((a) => a.activity.text);
      expect(seen).toEqual(["Welkom", "Melding ontvangen (bijgewerkt)", "Antwoord"]);
      const updatedMessage = standIn.activity(conversationId, sent.id)!;
      expect(updatedMessage.previousVersions.map((v) => v.text)).toEqual(["Melding ontvangen"]);
      expect(updatedMessage.activity.from).toEqual({ id: standIn.botId, name: standIn.botName });
      expect(standIn.successfulCallsTo("createConversation")).toHaveLength(1);
      expect(standIn.callsTo("replyToActivity")[0]?.body).toMatchObject({ text: "Antwoord" });
      expect((await standIn.waitForCalls("updateActivity", 1))[0]!.headers.authorization).toBe(`Bearer ${token}`);
    });

    it("starts a thread in a channel of a team with the app, replies in it, deletes a reply", async () => {
      standIn.installInTeam(privacyTeam.id);
      try {
        const created = await connector("/v3/conversations", {
          method: "POST",
          token,
          body: {
            isGroup: true,
            channelData: { channel: { id: privacyChannelId }, tenant: { id: TENANT_ID } },
            activity: { type: "message", text: "DL-2026-0007" },
          },
        });
        expect(created.status).toBe(201);
        const { id: threadId, activityId: rootId } = (await created.json()) as { id: string; activityId: string };
        expect(threadId).toBe(`${privacyChannelId};messageid=${rootId}`);

        const reply = (await (
          await connector(`/v3/conversations/${encodeURIComponent(threadId)}/activities`, {
            method: "POST",
            token,
            body: { type: "message", text: "Opgepakt" },
          })
        ).json()) as { id: string };
        const second = (await (
          await connector(`/v3/conversations/${encodeURIComponent(threadId)}/activities`, {
            method: "POST",
            token,
            body: { type: "message", text: "Vergissing" },
          })
        ).json()) as { id: string };
        const deleted = await connector(`/v3/conversations/${encodeURIComponent(threadId)}/activities/${second.id}`, {
          method: "DELETE",
          token,
        });
        expect(deleted.status).toBe(200);

        expect(standIn.thread(privacyChannelId, rootId).map((a) => a.activity.text)).toEqual(["DL-2026-0007", "Opgepakt"]);
        expect(standIn.activity(privacyChannelId, reply.id)!.threadRootId).toBe(rootId);
        expect(standIn.conversation(privacyChannelId)!.allActivities.find((a) => a.id === second.id)!.deleted).toBe(true);

        const unknownThread = await connector(
          `/v3/conversations/${encodeURIComponent(`${privacyChannelId};messageid=42`)}/activities`,
          { method: "POST", token, body: { type: "message", text: "?" } },
        );
        expect(unknownThread.status).toBe(404);
        expect(((await unknownThread.json()) as { error: { code: string } }).error.code).toBe("ActivityNotFoundInConversation");
      } finally {
        standIn.uninstallFromTeam(privacyTeam.id);
      }
    });

    it("refuses updating a user's message (403) and an unknown one (404)", async () => {
      const conversation = standIn.installPersonalApp(alice.id);
      const bot = `http://127.0.0.1:${(await startAcceptingBot()).port}/api/messages`;
      const activities = new TeamsActivities(standIn);
      const delivered = await standIn.sendActivity(bot, activities.personalMessage(alice.id, "Ik wil een datalek melden"));
      const userMessageId = String(delivered.activity.id);
      const path = `/v3/conversations/${encodeURIComponent(conversation.id)}/activities`;

      const onUsers = await connector(`${path}/${userMessageId}`, {
        method: "PUT",
        token,
        body: { type: "message", text: "gewijzigd" },
      });
      expect(onUsers.status).toBe(403);
      const unknown = await connector(`${path}/123`, { method: "PUT", token, body: { type: "message", text: "gewijzigd" } });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("ActivityNotFoundInConversation");
      expect(standIn.activity(conversation.id, userMessageId)!.activity.text).toBe("Ik wil een datalek melden");
    });

    it("lists members with aadObjectId, email and userPrincipalName; an unknown member is 404", async () => {
      const conversation = standIn.installPersonalApp(alice.id);
      const members = (await (
        await connector(`/v3/conversations/${encodeURIComponent(conversation.id)}/members`, { token })
      ).json()) as Record<string, unknown>[];
      expect(members).toEqual([
        expect.objectContaining({
          id: alice.id,
          name: "Alice de Vries",
          aadObjectId: alice.aadObjectId,
          email: "alice@zorg.example",
          userPrincipalName: "alice@zorg.example",
        }),
      ]);
      const one = await connector(
        `/v3/conversations/${encodeURIComponent(conversation.id)}/members/${encodeURIComponent(alice.id)}`,
        { token },
      );
      expect(((await one.json()) as { aadObjectId: string }).aadObjectId).toBe(alice.aadObjectId);
      const missing = await connector(
        `/v3/conversations/${encodeURIComponent(conversation.id)}/members/${encodeURIComponent(bob.id)}`,
        { token },
      );
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("MemberNotFoundInConversation");
    });

    it("keeps what Teams would do with each card: above version 1.5 or more than six actions", async () => {
      const conversation = standIn.installPersonalApp(alice.id);
      const path = `/v3/conversations/${encodeURIComponent(conversation.id)}/activities`;
      for (const card of [adaptiveCard("1.5", 2), adaptiveCard("1.6"), adaptiveCard("1.5", 7)]) {
        const res = await connector(path, { method: "POST", token, body: { type: "message", attachments: [card] } });
        expect(res.status).toBe(201);
      }
      const [fine, tooNew, tooManyActions] = standIn.conversation(conversation.id)!.activities;
      expect(fine!.cardProblems).toEqual([]);
      expect(tooNew!.cardProblems.map((p) => p.problem)).toEqual([expect.stringContaining("couldn't be displayed")]);
      expect(tooManyActions!.cardProblems.map((p) => p.problem)).toEqual([expect.stringContaining("only the first 6")]);
    });
  });
});

// ---------------------------------------------------------------- incoming activities

let acceptingBot: { server: Server; port: number } | undefined;
/** A bot that answers 200 to anything (for tests that only need delivery). */
async function startAcceptingBot(): Promise<{ port: number }> {
  if (acceptingBot) return acceptingBot;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  acceptingBot = { server, port: (server.address() as AddressInfo).port };
  return acceptingBot;
}
afterAll(async () => {
  if (acceptingBot) await new Promise<void>((resolve) => acceptingBot!.server.close(() => resolve()));
});

/**
 * A bot endpoint that checks the Connector's JWT the way bot-framework-rest-connector-authentication.md
 * lists it (Step 4: Bearer, issuer, audience, validity with 5 minutes of skew, signature with a key from
 * the published JWKS, serviceUrl claim = activity.serviceUrl; Step 3: the key endorses the channel),
 * written here with node:crypto directly rather than with the stand-in's own JWT code.
 */
async function startVerifyingBot(): Promise<{ url: string; received: Record<string, unknown>[]; close(): Promise<void> }> {
  const metadata = (await (await fetch(standIn.openIdMetadataUrl)).json()) as { issuer: string; jwks_uri: string };
  const jwks = (await (await fetch(metadata.jwks_uri)).json()) as {
    keys: (Record<string, unknown> & { kid: string; endorsements: string[] })[];
  };
  const received: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const activity = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      const refuse = (why: string): void => void res.writeHead(403, { "content-type": "text/plain" }).end(why);
      const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
      if (!match) return refuse("no bearer token");
      const [h, c, s] = match[1]!.split(".");
      const header = JSON.parse(Buffer.from(h!, "base64url").toString()) as { alg: string; kid: string };
      const claims = JSON.parse(Buffer.from(c!, "base64url").toString()) as Record<string, unknown>;
      const jwk = jwks.keys.find((k) => k.kid === header.kid);
      if (header.alg !== "RS256" || !jwk) return refuse("unknown key");
      const key = createPublicKey({ key: { kty: "RSA", n: String(jwk.n), e: String(jwk.e) }, format: "jwk" });
      if (!rsaVerify("sha256", Buffer.from(`${h}.${c}`), key, Buffer.from(s!, "base64url"))) return refuse("bad signature");
      if (claims.iss !== metadata.issuer) return refuse("issuer");
      if (claims.aud !== APP_ID) return refuse("audience");
      const now = Date.now() / 1000;
      if (typeof claims.exp !== "number" || claims.exp + 300 < now) return refuse("expired");
      if (claims.serviceurl !== activity.serviceUrl) return refuse("serviceUrl");
      if (!jwk.endorsements.includes(String(activity.channelId))) return refuse("endorsement");
      received.push(activity);
      if (activity.type === "invoke" && activity.name === "task/fetch") {
        const body = {
          task: {
            type: "continue",
            value: { title: "Datalek melden", height: "medium", width: "medium", card: adaptiveCard("1.6") },
          },
        };
        return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      }
      if (activity.type === "invoke" && activity.name === "adaptiveCard/action") {
        const body = {
          statusCode: 200,
          type: "application/vnd.microsoft.card.adaptive",
          value: { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Opgepakt door Alice" }] },
        };
        return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("incoming activities", () => {
  let bot: Awaited<ReturnType<typeof startVerifyingBot>>;
  let alice: StandInUser;
  let activities: TeamsActivities;

  beforeAll(async () => {
    bot = await startVerifyingBot();
    alice = standIn.addUser({ name: "Alice Incoming" });
    standIn.installPersonalApp(alice.id);
    activities = new TeamsActivities(standIn);
  });
  afterAll(async () => {
    await bot.close();
  });

  it("are signed so that they verify against the published JWKS, with Teams' fields filled in", async () => {
    const answer = await standIn.sendActivity(bot.url, activities.personalMessage(alice.id, "Hallo"));
    expect(answer.status).toBe(200);
    const activity = bot.received.at(-1)!;
    expect(activity).toMatchObject({
      type: "message",
      text: "Hallo",
      channelId: "msteams",
      serviceUrl: standIn.serviceUrl,
      from: { id: alice.id, aadObjectId: alice.aadObjectId },
      recipient: { id: `28:${APP_ID}` },
      conversation: { id: standIn.personalConversationOf(alice.id)!.id, conversationType: "personal", tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
    });
    expect(activity.id).toMatch(/^\d+$/);
    expect(Number.isNaN(Date.parse(String(activity.timestamp)))).toBe(false);
    // The person's own message is part of what the chat shows.
    expect(standIn.personalConversationOf(alice.id)!.activities.at(-1)!.activity.text).toBe("Hallo");
  });

  it("puts the person's message in the chat before the bot's reply to it", async () => {
    const token = await botToken();
    const conversationId = standIn.personalConversationOf(alice.id)!.id;
    // A bot that replies through the Connector while it handles the message, as SDK bots do.
    const replying = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        void connector(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
          method: "POST",
          token,
          body: { type: "message", text: "Antwoord" },
        }).then(() => res.writeHead(200).end());
      });
    });
    await new Promise<void>((resolve) => replying.listen(0, "127.0.0.1", resolve));
    try {
      await standIn.sendActivity(
        `http://127.0.0.1:${(replying.address() as AddressInfo).port}/api/messages`,
        activities.personalMessage(alice.id, "Vraag"),
      );
      expect(
        standIn
          .conversation(conversationId)!
          .activities.slice(-2)
          .map((a) => [a.author, a.activity.text]),
      ).toEqual([
        ["user", "Vraag"],
        ["bot", "Antwoord"],
      ]);
    } finally {
      await new Promise<void>((resolve) => replying.close(() => resolve()));
    }
  });

  it("forged variants are refused by a bot that checks the token", async () => {
    const shownBefore = standIn.personalConversationOf(alice.id)!.activities.length;
    const message = (): Record<string, unknown> => activities.personalMessage(alice.id, "vervalst");
    const refusals: [string, Parameters<BotConnectorStandIn["sendActivity"]>[2]][] = [
      ["unknown key", { token: { signWithUnpublishedKey: true } }],
      ["audience", { token: { audience: "another-bot" } }],
      ["expired", { token: { expiresInSeconds: -600 } }],
      ["serviceUrl", { token: { serviceUrlClaim: "https://attacker.example/teams/" } }],
      ["issuer", { token: { issuer: "https://sts.windows.net/evil/" } }],
      ["no bearer token", { token: { omit: true } }],
    ];
    const before = bot.received.length;
    for (const [reason, options] of refusals) {
      const answer = await standIn.sendActivity(bot.url, message(), options);
      expect([answer.status, answer.body]).toEqual([403, reason]);
    }
    expect(bot.received).toHaveLength(before);
    // A forged delivery is an attack in a test, not something the person wrote.
    expect(standIn.personalConversationOf(alice.id)!.activities).toHaveLength(shownBefore);
  });

  it("returns the invoke response of a dialog and what Teams would make of its card", async () => {
    const conversationId = standIn.personalConversationOf(alice.id)!.id;
    const answer = await standIn.sendActivity(bot.url, activities.dialogFetch(alice.id, conversationId, { action: "report" }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ task: { type: "continue", value: { title: "Datalek melden" } } });
    expect(answer.cardProblems).toEqual([expect.stringContaining("version 1.6")]);
    expect(bot.received.at(-1)).toMatchObject({
      type: "invoke",
      name: "task/fetch",
      value: { data: { action: "report", type: "task/fetch" } },
    });
  });

  it("replaces the card a person sees when an Action.Execute is answered with a card", async () => {
    const token = await botToken();
    const conversationId = standIn.personalConversationOf(alice.id)!.id;
    const sent = (await (
      await connector(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
        method: "POST",
        token,
        body: { type: "message", attachments: [adaptiveCard("1.5")] },
      })
    ).json()) as { id: string };

    const answer = await standIn.sendActivity(
      bot.url,
      activities.cardAction(alice.id, conversationId, { verb: "take", data: { ref: "DL-1" }, replyToId: sent.id }),
    );
    expect(answer.status).toBe(200);
    const shown = standIn.activity(conversationId, sent.id)!;
    const card = (shown.activity.attachments as { content: { body: { text: string }[] } }[])[0]!.content;
    expect(card.body[0]!.text).toBe("Opgepakt door Alice");
    expect(shown.previousVersions).toHaveLength(1);
  });

  it("shows an automatic refresh's card to the user whose client asked only, until the bot updates the message", async () => {
    const token = await botToken();
    const conversationId = standIn.personalConversationOf(alice.id)!.id;
    const sent = (await (
      await connector(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
        method: "POST",
        token,
        body: { type: "message", attachments: [adaptiveCard("1.5")] },
      })
    ).json()) as { id: string };
    const shared = standIn.cardSeenBy(conversationId, sent.id, "29:someone-else");

    await standIn.sendActivity(
      bot.url,
      activities.cardAction(alice.id, conversationId, { verb: "refresh", replyToId: sent.id, trigger: "automatic" }),
    );
    const mine = standIn.cardSeenBy(conversationId, sent.id, alice.id) as { body: { text: string }[] };
    expect(mine.body[0]!.text).toBe("Opgepakt door Alice");
    // Everyone else still sees the card as sent, and the message itself did not change.
    expect(standIn.cardSeenBy(conversationId, sent.id, "29:someone-else")).toEqual(shared);
    expect(standIn.activity(conversationId, sent.id)!.previousVersions).toHaveLength(0);

    await connector(`/v3/conversations/${encodeURIComponent(conversationId)}/activities/${sent.id}`, {
      method: "PUT",
      token,
      body: { type: "message", attachments: [adaptiveCard("1.5")] },
    });
    expect(standIn.activity(conversationId, sent.id)!.userViews).toEqual({});
  });
});

describe("card checks: refresh", () => {
  it("says when more users are named for user specific views than Teams serves (60)", () => {
    const card = (userIds: number) => ({
      type: "AdaptiveCard",
      version: "1.5",
      body: [],
      refresh: {
        action: { type: "Action.Execute", verb: "refresh" },
        userIds: Array.from({ length: userIds }, (_, i) => `29:${i}`),
      },
    });
    expect(adaptiveCardProblems(card(60))).toEqual([]);
    expect(adaptiveCardProblems(card(61))).toEqual([expect.stringContaining("at most 60")]);
    expect(adaptiveCardProblems({ ...card(1), refresh: { action: { type: "Action.Submit" } } })).toEqual([
      expect.stringContaining("not an Action.Execute"),
    ]);
  });
});

describe("file consent uploads", () => {
  it("accept a PUT with Content-Range and without Authorization, in fragments", async () => {
    const user = standIn.addUser({ name: "Eva Upload" });
    standIn.installPersonalApp(user.id);
    const consent = new TeamsActivities(standIn).fileConsent(user.id, standIn.personalConversationOf(user.id)!.id, {
      action: "accept",
      fileName: "export.csv",
    });
    const uploadInfo = (consent.value as { uploadInfo: { uploadUrl: string; name: string } }).uploadInfo;
    const content = Buffer.from("referentie;status\nDL-2026-0007;gemeld\n");

    const withAuth = await fetch(uploadInfo.uploadUrl, {
      method: "PUT",
      headers: { authorization: "Bearer x", "content-range": `bytes 0-${content.length - 1}/${content.length}` },
      body: content,
    });
    expect(withAuth.status).toBe(401);
    const first = await fetch(uploadInfo.uploadUrl, {
      method: "PUT",
      headers: { "content-range": `bytes 0-9/${content.length}` },
      body: content.subarray(0, 10),
    });
    expect(first.status).toBe(202);
    const again = await fetch(uploadInfo.uploadUrl, {
      method: "PUT",
      headers: { "content-range": `bytes 0-9/${content.length}` },
      body: content.subarray(0, 10),
    });
    expect(again.status).toBe(416);
    const last = await fetch(uploadInfo.uploadUrl, {
      method: "PUT",
      headers: { "content-range": `bytes 10-${content.length - 1}/${content.length}` },
      body: content.subarray(10),
    });
    expect(last.status).toBe(201);
    expect(standIn.uploads.at(-1)).toMatchObject({ name: "export.csv", content: content.toString("utf8"), userId: user.id });
  });
});
