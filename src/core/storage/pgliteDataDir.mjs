// Creating an embedded database (initdb inside PGlite) takes seconds and
// leaves hundreds of megabytes of WebAssembly memory behind in the process
// that did it. So a new data directory is copied from a template made at
// install time (scripts/preparePgliteTemplate.mjs), or, without one, created
// by a short-lived child process. Plain JavaScript: the child and the
// install script run without tsx.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../projectRoot.mjs";

const root = projectRoot();
/** This file in the source tree: the child runs it directly (from the build too, where this code lives in a chunk). */
const script = path.join(root, "src/core/storage/pgliteDataDir.mjs");

/** PostgreSQL settings for a small embedded database: less memory, same behaviour. */
export const PGLITE_SETTINGS = ["shared_buffers=16MB", "work_mem=4MB", "maintenance_work_mem=16MB", "temp_buffers=2MB"];

function pgliteVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version;
}

/** Where the install-time template lives; tied to the PGlite version. */
export function templateDir() {
  return path.join(root, "node_modules/.cache/datalek-bot", `pglite-template-${pgliteVersion()}`);
}

function isDataDir(dir) {
  return fs.existsSync(path.join(dir, "PG_VERSION"));
}

/** Creates a data directory in a child process, so its memory goes when it exits. */
export function initialiseInChild(dir) {
  fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const result = spawnSync(process.execPath, [script, "--init", dir], { stdio: "inherit" });
  if (result.status !== 0 || !isDataDir(dir)) throw new Error(`could not create the embedded database in ${dir}`);
}

/** Makes sure `dir` holds a PGlite data directory before it is opened. */
export function prepareDataDir(dir) {
  if (isDataDir(dir)) return "existing";
  fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const template = templateDir();
  if (isDataDir(template)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(template, dir, { recursive: true });
    return "template";
  }
  initialiseInChild(dir);
  return "child";
}

// `node pgliteDataDir.mjs --init DIR`: the child's work.
if (process.argv[2] === "--init" && process.argv[3] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(process.argv[3], { postgresqlconf: PGLITE_SETTINGS });
  await db.waitReady;
  await db.query("SELECT 1");
  await db.close();
}
