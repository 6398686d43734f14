// Start to healthy, and memory at rest, on both databases (issue 7): spawns
// `node --import tsx src/main.ts` with the embedded PGlite (a fresh DATA_DIR,
// then the same one again) and with DATABASE_URL (a fresh database on the
// PostgreSQL server), times the first 200 on /healthz, and reads the
// resident memory 5 seconds later (STARTUP_REST_SECONDS).
//
//   npx tsx bench/startup.ts
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SlackStandIn } from "../test/support/slackStandIn.ts";
import { freePort, readMemoryMb, spawnTypeScript, stop, waitUntilHealthy } from "./support/processes.ts";
import { formatTable } from "./support/stats.ts";

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REST_SECONDS = Number(process.env.STARTUP_REST_SECONDS ?? 5);

async function measure(label: string, env: Record<string, string>, standIn: SlackStandIn): Promise<string[]> {
  const port = await freePort();
  const child = spawnTypeScript("src/main.ts", {
    SLACK_BOT_TOKEN: "xoxb-startup",
    SLACK_SIGNING_SECRET: "startup-secret",
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
    const memory = readMemoryMb(child.child.pid!);
    return [label, healthyMs.toFixed(0), memory ? memory.rss.toFixed(0) : "?", memory ? memory.peak.toFixed(0) : "?"];
  } finally {
    await stop(child);
  }
}

async function main(): Promise<number> {
  const standIn = await SlackStandIn.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-startup-"));
  const key = crypto.randomBytes(32).toString("base64");
  const name = `datalek_bench_startup_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    console.log(
      `startup bench: Node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    const rows = [
      await measure("PGlite, fresh DATA_DIR (creates + migrates)", { DATA_DIR: dataDir, DATALEK_ENCRYPTION_KEY: key }, standIn),
      await measure("PGlite, existing DATA_DIR", { DATA_DIR: dataDir, DATALEK_ENCRYPTION_KEY: key }, standIn),
      await measure(
        "PostgreSQL, fresh database (migrates)",
        { DATABASE_URL: url.toString(), DATALEK_ENCRYPTION_KEY: key, DATA_DIR: dataDir },
        standIn,
      ),
      await measure(
        "PostgreSQL, existing database",
        { DATABASE_URL: url.toString(), DATALEK_ENCRYPTION_KEY: key, DATA_DIR: dataDir },
        standIn,
      ),
    ];
    console.log("");
    console.log(formatTable(["database", "start to healthy ms", `RSS at rest (${REST_SECONDS} s) MB`, "peak RSS MB"], rows));
    return 0;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await standIn.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
