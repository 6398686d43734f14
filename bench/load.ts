// Ack latency under load (issue 7): 20 concurrent users for 60 seconds
// (LOAD_SECONDS, LOAD_USERS to change), each opening the report form
// (/datalek) and submitting a report in turn, against the bot and against a
// bare Bolt app in the same run. Prints p50/p99 per request kind.
//
//   npx tsx bench/load.ts            (LOAD_SECONDS=10 for a quick run)
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { reportModalState, SlackClientSimulator } from "../test/support/slackRequests.ts";
import { SlackStandIn } from "../test/support/slackStandIn.ts";
import { freePort, readMemoryMb, spawnTypeScript, stop, waitUntilHealthy, type TChild } from "./support/processes.ts";
import { formatTable, summarise } from "./support/stats.ts";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const USERS = Number(process.env.LOAD_USERS ?? 20);
const SIGNING_SECRET = crypto.randomBytes(16).toString("hex");

interface TRun {
  slash: number[];
  view: number[];
  failures: string[];
}

async function drive(url: string, standIn: SlackStandIn, tag: string): Promise<TRun> {
  const slack = new SlackClientSimulator({
    botUrl: `${url}/slack/events`,
    signingSecret: SIGNING_SECRET,
    responseUrl: () => standIn.newResponseUrl(),
  });
  const run: TRun = { slash: [], view: [], failures: [] };
  const until = performance.now() + SECONDS * 1000;
  let sequence = 0;
  const user = async (userIndex: number) => {
    const userId = `U0LOAD${tag}${String(userIndex).padStart(3, "0")}`;
    while (performance.now() < until) {
      const n = sequence++;
      let started = performance.now();
      const slash = await slack.slashCommand({ userId, text: "", triggerId: `${n}.${tag}.load` });
      if (slash.status === 200) run.slash.push(performance.now() - started);
      else run.failures.push(`slash HTTP ${slash.status}`);
      started = performance.now();
      const view = await slack.viewSubmission({
        // A fresh reporter per report: the bot limits reports per person per hour.
        userId: `U0L${tag}${String(n).padStart(7, "0")}`,
        view: {
          id: `V0L${tag}${String(n).padStart(7, "0")}`,
          callback_id: "datalek_report",
          state: {
            values: reportModalState({
              what_happened: "Belastingtest: een synthetische melding zonder persoonsgegevens.",
              discovered_at: Math.floor(Date.now() / 1000) - 600,
              system: "zivver",
              data_kinds: ["identity_contact"],
              people_affected: "2",
              stopped: "yes",
              recipient: "known",
            } as never),
          },
        },
      });
      if (view.status === 200) run.view.push(performance.now() - started);
      else run.failures.push(`view HTTP ${view.status}`);
    }
  };
  await Promise.all(Array.from({ length: USERS }, (_, i) => user(i)));
  return run;
}

async function main(): Promise<number> {
  const standIn = await SlackStandIn.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-load-"));
  const children: TChild[] = [];
  try {
    console.log(
      `load bench: ${USERS} concurrent users for ${SECONDS} s each against a bare Bolt app and the bot; Node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    const barePort = await freePort();
    const bare = spawnTypeScript("bench/support/bareBoltServer.ts", { PORT: String(barePort), SIGNING_SECRET });
    children.push(bare);
    await waitUntilHealthy(bare, `http://127.0.0.1:${barePort}`);
    const bareRun = await drive(`http://127.0.0.1:${barePort}`, standIn, "B");
    await stop(bare);

    const botPort = await freePort();
    const bot = spawnTypeScript("src/main.ts", {
      SLACK_BOT_TOKEN: "xoxb-load",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.url,
      PORT: String(botPort),
      DATA_DIR: dataDir,
      DPO_USER_IDS: "U0DPO0001",
      DPO_CHANNEL_ID: "C0DPOCHAN",
      MANAGEMENT_CHANNEL_ID: "C0MANAGEM",
      DATALEK_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      LOG_LEVEL: "warn",
      ...(process.env.LOAD_DATABASE_URL ? { DATABASE_URL: process.env.LOAD_DATABASE_URL } : {}),
    });
    children.push(bot);
    await waitUntilHealthy(bot, `http://127.0.0.1:${botPort}`);
    const botRun = await drive(`http://127.0.0.1:${botPort}`, standIn, "T");
    const memory = readMemoryMb(bot.child.pid!);
    await stop(bot);

    const rows: string[][] = [];
    for (const [kind, title] of [
      ["slash", "/datalek ack"],
      ["view", "report submission ack"],
    ] as const) {
      for (const [target, run] of [
        ["bare Bolt", bareRun],
        ["bot", botRun],
      ] as const) {
        const summary = summarise(run[kind]);
        rows.push([
          title,
          target,
          String(summary.count),
          (summary.count / SECONDS).toFixed(1),
          summary.p50.toFixed(1),
          summary.p99.toFixed(1),
          summary.max.toFixed(1),
        ]);
      }
    }
    console.log("");
    console.log(formatTable(["request", "target", "count", "per s", "p50 ms", "p99 ms", "max ms"], rows));
    console.log(
      `failures: bare ${bareRun.failures.length}, bot ${botRun.failures.length}; bot RSS after the run ${memory ? memory.rss.toFixed(0) : "?"} MB (peak ${memory ? memory.peak.toFixed(0) : "?"} MB)`,
    );
    return bareRun.failures.length + botRun.failures.length > 0 ? 1 : 0;
  } finally {
    for (const child of children) await stop(child);
    await standIn.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
