// Export of 100,000 incidents from a PostgreSQL server: target < 5 s and
// < 200 MB resident (issue 14). Creates a fresh database on the server
// (BENCH_POSTGRES_URL, default the local test server), bulk-inserts
// synthetic incidents with generate_series (one timeline entry each; the
// report text encrypted as the bot stores it, so the export decrypts each
// one), then runs the real command line (`npx datalek export`, the compiled
// build npm install makes) as a child process per format and reports its
// wall time and peak resident memory (VmHWM).
//
//   npx tsx bench/export.ts          (EXPORT_INCIDENTS=10000 for a quick run)
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrateDatabase } from "../src/core/storage/migrateDatabase.ts";
import { openDatabase } from "../src/core/storage/openDatabase.ts";
import { spawn } from "node:child_process";
import { readMemoryMb, REPO } from "./support/processes.ts";
import { formatTable } from "./support/stats.ts";
import { createKeyRing, encryptText } from "../src/core/security/fieldCipher.ts";

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const INCIDENTS = Number(process.env.EXPORT_INCIDENTS ?? 100_000);
const TARGET_SECONDS = 5;
const TARGET_RSS_MB = 200;
const ENCRYPTION_KEY = crypto.randomBytes(32);

async function main(): Promise<number> {
  const name = `datalek_bench_export_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-export-bench-"));
  try {
    const database = await openDatabase({ kind: "postgresql", url: url.toString() });
    await migrateDatabase(database);
    await database.close();
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const insertStarted = performance.now();
    await client.query(
      `INSERT INTO incident (id, reference, submission_key, reporter_id, what_happened, discovered_at, awareness_at, deadline_at,
         system, data_kinds, people_affected, stopped, recipient, status, owner_id, created_at)
       SELECT gen_random_uuid(), 'DL-' || (2000 + n / 10000) || '-' || lpad((n % 10000)::text, 4, '0'), 'bench-' || n, 'U0BENCH' || (n % 500),
         $2,
         now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval + interval '72 hours',
         (ARRAY['zivver','siilo','email','paper'])[1 + n % 4], ARRAY['identity_contact','health'], 1 + n % 40, 'yes', 'known',
         (ARRAY['reported','taken','decided','closed'])[1 + n % 4], CASE WHEN n % 4 = 0 THEN NULL ELSE 'U0DPO0001' END,
         now() - (n || ' minutes')::interval
       FROM generate_series(1, $1) AS n`,
      // One ciphertext for every row: each is still decrypted on its own.
      [INCIDENTS, encryptText(createKeyRing(ENCRYPTION_KEY), "Synthetische melding: brief naar een verkeerd adres, zonder persoonsgegevens.")],
    );
    await client.query(
      `INSERT INTO timeline_entry (incident_id, at, actor_id, kind, details) SELECT id, created_at, reporter_id, 'reported', '{}' FROM incident`,
    );
    await client.query("ANALYZE");
    await client.end();
    console.log(
      `export bench: ${INCIDENTS} synthetic incidents inserted in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s (PostgreSQL, ${name})`,
    );

    const rows: string[][] = [];
    let missed = false;
    for (const format of ["csv", "md", "json"] as const) {
      const out = path.join(dir, `register.${format}`);
      const started = performance.now();
      const run = spawnWithArgs(["export", "--format", format, "--out", out], url.toString());
      let peak = 0;
      const poll = setInterval(() => {
        const memory = readMemoryMb(run.pid!);
        if (memory && Number.isFinite(memory.peak)) peak = Math.max(peak, memory.peak);
      }, 25);
      const code = await new Promise<number | null>((resolve) => run.once("exit", resolve));
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      const size = fs.existsSync(out) ? fs.statSync(out).size / 1024 / 1024 : 0;
      const ok = code === 0 && seconds < TARGET_SECONDS && peak < TARGET_RSS_MB;
      if (!ok) missed = true;
      rows.push([
        format,
        seconds.toFixed(2),
        peak.toFixed(0),
        size.toFixed(1),
        code === 0 ? (ok ? "ok" : "MISSED") : `exit ${code}`,
      ]);
    }
    console.log("");
    console.log(
      formatTable(["format", "seconds", "peak RSS MB", "file MB", `target < ${TARGET_SECONDS} s, < ${TARGET_RSS_MB} MB`], rows),
    );
    console.log("(wall time of the whole `datalek export` process, including Node start-up and connecting)");
    return missed ? 1 : 0;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function spawnWithArgs(args: string[], databaseUrl: string) {
  const child = spawn(process.execPath, ["bin/datalek.mjs", ...args], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: databaseUrl,
      DATALEK_ENCRYPTION_KEY: ENCRYPTION_KEY.toString("base64"),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return child;
}

process.exitCode = await main();
