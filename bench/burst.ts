// A burst of reports (issue 14): twenty people report at once. For the bot
// (started exactly as `npm start` starts it: the compiled build) and for a
// bare Bolt app, measured in the same run against the same strict Slack
// stand-in, on PGlite and on PostgreSQL (a database of its own on the
// server, created and dropped here):
//   - report submission p50 / p99 / max, 1 client and BURST_CLIENTS (20)
//     clients submitting back to back for BURST_SECONDS (60) each;
//   - meanwhile one more client typing /datalek and waiting for the modal:
//     ack p50 / p99, trigger issued -> views.open accepted p50 / p99 / max,
//     modals that never opened (expired trigger, or no views.open);
//   - CPU per report: the process's utime + stime over the burst and until
//     its outbox is quiet again, divided by the reports it stored (the bare
//     app: by the requests it answered);
//   - resident memory at rest (after start and BURST_REST_SECONDS idle) and
//     at the burst's peak (VmRSS sampled every 100 ms, and VmHWM);
//   - start to healthy: fresh and existing data folder (PGlite), fresh
//     (migrating) and existing database (PostgreSQL);
//   - whether every accepted report was stored. A lost report prints a loud
//     banner and exits 1 (so does a database that could not be measured,
//     an outbox that has not drained when the bot is quiet, or a bot that
//     does not stop cleanly on SIGTERM); a missed target exits 2.
// CPU per report only counts once the work after the ack is done: the Slack
// calls per phase and the outbox's rows after the run show whether it was.
// The figures also go to bench/results/burst-<date>.json.
//
//   npx tsx bench/burst.ts            (BURST_SECONDS=10 for a quick run;
//                                      BURST_DATABASES=pglite for one database;
//                                      BURST_KEEP_LOGS=1 keeps the processes' logs)
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { SlackClientSimulator, type BotResponse } from "../src/devtools/slack/slackRequests.ts";
import { SlackStandIn } from "../src/devtools/slack/slackStandIn.ts";
import { openModals, submitReports, type TSlashRun, type TSubmissionRun } from "./support/burstClients.ts";
import {
  buildIfStale,
  compileBenchScript,
  freePort,
  npmStartArgs,
  REPO,
  spawnNode,
  spawnNpmStart,
  stop,
  waitUntilHealthy,
  type TChild,
} from "./support/processes.ts";
import { templateWarning } from "./support/pgliteTemplate.ts";
import { cpuMs, postgresCpu, postgresCpuBetween, RssSampler, statusMb } from "./support/procStats.ts";
import { formatTable, summarise, type TLatencySummary } from "./support/stats.ts";

const SECONDS = Number(process.env.BURST_SECONDS ?? 60);
const CLIENTS = Number(process.env.BURST_CLIENTS ?? 20);
const REST_SECONDS = Number(process.env.BURST_REST_SECONDS ?? 5);
const DATABASES = (process.env.BURST_DATABASES ?? "pglite,postgresql").split(",").map((name) => name.trim());
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const BOT_TOKEN = "xoxb-burst-bench";
const SIGNING_SECRET = crypto.randomBytes(16).toString("hex");
const ENCRYPTION_KEY = crypto.randomBytes(32).toString("base64");
const DPO_CHANNEL = "C0DPOCHAN";
const MANAGEMENT_CHANNEL = "C0MANAGEM";
const DPOS = ["U0DPO0001", "U0DPO0002"];
const SLASH_USER = "U0SLASH01";

