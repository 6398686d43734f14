#!/usr/bin/env node
// `npx datalek <command>`: runs the TypeScript command-line tool through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
