// Crashes for real: the bot runs as its own process (`npm start`'s entry,
// src/main.ts), a report is sent, the process is killed with SIGKILL at a
// random moment 0-500 ms after the report was answered (while it posts the
// channel post, the pages and the receipt), and the bot is started again on
// the same database. Then every message must arrive
// exactly once. Used by the suite (a few runs) and by bench/crash.ts (20 per
// database).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SlackClientSimulator, reportModalState } from "../../src/devtools/slack/slackRequests.ts";
import type { RecordedCall, SlackStandIn } from "../../src/devtools/slack/slackStandIn.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SIGNING_SECRET = "crash-signing-secret-0123456789abcdef";
export const CRASH_BOT_TOKEN = "xoxb-crash-test";
export const CRASH_DPOS = ["U0DPO0001", "U0DPO0002"];
export const CRASH_CHANNELS = { dpo: "C0DPOCHAN", management: "C0MANAGEM" };
const REPORTER = "U0STAFF01";

export interface TCrashRunResult {
  reference: string;
  /** How long after the answer the process was killed. */
  killedAfterMs: number;
  /** Messages that should have arrived and did not. */
  lost: string[];
  /** Messages that arrived more than once. */
  duplicated: string[];
  /** From the restart until every expected message had arrived. */
  completeAfterRestartMs: number;
  /** The last lines the restarted bot logged (warnings and errors), to explain a failure. */
  restartedOutput: string;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function startBot(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TMPDIR: os.tmpdir(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-6000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output: () => tail };
}

async function waitHealthy(url: string, bot: { child: ChildProcess; output: () => string }, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (bot.child.exitCode !== null) throw new Error(`bot exited ${bot.child.exitCode}: ${bot.output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`bot not healthy: ${bot.output()}`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** What one report must produce: the post, a page per DPO, the receipt. */
function expectedMessages(reference: string): string[] {
  return [`post:${reference}`, ...CRASH_DPOS.map((dpo) => `page:${dpo}:${reference}`), `receipt:${REPORTER}:${reference}`];
}

/** Names what a successful chat.postMessage was, for counting. */
function describePost(call: RecordedCall, standIn: SlackStandIn, reference: string): string | undefined {
  const text = `${String(call.args.text ?? "")} ${JSON.stringify(call.args.blocks ?? [])}`;
  if (!text.includes(reference)) return undefined;
  const channel = String(call.args.channel);
  if (channel === CRASH_CHANNELS.dpo && !call.args.thread_ts) return `post:${reference}`;
  for (const dpo of CRASH_DPOS)
    if (channel === dpo || channel === standIn.dmChannelFor(dpo))
      return /Nieuw datalek|New data breach/.test(text) ? `page:${dpo}:${reference}` : undefined;
  if (channel === REPORTER || channel === standIn.dmChannelFor(REPORTER))
    return /Bedankt|Thank you/.test(text) ? `receipt:${REPORTER}:${reference}` : undefined;
  return undefined;
}

export async function crashRun(options: {
  standIn: SlackStandIn;
  /** DATABASE_URL, or undefined for the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  encryptionKey: string;
  killAfterMs: number;
  viewId: string;
}): Promise<TCrashRunResult> {
  const { standIn } = options;
  const port = await freePort();
  const env = {
    SLACK_BOT_TOKEN: CRASH_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.url,
    PORT: String(port),
    DPO_USER_IDS: CRASH_DPOS.join(","),
    DPO_CHANNEL_ID: CRASH_CHANNELS.dpo,
    MANAGEMENT_CHANNEL_ID: CRASH_CHANNELS.management,
    LOG_LEVEL: "warn",
    DATA_DIR: options.dataDir,
    DATALEK_ENCRYPTION_KEY: options.encryptionKey,
    TICK_SECONDS: "1",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const url = `http://127.0.0.1:${port}`;
  const slack = new SlackClientSimulator({
    botUrl: `${url}/slack/events`,
    signingSecret: SIGNING_SECRET,
    newTriggerId: () => standIn.issueTriggerId(),
    responseUrl: () => standIn.newResponseUrl(),
  });
  const first = startBot(env);
  let restarted: { child: ChildProcess; output: () => string } | undefined;
  try {
    await waitHealthy(url, first);
    const callsBefore = standIn.calls.length;
    const answer = await slack.viewSubmission({
      userId: REPORTER,
      view: {
        id: options.viewId,
        callback_id: "datalek_report",
        state: {
          values: reportModalState({
            what_happened: "Overdrachtslijst in de verkeerde groepsapp gedeeld (synthetisch voorbeeld).",
            discovered_at: Math.floor(Date.now() / 1000) - 60,
            system: "siilo",
            data_kinds: ["health"],
            people_affected: "3",
            stopped: "yes",
            recipient: "known",
          }),
        },
      },
    });
    const reference = /DL-\d{4}-\d{4}/.exec(JSON.stringify(answer.body))?.[0];
    if (!reference) throw new Error(`report not stored: ${JSON.stringify(answer.body)} ${first.output()}`);
    await new Promise((resolve) => setTimeout(resolve, options.killAfterMs));
    await kill(first.child);
    const restartedAt = Date.now();
    restarted = startBot(env);
    await waitHealthy(url, restarted);
    const expected = expectedMessages(reference);
    const arrived = () => {
      const counts = new Map<string, number>();
      for (const call of standIn.calls.slice(callsBefore)) {
        if (call.method !== "chat.postMessage" || call.failed) continue;
        const name = describePost(call, standIn, reference);
        if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      return counts;
    };
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !expected.every((name) => arrived().has(name)))
      await new Promise((resolve) => setTimeout(resolve, 50));
    const completeAfterRestartMs = Date.now() - restartedAt;
    // A little longer, so a late duplicate would be seen too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const counts = arrived();
    return {
      reference,
      killedAfterMs: options.killAfterMs,
      lost: expected.filter((name) => !counts.has(name)),
      duplicated: [...counts.entries()].filter(([, count]) => count > 1).map(([name, count]) => `${name} x${count}`),
      completeAfterRestartMs,
      restartedOutput: restarted.output(),
    };
  } finally {
    await kill(first.child);
    if (restarted) {
      restarted.child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 50));
      await kill(restarted.child);
    }
  }
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "datalek-crash-"));
}