// The issue's targets.
const TARGET = {
  openMs: 1000,
  p99Factor: 10,
  cpuPerReportMs: 10,
  restMb: { pglite: 150, postgresql: 120 } as Record<string, number>,
  peakMb: 250,
  startExistingMs: 1500,
  startFreshMs: 2000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface TPhase {
  clients: number;
  submissions: TSubmissionRun;
  slash?: TSlashRun;
  /** CPU of the measured process during the submissions only. */
  cpuBurstMs: number;
  /** CPU from the start of the burst until the process was quiet again (its outbox drained). */
  cpuSettledMs: number;
  settleMs: number;
  /** CPU of the PostgreSQL server's processes over the same span (PostgreSQL runs only). */
  postgresCpuMs?: number;
  /** Reports the database holds that were created during this phase (bot only). */
  stored?: number;
  /** Web API calls the stand-in answered from the start of the phase until quiet, by method (failed ones as "<method> failed"). */
  slackCalls: Record<string, number>;
}

interface TTargetRun {
  startMs: Record<string, number>;
  restMb: number | undefined;
  idleCpuMsPerS: number;
  peakMb: number;
  samples: number;
  hwmMb: number | undefined;
  single: TPhase;
  burst: TPhase;
}

interface TStorageCheck {
  accepted: number;
  stored: number;
  /** Accepted submissions not in the database: lost reports. */
  lost: number;
  /** Refused submissions ("try again") that were stored all the same. */
  storedAfterRefusal: number;
  /** How it was checked: per submission key, or by count only. */
  method: string;
}

interface TOutboxState {
  byStatus: Record<string, number>;
  /** Rows not delivered whose time has come: work after the ack left undone when the run ended. */
  undeliveredDue: number;
}

interface TSection {
  database: string;
  bare: TTargetRun;
  bot: TTargetRun;
  storage: TStorageCheck;
  botLog: string;
  /** The bot's exit code when stopped with SIGTERM after the burst (null: it had to be killed). */
  stopCode: number | null;
  /** outbox_message rows after the run (when the schema has them). */
  outbox?: TOutboxState;
  /** The bot's connections to its PostgreSQL database just before it was stopped: by state, and what the busy ones do. */
  connections?: { states: Record<string, number>; busy: string[] };
}

async function connectionStates(admin: pg.Client, database: string): Promise<{ states: Record<string, number>; busy: string[] }> {
  const { rows } = await admin.query<{ state: string | null; n: number }>(
    "SELECT state, count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 GROUP BY state",
    [database],
  );
  // What a connection that is not idle is doing, and for how long: a stalled worker shows here.
  const busy = await admin.query<{ state: string; wait: string | null; seconds: number; query: string }>(
    `SELECT state, wait_event_type || ':' || wait_event AS wait,
            round(extract(epoch FROM now() - coalesce(xact_start, query_start)))::int AS seconds,
            left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
       FROM pg_stat_activity WHERE datname = $1 AND state <> 'idle'`,
    [database],
  );
  return {
    states: Object.fromEntries(rows.map((row) => [row.state ?? "(none)", row.n])),
    busy: busy.rows.map((row) => `${row.state}${row.wait ? ` waiting on ${row.wait}` : ""} for ${row.seconds} s: ${row.query}`),
  };
}

function slackFor(url: string, standIn: SlackStandIn): SlackClientSimulator {
  return new SlackClientSimulator({
    botUrl: `${url}/slack/events`,
    signingSecret: SIGNING_SECRET,
    responseUrl: () => standIn.newResponseUrl(),
    newTriggerId: () => standIn.issueTriggerId(),
  });
}

/** Quiet: no Slack call and under 100 ms of CPU (5 % of a core) for 2 s in a row (at most 180 s). */
async function settle(pid: number, standIn: SlackStandIn): Promise<number> {
  const started = Date.now();
  let calls = standIn.calls.length;
  let cpu = cpuMs(pid) ?? 0;
  let quietSince = Date.now();
  while (Date.now() - started < 180_000) {
    await sleep(250);
    const nowCalls = standIn.calls.length;
    const nowCpu = cpuMs(pid) ?? cpu;
    if (nowCalls !== calls) {
      calls = nowCalls;
      quietSince = Date.now();
      cpu = nowCpu;
    } else if (nowCpu - cpu > 100) {
      cpu = nowCpu;
      quietSince = Date.now();
    }
    if (Date.now() - quietSince >= 2000) break;
  }
  return Date.now() - started;
}

async function phase(options: {
  child: TChild;
  url: string;
  standIn: SlackStandIn;
  clients: number;
  tag: string;
  withSlash: boolean;
  expectModal: boolean;
  isAccepted: (response: BotResponse) => boolean;
  postgres: boolean;
}): Promise<TPhase> {
  const pid = options.child.child.pid!;
  const slack = slackFor(options.url, options.standIn);
  const postgresBefore = options.postgres ? postgresCpu() : undefined;
  const callsBefore = options.standIn.calls.length;
  const cpuBefore = cpuMs(pid) ?? 0;
  let done = false;
  const slash = options.withSlash
    ? openModals({ slack, standIn: options.standIn, userId: SLASH_USER, until: () => done, expectModal: options.expectModal })
    : undefined;
  const submissions = await submitReports({
    slack,
    clients: options.clients,
    seconds: SECONDS,
    tag: options.tag,
    isAccepted: options.isAccepted,
  });
  done = true;
  const slashRun = await slash;
  const cpuBurstMs = (cpuMs(pid) ?? cpuBefore) - cpuBefore;
  const settleMs = await settle(pid, options.standIn);
  const cpuSettledMs = (cpuMs(pid) ?? cpuBefore) - cpuBefore;
  const slackCalls: Record<string, number> = {};
  for (const call of options.standIn.calls.slice(callsBefore)) {
    const key = call.failed ? `${call.method} failed (${call.error ?? call.status})` : call.method;
    slackCalls[key] = (slackCalls[key] ?? 0) + 1;
  }
  return {
    slackCalls,
    clients: options.clients,
    submissions,
    ...(slashRun ? { slash: slashRun } : {}),
    cpuBurstMs,
    cpuSettledMs,
    settleMs,
    ...(postgresBefore ? { postgresCpuMs: postgresCpuBetween(postgresBefore, postgresCpu()) } : {}),
  };
}

/** Rest, then the 1-client phase, then the burst with the /datalek client, sampling memory throughout. */
async function measure(
  child: TChild,
  url: string,
  standIn: SlackStandIn,
  tag: string,
  kind: "bare" | "bot",
  postgres: boolean,
): Promise<Omit<TTargetRun, "startMs">> {
  const pid = child.child.pid!;
  const idleBefore = cpuMs(pid) ?? 0;
  await sleep(REST_SECONDS * 1000);
  const restMb = statusMb(pid, "VmRSS");
  const idleCpuMsPerS = ((cpuMs(pid) ?? idleBefore) - idleBefore) / REST_SECONDS;
  const isAccepted =
    kind === "bare"
      ? (response: BotResponse) => response.status === 200
      : (response: BotResponse) => (response.body as { response_action?: string } | undefined)?.response_action === "update";
  const sampler = new RssSampler(pid).start();
  const common = { child, url, standIn, isAccepted, postgres, expectModal: true };
  process.stdout.write(`  ${kind}: 1 client for ${SECONDS} s... `);
  const single = await phase({ ...common, clients: 1, tag: `${tag}S`, withSlash: false });
  process.stdout.write(`${single.submissions.latencies.length} submissions; ${CLIENTS} clients + /datalek for ${SECONDS} s... `);
  const burst = await phase({ ...common, clients: CLIENTS, tag: `${tag}B`, withSlash: true });
  const peak = sampler.stop();
  console.log(`${burst.submissions.latencies.length} submissions, ${burst.slash?.commands ?? 0} /datalek`);
  return {
    restMb,
    idleCpuMsPerS,
    peakMb: peak.peakMb,
    samples: peak.samples,
    hwmMb: statusMb(pid, "VmHWM"),
    single,
    burst,
  };
}

function botEnvironment(
  port: number,
  standIn: SlackStandIn,
  database: { dataDir: string; url?: string },
): Record<string, string> {
  // A real settings environment (.env.example), its Slack API pointed at the stand-in; LOG_LEVEL as shipped (info).
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.url,
    PORT: String(port),
    DPO_USER_IDS: DPOS.join(","),
    DPO_CHANNEL_ID: DPO_CHANNEL,
    MANAGEMENT_CHANNEL_ID: MANAGEMENT_CHANNEL,
    DATALEK_ENCRYPTION_KEY: ENCRYPTION_KEY,
    TIMEZONE: "Europe/Amsterdam",
    DEFAULT_LOCALE: "nl",
    DATA_DIR: database.dataDir,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  };
}

