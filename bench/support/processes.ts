// Child processes for the benches: a free port, spawning `node --import tsx`
// scripts, waiting (bounded) until /healthz answers 200, reading the
// resident memory from /proc, and stopping.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
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
export function spawnTypeScript(file: string, env: Record<string, string>): TChild {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  // Drain both pipes, or a chatty child blocks on a full pipe.
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-8000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => tail, exited, spawnedAt };
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
