// `npm run bench`: every bench script in sequence, each in its own process
// (so one's memory does not colour the next), printing their figures.
// Scripts that are not there (yet) are skipped; the exit code is non-zero
// when any bench failed or missed its target.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../", import.meta.url));
const BENCHES = ["bench/ack.ts", "bench/load.ts", "bench/burst.ts", "bench/scheduler.ts", "bench/export.ts", "bench/startup.ts", "bench/crash.ts"];

let failed = 0;
for (const bench of BENCHES) {
  if (!fs.existsSync(`${REPO}${bench}`)) {
    console.log(`\n### ${bench}: not present, skipped`);
    continue;
  }
  console.log(`\n### ${bench}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", bench], { cwd: REPO, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    failed += 1;
    console.log(`### ${bench} exited with ${result.status ?? result.signal}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
