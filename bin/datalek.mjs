#!/usr/bin/env node
// `npx datalek <command>`: runs the compiled command-line tool in dist/
// (built by npm install, see scripts/build.mjs) when that build matches the
// source, else the TypeScript through tsx (a checkout being worked on).
// It reads .env exactly as `npm start` does, before the command loads.
import { buildState, DIST } from "../scripts/build.mjs";

let main;
if (buildState(DIST).fresh) {
  const cli = await import(new URL("../dist/cli.mjs", import.meta.url).href);
  cli.loadEnvFile();
  main = cli.main;
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { loadEnvFile } = await import("../src/app/loadEnvFile.ts");
  loadEnvFile();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
