// The time of one scheduler tick (issue 4): runDueJobs with a trivial
// handler finding 10 due jobs among 1,000, 10,000 and 100,000 pending ones,
// on PGlite (in memory) and on the PostgreSQL server (a fresh database,
// BENCH_POSTGRES_URL, default the local test server). Pending jobs are
// bulk-inserted with generate_series, due in the future; each measured
// round inserts 10 due jobs and runs one tick. Target: the tick at 100,000
// takes no more than 2x the tick at 1,000.
//
//   npx tsx bench/scheduler.ts
import crypto from "node:crypto";
import pg from "pg";
import { pino } from "pino";
import { ManualClock } from "../src/core/time/clock.ts";
import { runDueJobs } from "../src/core/scheduler/runDueJobs.ts";
import { migrateDatabase } from "../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database, type TDatabaseOptions } from "../src/core/storage/openDatabase.ts";

const SIZES = [1_000, 10_000, 100_000];
const DUE = 10;
const ROUNDS = 25;
const NOW = new Date("2026-11-23T09:00:00Z");
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

interface TRow {
  database: string;
  pending: number;
  medianMs: number;
  p90Ms: number;
}

async function withDatabase<T>(kind: "pglite" | "postgresql", work: (database: Database) => Promise<T>): Promise<T> {
  let options: TDatabaseOptions = { kind: "pglite" };
  let drop = async () => undefined;
  if (kind === "postgresql") {
    const name = `datalek_bench_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    options = { kind: "postgresql", url: url.toString(), poolSize: 2 };
    drop = async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const database = await openDatabase(options);
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
    await drop();
  }
}

async function measure(kind: "pglite" | "postgresql", database: Database, pending: number): Promise<TRow> {
  const prisma = database.prisma;
  await prisma.$executeRawUnsafe(`TRUNCATE scheduled_job`);
  // Pending jobs spread over the next year, none due.
  await prisma.$executeRawUnsafe(`
    INSERT INTO scheduled_job (kind, dedupe_key, series, payload, due_at)
    SELECT 'bench.noop', 'pending:' || n, 'series:' || (n % 5000), '{}'::jsonb,
           TIMESTAMPTZ '2026-11-23 09:00:00+00' + (n || ' minutes')::interval
    FROM generate_series(1, ${pending}) AS n`);
  await prisma.$executeRawUnsafe(`ANALYZE scheduled_job`);
  const clock = new ManualClock(NOW);
  const handlers = { "bench.noop": async () => ({ status: "done" as const }) };
  const options = { database, clock, logger: pino({ level: "silent" }), handlers };
  const times: number[] = [];
  for (let round = 0; round < ROUNDS + 2; round++) {
    await prisma.$executeRawUnsafe(`
      INSERT INTO scheduled_job (kind, dedupe_key, payload, due_at)
      SELECT 'bench.noop', 'due:${round}:' || n, '{}'::jsonb, TIMESTAMPTZ '2026-11-23 08:59:00+00'
      FROM generate_series(1, ${DUE}) AS n`);
    const started = performance.now();
    const counts = await runDueJobs(options);
    const elapsed = performance.now() - started;
    if (counts.done !== DUE) throw new Error(`expected ${DUE} done, got ${counts.done}`);
    if (round >= 2) times.push(elapsed); // two rounds of warm-up
  }
  times.sort((a, b) => a - b);
  return {
    database: kind,
    pending,
    medianMs: times[Math.floor(times.length / 2)]!,
    p90Ms: times[Math.floor(times.length * 0.9)]!,
  };
}

const rows: TRow[] = [];
for (const kind of ["pglite", "postgresql"] as const) {
  await withDatabase(kind, async (database) => {
    for (const pending of SIZES) rows.push(await measure(kind, database, pending));
  });
}

const pad = (value: string, width: number) => value.padStart(width);
console.log(`One scheduler tick: ${DUE} due jobs among N pending (median and p90 of ${ROUNDS} ticks)`);
console.log(`${"database".padEnd(11)} ${pad("pending", 8)} ${pad("median ms", 10)} ${pad("p90 ms", 8)} ${pad("vs 1,000", 9)}`);
for (const row of rows) {
  const base = rows.find((candidate) => candidate.database === row.database && candidate.pending === SIZES[0])!;
  const ratio = row.medianMs / base.medianMs;
  console.log(
    `${row.database.padEnd(11)} ${pad(row.pending.toLocaleString("en"), 8)} ${pad(row.medianMs.toFixed(2), 10)} ${pad(row.p90Ms.toFixed(2), 8)} ${pad(`${ratio.toFixed(2)}x`, 9)}`,
  );
}
const worst = Math.max(
  ...(["pglite", "postgresql"] as const).map((kind) => {
    const of = (pending: number) => rows.find((row) => row.database === kind && row.pending === pending)!.medianMs;
    return of(SIZES.at(-1)!) / of(SIZES[0]!);
  }),
);
console.log(`Target: 100,000 within 2x of 1,000. Worst ratio ${worst.toFixed(2)}x: ${worst <= 2 ? "met" : "NOT met"}.`);