/** Incidents in the database: all, created in each phase, and by submission key when the schema has one. */
async function storedReports(
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>,
  windows: { from: Date; to: Date }[],
): Promise<{ total: number; perWindow: number[]; keys?: Set<string>; outbox?: TOutboxState }> {
  const total = Number((await query("SELECT count(*)::int AS n FROM incident"))[0]!.n);
  const perWindow: number[] = [];
  for (const window of windows)
    perWindow.push(
      Number(
        (
          await query("SELECT count(*)::int AS n FROM incident WHERE created_at >= $1 AND created_at < $2", [
            window.from,
            window.to,
          ])
        )[0]!.n,
      ),
    );
  // What the outbox still holds: work after the ack that the CPU figures do not include yet.
  let outbox: TOutboxState | undefined;
  try {
    const rows = await query(
      `SELECT status, count(*)::int AS n, (count(*) FILTER (WHERE next_attempt_at <= now()))::int AS due
         FROM outbox_message GROUP BY status`,
    );
    outbox = {
      byStatus: Object.fromEntries(rows.map((row) => [String(row.status), Number(row.n)])),
      undeliveredDue: rows.filter((row) => row.status !== "delivered").reduce((total, row) => total + Number(row.due), 0),
    };
  } catch {
    outbox = undefined;
  }
  try {
    const rows = await query("SELECT submission_key AS key FROM incident");
    return { total, perWindow, keys: new Set(rows.map((row) => String(row.key))), ...(outbox ? { outbox } : {}) };
  } catch {
    return { total, perWindow, ...(outbox ? { outbox } : {}) };
  }
}

