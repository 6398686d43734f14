// The real start (`npm start` is `tsx src/main.ts`) as a separate process:
// bad settings stop it with one line per problem naming the variable; good
// settings on the embedded database make it healthy and serve /datalek
// through the Slack stand-in; SIGTERM stops it cleanly. And `datalek migrate`.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { slackClientFor, startWorkspaceStandIn } from "../support/startTestBot.ts";

// Each test starts real processes (tsx, PGlite); on a busy two-core machine that takes a while.
const PROCESS_TEST_TIMEOUT_MS = 120_000;
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SIGNING_SECRET = "startup-signing-secret-0123456789";
const GOOD_SETTINGS = {
  SLACK_BOT_TOKEN: "xoxb-startup-test",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  DPO_USER_IDS: "U0DPO0001",
  DPO_CHANNEL_ID: "C0DPOCHAN",
  MANAGEMENT_CHANNEL_ID: "C0MANAGEM",
  LOG_LEVEL: "warn",
};
const startStandIn = () => startWorkspaceStandIn({ botToken: GOOD_SETTINGS.SLACK_BOT_TOKEN });

interface TRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Only what a process needs from the outside, so no variable of this shell leaks into the bot's settings. */
function baseEnvironment(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir() };
}

function run(args: string[], env: Record<string, string>): TRun {
  const child = spawn(process.execPath, args, { cwd: REPO, env: { ...baseEnvironment(), ...env }, stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

const startBot = (env: Record<string, string>) => run(["--import", "tsx", "src/main.ts"], env);

/** A port nobody uses right now: listen on 0, read it, close. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls /healthz until it answers 200, the process exits, or the time is up. */
async function waitUntilHealthy(bot: TRun, url: string, timeoutMs = 90_000): Promise<Response> {
  let exited = false;
  void bot.exited.then(() => (exited = true));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !exited) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return response;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not healthy (exited: ${exited}); stderr:\n${bot.stderr()}`);
}

async function exitWithin(bot: TRun, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not exit within ${timeoutMs} ms; stderr:\n${bot.stderr()}`)), timeoutMs);
  });
  try {
    return await Promise.race([bot.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("starting the bot", () => {
  let dataDir: string;
  const running: TRun[] = [];

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-startup-"));
  });
  afterEach(async () => {
    for (const bot of running.splice(0)) {
      if (bot.child.exitCode === null && bot.child.signalCode === null) {
        bot.child.kill("SIGKILL");
        await bot.exited;
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "stops with exit code 1 and one line per missing or malformed setting, naming it",
    async () => {
      const bot = startBot({
        ...GOOD_SETTINGS,
        DATA_DIR: dataDir,
        DPO_CHANNEL_ID: "",
        MANAGEMENT_CHANNEL_ID: "management",
        PORT: "http",
        TIMEZONE: "Europe/Amsterdm",
      });
      running.push(bot);
      const { code } = await exitWithin(bot, 90_000);
      expect(code, bot.stderr()).toBe(1);
      const lines = bot.stderr().trim().split("\n");
      for (const variable of ["DPO_CHANNEL_ID", "MANAGEMENT_CHANNEL_ID", "PORT", "TIMEZONE"]) {
        expect(
          lines.filter((line) => new RegExp(`\\b${variable}\\b`).test(line)),
          `${variable} in:\n${bot.stderr()}`,
        ).toHaveLength(1);
      }
      // Settings that are fine are not mentioned.
      expect(bot.stderr()).not.toMatch(/SLACK_BOT_TOKEN|DPO_USER_IDS|SLACK_SIGNING_SECRET/);
      // It stopped before touching the database.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "stops with exit code 1 and one line naming SLACK_BOT_TOKEN when Slack refuses the token",
    async () => {
      const standIn = await startStandIn();
      try {
        const bot = startBot({
          ...GOOD_SETTINGS,
          SLACK_BOT_TOKEN: "xoxb-revoked-or-from-another-workspace",
          DATA_DIR: dataDir,
          SLACK_API_URL: standIn.url,
        });
        running.push(bot);
        const { code } = await exitWithin(bot, 90_000);
        expect(code, bot.stderr()).toBe(1);
        const named = bot
          .stderr()
          .split("\n")
          .filter((line) => line.includes("SLACK_BOT_TOKEN"));
        expect(named, bot.stderr()).toHaveLength(1);
        expect(named[0]).toMatch(/^datalek-bot: setting SLACK_BOT_TOKEN is not accepted by Slack \(invalid_auth\)/);
        expect(standIn.callsTo("auth.test").map((call) => call.error)).toEqual(["invalid_auth"]);
      } finally {
        await standIn.close();
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "names every missing required setting when none is given",
    async () => {
      const bot = startBot({ DATA_DIR: dataDir });
      running.push(bot);
      const { code } = await exitWithin(bot, 90_000);
      expect(code).toBe(1);
      const lines = bot.stderr().trim().split("\n");
      for (const variable of [
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "DPO_USER_IDS",
        "DPO_CHANNEL_ID",
        "MANAGEMENT_CHANNEL_ID",
      ]) {
        expect(
          lines.filter((line) => line.startsWith(`datalek-bot: setting ${variable} `)),
          `${variable} in:\n${bot.stderr()}`,
        ).toHaveLength(1);
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "becomes healthy on the embedded database, opens the report modal, and exits 0 on SIGTERM",
    async () => {
      const standIn = await startStandIn();
      try {
        const port = await freePort();
        const bot = startBot({ ...GOOD_SETTINGS, DATA_DIR: dataDir, PORT: String(port), SLACK_API_URL: standIn.url });
        running.push(bot);
        const url = `http://127.0.0.1:${port}`;
        const health = await waitUntilHealthy(bot, url);
        expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
        // The embedded data lives under DATA_DIR.
        expect(fs.readdirSync(dataDir)).toContain("pglite");
        // Slack was asked who the bot is, with the bot token.
        expect(standIn.callsTo("auth.test").map((call) => [call.token, call.failed ?? false])).toEqual([
          [GOOD_SETTINGS.SLACK_BOT_TOKEN, false],
        ]);

        const slack = slackClientFor(url, standIn, SIGNING_SECRET);
        const triggerId = standIn.issueTriggerId();
        const response = await slack.slashCommand({ userId: "U0STAFF01", text: "", triggerId });
        expect(response.status).toBe(200);
        const [open] = await standIn.waitForCalls("views.open", 1, 10_000);
        expect(open!.args.trigger_id).toBe(triggerId);
        expect((open!.args.view as { callback_id: string }).callback_id).toBe("datalek_report");
        expect(open!.token).toBe("xoxb-startup-test");

        // A forged request is still refused by the real process.
        expect((await slack.slashCommand({ userId: "U0STAFF01" }, { signingSecret: "wrong" })).status).toBe(401);

        bot.child.kill("SIGTERM");
        const { code, signal } = await exitWithin(bot, 60_000);
        expect({ code, signal }).toEqual({ code: 0, signal: null });
      } finally {
        await standIn.close();
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "`datalek migrate` leaves DATA_DIR with every migration applied, and a second run says it is up to date",
    async () => {
      const migrationCount = fs
        .readdirSync(path.join(REPO, "prisma/migrations"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory()).length;
      // A new DATA_DIR is copied from the install-time template, which may
      // already be migrated; either way every migration ends up applied.
      const first = run(["bin/datalek.mjs", "migrate"], { DATA_DIR: dataDir });
      running.push(first);
      expect((await exitWithin(first, 50_000)).code, first.stderr()).toBe(0);
      expect(first.stdout()).toMatch(/^(Applied \d+ migration\(s\)|Database is up to date)/);

      const second = run(["bin/datalek.mjs", "migrate"], { DATA_DIR: dataDir });
      running.push(second);
      expect((await exitWithin(second, 50_000)).code, second.stderr()).toBe(0);
      expect(second.stdout()).toContain(`Database is up to date (${migrationCount} migration(s) applied earlier).`);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
