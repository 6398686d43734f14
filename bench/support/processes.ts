// Child processes for the benches: a free port, spawning the bot exactly as
// `npm start` does (the compiled build) or `node --import tsx` scripts,
// waiting (bounded) until /healthz answers 200, reading the resident memory
// from /proc, and stopping.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

export interface TChild {
  child: ChildProcess;
  /** The last few kilobytes of stdout and stderr, for error messages. */
  output(): string;
  exited: Promise<number | null>;
  /** performance.now() when it was spawned. */
  spawnedAt: number;
}

/** A port nobody uses right now: listen on 0, read it, close. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs a TypeScript file of this repository with `node --import tsx`, with only the given environment. */
export function spawnTypeScript(file: string, env: Record<string, string>, options: TSpawnOptions = {}): TChild {
  return spawnNode(["--import", "tsx", file], env, options);
}

export interface TSpawnOptions {
  /**
   * Write the child's stdout and stderr to this file instead of piping them
   * through the bench (which would cost the bench CPU while it measures).
   */
  logFile?: string;
}

/** `node <args>` in the repository, with only the given environment (and PATH, HOME). */
export function spawnNode(args: string[], env: Record<string, string>, options: TSpawnOptions = {}): TChild {
  const log = options.logFile === undefined ? undefined : fs.openSync(options.logFile, "a");
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: log === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", log, log],
  });
  let tail = "";
  if (log === undefined) {
    // Drain both pipes, or a chatty child blocks on a full pipe.
    const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-8000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
  } else {
    fs.closeSync(log);
  }
  const output = () => {
    if (options.logFile === undefined) return tail;
    try {
      return fs.readFileSync(options.logFile, "utf8").slice(-8000);
    } catch {
      return "";
    }
  };
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output, exited, spawnedAt };
}

/**
 * The arguments `npm start` gives node, read from package.json ("node dist/main.mjs" -> ["dist/main.mjs"]),
 * so a bench starts the bot exactly as `npm start` does, without npm's and sh's launcher processes.
 */
export function npmStartArgs(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const words = (scripts.start ?? "").trim().split(/\s+/);
  if (words[0] !== "node" || words.length < 2)
    throw new Error(`package.json "start" is "${scripts.start}": the benches expect "node <file>"`);
  return words.slice(1);
}

/** What `npm start` runs first (its "prestart"): rebuild dist/ when a source file changed. Returns what it printed. */
export function buildIfStale(): string {
  const result = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { cwd: REPO, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`scripts/build.mjs failed:\n${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

/** The bot, started as `npm start` starts it (the compiled build, rebuilt first when stale). */
export function spawnNpmStart(env: Record<string, string>, options: TSpawnOptions = {}): TChild {
  // BENCH_BOT_NODE_ARGS adds Node options for a look inside, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = (process.env.BENCH_BOT_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  return spawnNode([...extra, ...npmStartArgs()], env, options);
}

/**
 * A bench's own TypeScript helper (the bare Bolt app) compiled to plain
 * JavaScript, so it runs without tsx as the bot does and the comparison of
 * memory and start is fair. Returns the path to give spawnNode.
 */
export async function compileBenchScript(file: string): Promise<string> {
  const { build } = await import("esbuild");
  const out = path.join(REPO, "node_modules/.cache/datalek-bot/bench", `${path.basename(file, ".ts")}.mjs`);
  await build({
    absWorkingDir: REPO,
    entryPoints: [file],
    outfile: out,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  return out;
}

/** Polls GET /healthz every 20 ms until it answers 200; returns the ms since spawning. */
export async function waitUntilHealthy(target: TChild, url: string, timeoutMs = 60_000): Promise<number> {
  let exited = false;
  void target.exited.then(() => (exited = true));
  const until = performance.now() + timeoutMs;
  while (performance.now() < until && !exited) {
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - target.spawnedAt;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url} did not become healthy (exited: ${exited}):\n${target.output()}`);
}

/** Resident and peak resident memory of a process in MB, from /proc/<pid>/status (Linux). */
export function readMemoryMb(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Returns the exit code (null when killed). */
export async function stop(target: TChild, graceMs = 15_000): Promise<number | null> {
  if (target.child.exitCode !== null || target.child.signalCode !== null) return target.child.exitCode;
  target.child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      target.child.kill("SIGKILL");
      resolve(null);
    }, graceMs);
  });
  const code = await Promise.race([target.exited, killed]);
  clearTimeout(timer);
  await target.exited;
  return code;
}