function checkStorage(run: Omit<TTargetRun, "startMs">, stored: { total: number; keys?: Set<string> }): TStorageCheck {
  const accepted = [...run.single.submissions.acceptedKeys, ...run.burst.submissions.acceptedKeys];
  const refused = [...run.single.submissions.refusedKeys, ...run.burst.submissions.refusedKeys];
  if (stored.keys) {
    return {
      accepted: accepted.length,
      stored: stored.total,
      lost: accepted.filter((key) => !stored.keys!.has(key)).length,
      storedAfterRefusal: refused.filter((key) => stored.keys!.has(key)).length,
      method: "per submission key (incident.submission_key = the view id)",
    };
  }
  return {
    accepted: accepted.length,
    stored: stored.total,
    lost: Math.max(0, accepted.length - stored.total),
    storedAfterRefusal: Math.max(0, stored.total - accepted.length),
    method: "by count (no incident.submission_key column)",
  };
}

async function runBare(
  standIn: SlackStandIn,
  bareScript: string,
  tag: string,
  postgres: boolean,
  logDir: string,
): Promise<TTargetRun> {
  const port = await freePort();
  const child = spawnNode(
    [bareScript],
    { PORT: String(port), SIGNING_SECRET, SLACK_API_URL: standIn.url, BOT_TOKEN },
    { logFile: path.join(logDir, `bare-${tag}.log`) },
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    const startMs = await waitUntilHealthy(child, url);
    const run = await measure(child, url, standIn, tag, "bare", postgres);
    return { startMs: { start: startMs }, ...run };
  } finally {
    await stop(child);
  }
}

