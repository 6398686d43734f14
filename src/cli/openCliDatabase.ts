// The database a command-line tool works on: DATABASE_URL, or the embedded
// one under DATA_DIR. A tool that reads or changes what the bot recorded
// (export, audit verify, rotate-key, outbox) refuses a data folder that does
// not exist: opening it would create a new empty database (and a new key)
// and report success on it.
import fs from "node:fs";
import path from "node:path";
import { databaseOptionsFor } from "../app/startFromEnvironment.ts";
import type { TKeyRing } from "../core/security/fieldCipher.ts";
import { openDatabase, type Database } from "../core/storage/openDatabase.ts";
import type { TCommandIo } from "./assessCommand.ts";

export function cliDatabaseSettings(env: NodeJS.ProcessEnv) {
  return { DATABASE_URL: env.DATABASE_URL || undefined, DATA_DIR: env.DATA_DIR || "./data" };
}

export type TCliDatabase = { ok: true; database: Database } | { ok: false; exitCode: number };

/** Opens the bot's existing database, or says why not (exit code 2: nothing there; 1: it would not open). */
export async function openExistingDatabase(
  env: NodeJS.ProcessEnv,
  io: TCommandIo,
  command: string,
  keyRing?: TKeyRing,
): Promise<TCliDatabase> {
  const settings = cliDatabaseSettings(env);
  if (settings.DATABASE_URL && !/^postgres(ql)?:\/\//.test(settings.DATABASE_URL)) {
    io.stderr.write(`${command}: DATABASE_URL must be a postgresql:// connection string\n`);
    return { ok: false, exitCode: 2 };
  }
  const options = databaseOptionsFor(settings);
  if (options.kind === "pglite" && !fs.existsSync(path.join(options.dataDir, "PG_VERSION"))) {
    io.stderr.write(
      `${command}: there is no database in ${path.resolve(settings.DATA_DIR)} (DATA_DIR). ` +
        "Run this where the bot runs (same .env), set DATA_DIR to the bot's data folder, or set DATABASE_URL.\n",
    );
    return { ok: false, exitCode: 2 };
  }
  try {
    return { ok: true, database: await openDatabase(options, keyRing) };
  } catch (error) {
    io.stderr.write(`${command}: cannot open the database: ${(error as Error).message}\n`);
    return { ok: false, exitCode: 1 };
  }
}
