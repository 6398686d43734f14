// Start to healthy, and memory at rest, on both databases (issues 7 and 14):
// the bot as `npm start` starts it now (the compiled build, `node
// dist/main.mjs`) beside the TypeScript through tsx (`node --import tsx
// src/main.ts`, how it started before), each with the embedded PGlite (a
// fresh DATA_DIR, then the same one again) and with DATABASE_URL (a fresh
// database on the PostgreSQL server, then the same one again). Times the
// first 200 on /healthz and reads the resident memory STARTUP_REST_SECONDS
// (5) later. Each figure is the median of STARTUP_REPEAT (3) starts, the two
// ways of starting taking turns so that both see the same machine.
//
//   npx tsx bench/startup.ts
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SlackStandIn } from "../src/devtools/slack/slackStandIn.ts";
import { buildIfStale, freePort, npmStartArgs, spawnNode, stop, waitUntilHealthy } from "./support/processes.ts";
import { templateWarning } from "./support/pgliteTemplate.ts";
import { statusMb } from "./support/procStats.ts";
import { formatTable } from "./support/stats.ts";

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REST_SECONDS = Number(process.env.STARTUP_REST_SECONDS ?? 5);
const REPEAT = Number(process.env.STARTUP_REPEAT ?? 3);
const BOT_TOKEN = "xoxb-startup";

const RUNNERS = {
  tsx: ["--import", "tsx", "src/main.ts"],
  compiled: npmStartArgs(),
} as const;
type TRunner = keyof typeof RUNNERS;
const CASES = [
  "PGlite, fresh DATA_DIR",
  "PGlite, existing DATA_DIR",
  "PostgreSQL, fresh database",
  "PostgreSQL, existing database",
];

interface TStart {
  healthyMs: number;
  restMb: number | undefined;
  peakMb: number | undefined;
}

async function measure(runner: TRunner, env: Record<string, string>, standIn: SlackStandIn): Promise<TStart> {
  const port = await freePort();
  const child = spawnNode([...RUNNERS[runner]], {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: crypto.randomBytes(16).toString("hex"),
    SLACK_API_URL: standIn.url,
    PORT: String(port),
    DPO_USER_IDS: "U0DPO0001",
    DPO_CHANNEL_ID: "C0DPOCHAN",
    MANAGEMENT_CHANNEL_ID: "C0MANAGEM",
    LOG_LEVEL: "warn",
    ...env,
  });
  try {
    const healthyMs = await waitUntilHealthy(child, `http://127.0.0.1:${port}`);
    await new Promise((resolve) => setTimeout(resolve, REST_SECONDS * 1000));
    const pid = child.child.pid!;
    return { healthyMs, restMb: statusMb(pid, "VmRSS"), peakMb: statusMb(pid, "VmHWM") };
  } finally {
    await stop(child);
  }
}

function median(values: (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined).sort((a, b) => a - b);
  if (known.length === 0) return undefined;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle] : (known[middle - 1]! + known[middle]!) / 2;
}

async function main(): Promise<number> {
  const built = buildIfStale();
  const standIn = await SlackStandIn.start({
    botToken: BOT_TOKEN,
    channels: { C0DPOCHAN: { name: "privacy-incidenten", isPrivate: true }, C0MANAGEM: { name: "management" } },
  });
  const key = crypto.randomBytes(32).toString("base64");
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const created: string[] = [];
  const folders: string[] = [];
  // results[runner][case] = one TStart per repeat
  const results: Record<TRunner, TStart[][]> = { tsx: CASES.map(() => []), compiled: CASES.map(() => []) };
  try {
    console.log(
      `startup bench: tsx vs compiled (node ${RUNNERS.compiled.join(" ")}${built ? `, ${built.replace(/datalek-bot: /g, "").replace(/\n/g, "; ")}` : ""}), ` +
        `median of ${REPEAT}; Node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    const template = await templateWarning();
    if (template) console.log(template);
    for (let round = 0; round < REPEAT; round++) {
      for (const runner of round % 2 === 0 ? (["tsx", "compiled"] as const) : (["compiled", "tsx"] as const)) {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-startup-"));
        folders.push(dataDir);
        const name = `datalek_bench_startup_${crypto.randomBytes(4).toString("hex")}`;
        await admin.query(`CREATE DATABASE ${name}`);
        created.push(name);
        const url = new URL(ADMIN_URL);
        url.pathname = `/${name}`;
        const pglite = { DATA_DIR: dataDir, DATALEK_ENCRYPTION_KEY: key };
        const postgres = { DATABASE_URL: url.toString(), DATALEK_ENCRYPTION_KEY: key, DATA_DIR: dataDir };
        const envs = [pglite, pglite, postgres, postgres];
        for (const [index, env] of envs.entries()) results[runner][index]!.push(await measure(runner, env, standIn));
        process.stdout.write(".");
      }
    }
    console.log("");
    const rows = CASES.map((label, index) => {
      const figure = (runner: TRunner, field: keyof TStart) => median(results[runner][index]!.map((start) => start[field]));
      const pair = (field: keyof TStart) =>
        `${figure("tsx", field)?.toFixed(0) ?? "?"} / ${figure("compiled", field)?.toFixed(0) ?? "?"}`;
      return [label, pair("healthyMs"), pair("restMb"), pair("peakMb")];
    });
    console.log(
      formatTable(
        [
          "database",
          "start to healthy ms, tsx / compiled",
          `RSS at rest (${REST_SECONDS} s) MB, tsx / compiled`,
          "peak RSS MB, tsx / compiled",
        ],
        rows,
      ),
    );
    console.log("(the bot process only: `npm start` through npm and sh adds their launcher processes beside it)");
    return 0;
  } finally {
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await standIn.close();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  }
}

process.exitCode = await main();
