// Starting for real: a malformed setting stops the start with one line per
// problem naming the variable; the database is opened and migrated; the
// register is loaded; the bot serves until SIGINT/SIGTERM.
import path from "node:path";
import { systemClock } from "../domain/time/clock.ts";
import { createLogger } from "../logging/createLogger.ts";
import { loadKeyRing } from "../security/loadKeyRing.ts";
import { loadSettings, type TSettings } from "../settings/loadSettings.ts";
import { migrateDatabase } from "../storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../storage/openDatabase.ts";
import { resolveStartRegister } from "../services/register/resolveStartRegister.ts";
import { createBot } from "./createBot.ts";

export function databaseOptionsFor(settings: Pick<TSettings, "DATABASE_URL" | "DATA_DIR">) {
  return settings.DATABASE_URL
    ? ({ kind: "postgresql", url: settings.DATABASE_URL } as const)
    : ({ kind: "pglite", dataDir: path.join(settings.DATA_DIR, "pglite") } as const);
}

/** Returns an exit code when it cannot start; undefined while running. */
export async function startFromEnvironment(env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const loaded = loadSettings(env);
  if (!loaded.ok) {
    for (const problem of loaded.problems) console.error(`datalek-bot: setting ${problem}`);
    console.error("datalek-bot: not started. See README.md, section Settings.");
    return 1;
  }
  const settings = loaded.settings;
  const logger = createLogger(settings.LOG_LEVEL);
  const registerFile = path.resolve(env.REGISTER_FILE || "config/register.yaml");
  // Free text is encrypted at rest; without a usable key the bot does not start.
  const keys = loadKeyRing(settings);
  if (!keys.ok) {
    for (const problem of keys.problems) console.error(`datalek-bot: setting ${problem}`);
    return 1;
  }
  for (const warning of keys.warnings) logger.warn(warning);
  let database: Database;
  try {
    database = await openDatabase(databaseOptionsFor(settings), keys.ring);
    const migrated = await migrateDatabase(database);
    logger.info({ applied: migrated.applied, database: database.kind }, "database ready");
  } catch (error) {
    console.error(`datalek-bot: database: ${(error as Error).message}`);
    return 1;
  }
  // A broken register file falls back to the last good one (kept in the database), with a warning.
  const register = await resolveStartRegister({ database, clock: systemClock, logger, settings, file: registerFile });
  if (!register.ok) {
    for (const problem of register.problems) console.error(`datalek-bot: register ${registerFile}: ${problem}`);
    await database.close();
    return 1;
  }
  if (register.fallback)
    for (const problem of register.problems)
      console.error(`datalek-bot: register ${registerFile}: ${problem} (using the last good register)`);
  const bot = createBot({ settings, database, clock: systemClock, logger, register: register.register });
  await bot.start();
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "stopping");
    await bot.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  return undefined;
}
