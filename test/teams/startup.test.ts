// A Teams-only install started for real (npm start's entry point, a child
// process), with no Slack setting at all: it becomes healthy, answers a
// signed message, refuses a forged one, and stops at start with one line
// naming the setting when a Teams setting is malformed or Entra ID refuses
// the credentials.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTeamsOrganisation, type TTeamsOrganisation } from "../../src/devtools/teams/teamsOrganisation.ts";

const PROCESS_TEST_TIMEOUT_MS = 120_000;
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const TEST_KEY = Buffer.alloc(32, 9).toString("base64");

let org: TTeamsOrganisation;
beforeAll(async () => {
  org = await startTeamsOrganisation();
});
afterAll(async () => {
  await org.standIn.close();
});

function startBot(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: REPO,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), ...env },
    stdio: "pipe",
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function settings(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...org.settings,
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "datalek-teams-start-")),
    DATALEK_ENCRYPTION_KEY: TEST_KEY,
    LOG_LEVEL: "warn",
    ...overrides,
  };
}

describe("a Teams-only install", () => {
  it(
    "starts without any Slack setting, answers a signed message and refuses a forged one",
    async () => {
      const port = await freePort();
      const bot = startBot(settings({ PORT: String(port) }));
      try {
        const url = `http://127.0.0.1:${port}`;
        let healthy = false;
        for (let waited = 0; waited < 900 && !healthy; waited++) {
          healthy = await fetch(`${url}/healthz`).then(
            (response) => response.status === 200,
            () => false,
          );
          // A child process starts in real time: polled, as the Slack start-up test does.
          if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(healthy, bot.stderr()).toBe(true);
        const { dpo } = org.people;
        const before = org.standIn.successfulCallsTo("sendToConversation").length;
        const answer = await org.standIn.sendActivity(`${url}/api/messages`, org.activities.personalMessage(dpo.id, "help"));
        expect(answer.status).toBe(200);
        expect(org.standIn.successfulCallsTo("sendToConversation").length).toBe(before + 1);
        const forged = await org.standIn.sendActivity(`${url}/api/messages`, org.activities.personalMessage(dpo.id, "help"), {
          token: { signWithUnpublishedKey: true },
        });
        expect(forged.status).toBe(401);
        const expired = await org.standIn.sendActivity(`${url}/api/messages`, org.activities.personalMessage(dpo.id, "help"), {
          token: { expiresInSeconds: -900 },
        });
        expect(expired.status).toBe(401);
        expect(org.standIn.successfulCallsTo("sendToConversation").length).toBe(before + 1);
      } finally {
        bot.child.kill("SIGTERM");
        await bot.exited;
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "stops at start with one line naming a malformed Teams setting",
    async () => {
      const bot = startBot(settings({ PORT: "0", TEAMS_DPO_CHANNEL_ID: "incidenten" }));
      expect(await bot.exited).toBe(1);
      const lines = bot
        .stderr()
        .split("\n")
        .filter((line) => line.includes("setting "));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/setting TEAMS_DPO_CHANNEL_ID must be a Teams channel id/);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "stops at start, naming the settings, when Entra ID refuses the bot's secret",
    async () => {
      const bot = startBot(settings({ PORT: "0", TEAMS_APP_PASSWORD: "not-the-secret" }));
      expect(await bot.exited).toBe(1);
      expect(bot.stderr()).toMatch(/setting .*TEAMS_APP_PASSWORD/);
      expect(bot.stderr()).toMatch(/AADSTS7000215/);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
