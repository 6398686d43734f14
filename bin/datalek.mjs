#!/usr/bin/env node
// `npx datalek <command>`: runs the TypeScript command-line tool through tsx.
// It reads .env exactly as `npm start` does.
import { register } from "tsx/esm/api";

register();
const { loadEnvFile } = await import("../src/app/loadEnvFile.ts");
loadEnvFile();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