async function section(database: string, bareScript: string, logDir: string): Promise<TSection> {
  const tag = database === "pglite" ? "L" : "P";
  const standIn = await SlackStandIn.start({
    botToken: BOT_TOKEN,
    channels: { [DPO_CHANNEL]: { name: "privacy-incidenten", isPrivate: true }, [MANAGEMENT_CHANNEL]: { name: "management" } },
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-burst-"));
  const botLog = path.join(logDir, `bot-${database}.log`);
  let admin: pg.Client | undefined;
  let databaseUrl: string | undefined;
  let databaseName: string | undefined;
  try {
    console.log(`\n${database}:`);
    const bare = await runBare(standIn, bareScript, tag, database === "postgresql", logDir);
    // Nothing of the bare app's run stays in the stand-in (its records only slow the lookups down).
    standIn.clear();

    if (database === "postgresql") {
      admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      databaseName = `datalek_bench_burst_${crypto.randomBytes(4).toString("hex")}`;
      await admin.query(`CREATE DATABASE ${databaseName}`);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${databaseName}`;
      databaseUrl = url.toString();
    }
    const environment = async () => {
      const port = await freePort();
      return { port, env: botEnvironment(port, standIn, { dataDir, ...(databaseUrl ? { url: databaseUrl } : {}) }) };
    };
    // Start on a fresh data folder / database (created from the template, or migrated), stop; start again on it.
    const startMs: Record<string, number> = {};
    {
      const { port, env } = await environment();
      const fresh = spawnNpmStart(env, { logFile: botLog });
      try {
        startMs.fresh = await waitUntilHealthy(fresh, `http://127.0.0.1:${port}`);
      } finally {
        await stop(fresh);
      }
    }
    const { port, env } = await environment();
    const child = spawnNpmStart(env, { logFile: botLog });
    let run: Omit<TTargetRun, "startMs">;
    let stopCode: number | null = null;
    let connections: { states: Record<string, number>; busy: string[] } | undefined;
    try {
      startMs.existing = await waitUntilHealthy(child, `http://127.0.0.1:${port}`);
      run = await measure(child, `http://127.0.0.1:${port}`, standIn, tag, "bot", database === "postgresql");
    } finally {
      if (admin && databaseName) connections = await connectionStates(admin, databaseName);
      stopCode = await stop(child);
    }
    const windows = [
      { from: run.single.submissions.startedAt, to: run.burst.submissions.startedAt },
      { from: run.burst.submissions.startedAt, to: new Date(Date.now() + 60_000) },
    ];
    let stored: Awaited<ReturnType<typeof storedReports>>;
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        stored = await storedReports(async (sql, params) => (await client.query(sql, params as unknown[])).rows, windows);
      } finally {
        await client.end();
      }
    } else {
      const { PGlite } = await import("@electric-sql/pglite");
      const db = new PGlite(path.join(dataDir, "pglite"));
      try {
        stored = await storedReports(async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows, windows);
      } finally {
        await db.close();
      }
    }
    run.single.stored = stored.perWindow[0];
    run.burst.stored = stored.perWindow[1];
    return {
      database,
      bare,
      bot: { startMs, ...run },
      storage: checkStorage(run, stored),
      botLog,
      stopCode,
      ...(stored.outbox ? { outbox: stored.outbox } : {}),
      ...(connections ? { connections } : {}),
    };
  } finally {
    await standIn.close();
    if (admin) {
      if (databaseName) await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ report

const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "-" : value < 10 ? value.toFixed(1) : value.toFixed(0);
const mb = (value: number | undefined) => (value === undefined ? "?" : value.toFixed(0));
const latencies = (summary: TLatencySummary) => `${ms(summary.p50)} / ${ms(summary.p99)} / ${ms(summary.max)} ms`;
const mark = (met: boolean | undefined) => (met === undefined ? "" : met ? "met" : "NOT MET");

/** CPU per report (bot: per stored report) or per answered request (bare: submissions and slash commands). */
function cpuPer(run: TPhase, kind: "bare" | "bot"): number {
  const requests =
    kind === "bot" ? (run.stored ?? run.submissions.accepted) : run.submissions.latencies.length + (run.slash?.acks.length ?? 0);
  return requests > 0 ? run.cpuSettledMs / requests : Number.NaN;
}

interface TRow {
  figure: string;
  bare: string;
  bot: string;
  target: string;
  met?: boolean;
}

function rowsFor(result: TSection): TRow[] {
  const { bare, bot, storage, database } = result;
  const rows: TRow[] = [];
  for (const key of ["single", "burst"] as const) {
    const bareSummary = summarise(bare[key].submissions.latencies);
    const botSummary = summarise(bot[key].submissions.latencies);
    rows.push({
      figure: `report submission, ${bot[key].clients} client${bot[key].clients === 1 ? "" : "s"}, p50 / p99 / max`,
      bare: latencies(bareSummary),
      bot: latencies(botSummary),
      target: `p99 <= ${TARGET.p99Factor} x bare = ${ms(bareSummary.p99 * TARGET.p99Factor)} ms`,
      met: botSummary.p99 <= bareSummary.p99 * TARGET.p99Factor,
    });
    rows.push({
      figure: `  submissions answered / per s / refused / slower than 3 s`,
      bare: `${bareSummary.count} / ${(bareSummary.count / SECONDS).toFixed(1)} / ${sumOf(bare[key].submissions.refused)} / ${bare[key].submissions.overThreeSeconds}`,
      bot: `${botSummary.count} / ${(botSummary.count / SECONDS).toFixed(1)} / ${sumOf(bot[key].submissions.refused)} / ${bot[key].submissions.overThreeSeconds}`,
      target: "every one answered",
      met: sumOf(bot[key].submissions.failures) === 0,
    });
  }
  const bareSlash = bare.burst.slash!;
  const botSlash = bot.burst.slash!;
  const bareAck = summarise(bareSlash.acks);
  const botAck = summarise(botSlash.acks);
  rows.push({
    figure: `/datalek ack while ${CLIENTS} submit, p50 / p99 / max`,
    bare: latencies(bareAck),
    bot: latencies(botAck),
    target: "",
  });
  const bareOpen = summarise(bareSlash.opens);
  const botOpen = summarise(botSlash.opens);
  const botNever = botSlash.expired + sumOf(botSlash.notOpened) + sumOf(botSlash.failures);
  rows.push({
    figure: "  trigger issued -> views.open accepted, p50 / p99 / max",
    bare: latencies(bareOpen),
    bot: latencies(botOpen),
    target: `every modal within ${TARGET.openMs} ms`,
    met: botOpen.count > 0 && botOpen.max <= TARGET.openMs && botNever === 0,
  });
  const never = (run: TSlashRun) =>
    `${run.expired + sumOf(run.notOpened) + sumOf(run.failures)} of ${run.commands} (${run.expired} expired)`;
  rows.push({
    figure: "  modals that never opened",
    bare: never(bareSlash),
    bot: never(botSlash),
    target: "0",
    met: botNever === 0,
  });
  const undrained = (result.outbox?.undeliveredDue ?? 0) > 0;
  for (const key of ["single", "burst"] as const) {
    rows.push({
      figure: `CPU per ${key === "single" ? "report, 1 client" : `report, ${CLIENTS} clients`} (bare: per request)`,
      bare: `${ms(cpuPer(bare[key], "bare"))} ms`,
      bot: `${ms(cpuPer(bot[key], "bot"))} ms${undrained ? " (outbox not drained: too low)" : ""}`,
      target: `<= ${TARGET.cpuPerReportMs} ms`,
      met: !undrained && cpuPer(bot[key], "bot") <= TARGET.cpuPerReportMs,
    });
  }
  if (bot.burst.postgresCpuMs !== undefined) {
    rows.push({
      figure: `  PostgreSQL server CPU per report, ${CLIENTS} clients`,
      bare: "",
      bot: `${ms(bot.burst.postgresCpuMs / (bot.burst.stored || 1))} ms`,
      target: "(outside the bot)",
    });
  }
  rows.push({
    figure: "resident memory at rest",
    bare: `${mb(bare.restMb)} MB`,
    bot: `${mb(bot.restMb)} MB`,
    target: `< ${TARGET.restMb[database]} MB`,
    met: bot.restMb !== undefined && bot.restMb < TARGET.restMb[database]!,
  });
  rows.push({
    figure: "resident memory at the burst's peak (sampled / VmHWM)",
    bare: `${mb(bare.peakMb)} / ${mb(bare.hwmMb)} MB`,
    bot: `${mb(bot.peakMb)} / ${mb(bot.hwmMb)} MB`,
    target: `< ${TARGET.peakMb} MB`,
    met: bot.peakMb < TARGET.peakMb,
  });
  const freshLabel = database === "pglite" ? "fresh data folder" : "fresh database (migrates)";
  const existingLabel = database === "pglite" ? "existing data folder" : "existing database";
  rows.push({
    figure: `start to healthy, ${freshLabel}`,
    bare: `${ms(bare.startMs.start)} ms`,
    bot: `${ms(bot.startMs.fresh)} ms`,
    target: `< ${TARGET.startFreshMs} ms`,
    met: bot.startMs.fresh! < TARGET.startFreshMs,
  });
  rows.push({
    figure: `start to healthy, ${existingLabel}`,
    bare: "",
    bot: `${ms(bot.startMs.existing)} ms`,
    target: `< ${TARGET.startExistingMs} ms`,
    met: bot.startMs.existing! < TARGET.startExistingMs,
  });
  rows.push({
    figure: "reports stored / accepted (lost)",
    bare: "",
    bot: `${storage.stored} / ${storage.accepted} (${storage.lost} lost)`,
    target: "none lost",
    met: storage.lost === 0,
  });
  return rows;
}

function sumOf(map: Map<string, number>): number {
  return [...map.values()].reduce((total, value) => total + value, 0);
}

function details(result: TSection): string[] {
  const lines: string[] = [];
  for (const [name, run] of [
    ["bare", result.bare],
    ["bot", result.bot],
  ] as const) {
    for (const key of ["single", "burst"] as const) {
      const phase = run[key];
      for (const [what, map] of [
        ["refused", phase.submissions.refused],
        ["failed", phase.submissions.failures],
        ...(phase.slash
          ? ([
              ["/datalek failed", phase.slash.failures],
              ["/datalek modal not opened", phase.slash.notOpened],
            ] as const)
          : []),
      ] as const)
        for (const [reason, times] of map) lines.push(`  ${name}, ${phase.clients} client(s): ${what} ${times}x: ${reason}`);
      lines.push(
        `  ${name}, ${phase.clients} client(s): CPU ${ms(phase.cpuBurstMs)} ms during the submissions, ${ms(phase.cpuSettledMs)} ms until quiet (${(phase.settleMs / 1000).toFixed(1)} s after the last)`,
      );
    }
    lines.push(`  ${name}: idle CPU at rest ${ms(run.idleCpuMsPerS)} ms/s; ${run.samples} memory samples`);
  }
  for (const key of ["single", "burst"] as const) {
    const phase = result.bot[key];
    const calls = Object.entries(phase.slackCalls)
      .sort((a, b) => b[1] - a[1])
      .map(([method, times]) => `${method} ${times}`)
      .join(", ");
    const posted = phase.slackCalls["chat.postMessage"] ?? 0;
    lines.push(
      `  bot, ${phase.clients} client(s): Slack calls until quiet: ${calls || "none"}; ${(posted / (phase.stored || 1)).toFixed(2)} messages posted per stored report`,
    );
  }
  if (result.outbox)
    lines.push(
      `  bot: outbox after the run: ${Object.entries(result.outbox.byStatus)
        .map(([status, rows]) => `${rows} ${status}`)
        .join(", ")}${result.outbox.undeliveredDue > 0 ? ` (${result.outbox.undeliveredDue} due and not delivered)` : ""}`,
    );
  if (result.connections) {
    lines.push(
      `  bot: its PostgreSQL connections before SIGTERM: ${Object.entries(result.connections.states)
        .map(([state, n]) => `${n} ${state}`)
        .join(", ")}`,
    );
    for (const busy of result.connections.busy) lines.push(`    ${busy}`);
  }
  if (result.storage.storedAfterRefusal > 0)
    lines.push(
      `  ${result.storage.storedAfterRefusal} report(s) told to try again were stored all the same (a retry makes a duplicate)`,
    );
  lines.push(`  stored reports checked ${result.storage.method}`);
  return lines;
}

/** The commit, and how many files under src/ and prisma/ differ from it: the build takes the working tree as it is. */
function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: REPO,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const changed = execFileSync("git", ["status", "--porcelain", "--", "src", "prisma"], {
      cwd: REPO,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
      .split("\n")
      .filter(Boolean).length;
    return changed === 0 ? commit : `${commit} + ${changed} uncommitted file(s) under src/ and prisma/`;
  } catch {
    return "?";
  }
}

async function main(): Promise<number> {
  const built = buildIfStale();
  const bareScript = await compileBenchScript("bench/support/bareBoltServer.ts");
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-burst-logs-"));
  const loadBefore = os.loadavg()[0]!;
  const benchCpuBefore = process.cpuUsage();
  // What was built: taken once, as others may commit while the bench runs.
  const commit = gitCommit();
  console.log(
    `burst bench: ${CLIENTS} clients for ${SECONDS} s (and 1 client for ${SECONDS} s), plus one /datalek client; ` +
      `Node ${process.version}, ${os.cpus().length} CPU(s), load average ${loadBefore.toFixed(1)}, commit ${commit}`,
  );
  console.log(
    `the bot runs as npm start runs it: node ${npmStartArgs().join(" ")}${built ? ` (${built.replace(/datalek-bot: /g, "").replace(/\n/g, "; ")})` : ""}; ` +
      `the bare Bolt app compiled the same way; both against one strict Slack stand-in per database`,
  );
  const template = DATABASES.includes("pglite") ? await templateWarning() : undefined;
  if (template) console.log(template);
  const results: TSection[] = [];
  const problems: string[] = [];
  for (const database of DATABASES) {
    if (database !== "pglite" && database !== "postgresql") throw new Error(`BURST_DATABASES: unknown database ${database}`);
    try {
      const result = await section(database, bareScript, logDir);
      results.push(result);
      if (result.outbox && result.outbox.undeliveredDue > 0)
        problems.push(
          `${database}: the outbox did not drain: ${result.outbox.undeliveredDue} message(s) due and not delivered after the run (DPOs not paged; CPU per report leaves their work out)`,
        );
      if (result.stopCode !== 0)
        problems.push(`${database}: the bot exited with ${result.stopCode ?? "SIGKILL"} when stopped (log: ${result.botLog})`);
    } catch (error) {
      problems.push(`${database}: not measured: ${(error as Error).message}`);
      console.log(`  ${database}: NOT MEASURED: ${(error as Error).message}`);
    }
  }
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const loadAfter = os.loadavg()[0]!;

  let missed = 0;
  let lost = 0;
  for (const result of results) {
    const rows = rowsFor(result);
    missed += rows.filter((row) => row.met === false).length;
    lost += result.storage.lost;
    console.log(`\n${result.database === "pglite" ? "PGlite (embedded)" : "PostgreSQL server"}`);
    console.log(
      formatTable(
        ["figure", "bare Bolt", "bot", "target", ""],
        rows.map((row) => [row.figure, row.bare, row.bot, row.target, mark(row.met)]),
      ),
    );
    for (const line of details(result)) console.log(line);
  }
  console.log(
    `\nbench process CPU ${(benchCpu.user / 1000 + benchCpu.system / 1000).toFixed(0)} ms (clients, signing, stand-in); load average ${loadBefore.toFixed(1)} -> ${loadAfter.toFixed(1)}`,
  );
  for (const problem of problems) console.log(`!! ${problem}`);
  if (lost > 0) {
    const banner = "!".repeat(78);
    console.log(`\n${banner}\n!! REPORTS LOST: ${lost} accepted report(s) are not in the database.\n${banner}`);
  }
  const resultsDir = path.join(REPO, "bench/results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `burst-${new Date().toISOString().replace(/:/g, "-").replace(/\..*$/, "")}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        commit,
        node: process.version,
        cpus: os.cpus().length,
        loadAverage: { before: loadBefore, after: loadAfter },
        seconds: SECONDS,
        clients: CLIENTS,
        restSeconds: REST_SECONDS,
        start: `node ${npmStartArgs().join(" ")}`,
        ...(template ? { template } : {}),
        targets: TARGET,
        problems,
        results: results.map((result) => ({
          database: result.database,
          storage: result.storage,
          stopCode: result.stopCode,
          outbox: result.outbox,
          connections: result.connections,
          table: rowsFor(result),
          bare: figures(result.bare, "bare"),
          bot: figures(result.bot, "bot"),
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`figures written to ${path.relative(REPO, file)}`);
  if (lost === 0 && problems.length === 0 && !process.env.BURST_KEEP_LOGS) fs.rmSync(logDir, { recursive: true, force: true });
  else console.log(`the processes' logs are kept in ${logDir}`);
  if (lost > 0 || problems.length > 0) return 1;
  if (missed > 0) {
    console.log(`${missed} target(s) not met`);
    return 2;
  }
  return 0;
}

function figures(run: TTargetRun, kind: "bare" | "bot") {
  const phaseFigures = (phase: TPhase) => ({
    clients: phase.clients,
    submission: summarise(phase.submissions.latencies),
    accepted: phase.submissions.accepted,
    refused: Object.fromEntries(phase.submissions.refused),
    failures: Object.fromEntries(phase.submissions.failures),
    overThreeSeconds: phase.submissions.overThreeSeconds,
    stored: phase.stored,
    cpuBurstMs: phase.cpuBurstMs,
    cpuSettledMs: phase.cpuSettledMs,
    settleMs: phase.settleMs,
    cpuPerReportMs: cpuPer(phase, kind),
    postgresCpuMs: phase.postgresCpuMs,
    slackCalls: phase.slackCalls,
    ...(phase.slash
      ? {
          slash: {
            commands: phase.slash.commands,
            ack: summarise(phase.slash.acks),
            open: summarise(phase.slash.opens),
            expired: phase.slash.expired,
            notOpened: Object.fromEntries(phase.slash.notOpened),
            failures: Object.fromEntries(phase.slash.failures),
          },
        }
      : {}),
  });
  return {
    startMs: run.startMs,
    restMb: run.restMb,
    idleCpuMsPerS: run.idleCpuMsPerS,
    peakMb: run.peakMb,
    hwmMb: run.hwmMb,
    single: phaseFigures(run.single),
    burst: phaseFigures(run.burst),
  };
}

process.exitCode = await main();
