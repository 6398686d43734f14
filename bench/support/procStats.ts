// What a process costs, read from /proc (Linux): CPU time (user + system,
// all threads) and resident memory sampled over time.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

let ticksPerSecond: number | undefined;

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK; 100 on Linux). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process in ms (resolution one clock tick, 10 ms); undefined when it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}

/** One field of /proc/<pid>/status in MB (VmRSS, VmHWM). */
export function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Samples VmRSS every `intervalMs` until stopped; keeps the highest. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private highest = 0;
  private samples = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    const sample = () => {
      const rss = statusMb(this.pid, "VmRSS");
      if (rss === undefined) return;
      this.samples += 1;
      if (rss > this.highest) this.highest = rss;
    };
    sample();
    this.timer = setInterval(sample, this.intervalMs);
    return this;
  }

  stop(): { peakMb: number; samples: number } {
    clearInterval(this.timer);
    return { peakMb: this.highest, samples: this.samples };
  }
}

/** CPU ms of every process named `postgres` (the server and its backends), by pid. */
export function postgresCpu(): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    const ms = cpuMs(Number(entry));
    if (ms !== undefined) found.set(Number(entry), ms);
  }
  return found;
}

/** CPU the postgres processes used between two postgresCpu() readings (a backend started meanwhile counts from 0). */
export function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
