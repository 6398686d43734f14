// Starting for real. Every setting, the encryption key and the register file
// are checked in one pass before the database is touched, so one run names
// every problem (one line each, naming the variable). Then Slack is asked
// whether it accepts the token (a refused token stops the start; Slack
// unreachable is a warning), the database is opened and migrated, and the
// bot serves until SIGINT/SIGTERM. An install with Teams only asks Slack
// nothing; Entra ID refusing the Teams credentials stops the start too.
import path from "node:path";
import { systemClock } from "../core/time/clock.ts";
import { createLogger } from "../logging/createLogger.ts";
import { loadRegisterFile } from "../features/register/loadRegister.ts";
import { loadKeyRing } from "../core/security/loadKeyRing.ts";
import { loadSettings, slackSettingsOf, type TSettings } from "../settings/loadSettings.ts";
import { migrateDatabase } from "../core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../core/storage/openDatabase.ts";
import { registerWarningRecipients, resolveStartRegister } from "../features/register/resolveStartRegister.ts";
import { createSlackWebClient } from "../slack/client/createSlackWebClient.ts";
import { checkSlackToken, tokenRefusedLine } from "../slack/setup/checkSlackToken.ts";
import { createBot, isTeamsSetupError, platformsFromSettings, rolesFromSettings, SlackSetupError } from "./createBot.ts";

export function databaseOptionsFor(settings: Pick<TSettings, "DATABASE_URL" | "DATA_DIR">) {
  return settings.DATABASE_URL
    ? ({ kind: "postgresql", url: settings.DATABASE_URL } as const)
    : ({ kind: "pglite", dataDir: path.join(settings.DATA_DIR, "pglite") } as const);
}

function refuseToStart(lines: string[]): number {
  for (const line of lines) console.error(`datalek-bot: ${line}`);
  console.error("datalek-bot: not started. See README.md, section Settings.");
  return 1;
}

/** Returns an exit code when it cannot start; undefined while running. */
export async function startFromEnvironment(env: NodeJS.ProcessEnv): Promise<number | undefined> {
  // One pass over everything that needs no database.
  const loaded = loadSettings(env);
  const keys = loadKeyRing({
    DATALEK_ENCRYPTION_KEY: env.DATALEK_ENCRYPTION_KEY || undefined,
    DATALEK_ENCRYPTION_KEY_FILE: env.DATALEK_ENCRYPTION_KEY_FILE || undefined,
    DATALEK_OLD_KEYS: env.DATALEK_OLD_KEYS || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    DATA_DIR: env.DATA_DIR || "./data",
    // A key file is only generated for a start that will go ahead.
    generateMissing: loaded.ok,
  });
  const registerFile = path.resolve(env.REGISTER_FILE || "config/register.yaml");
  const registerCheck = loadRegisterFile(registerFile);
  const problems = [
    ...(loaded.ok ? [] : loaded.problems.map((problem) => `setting ${problem}`)),
    ...(keys.ok ? [] : keys.problems.map((problem) => `setting ${problem}`)),
  ];
  if (problems.length > 0 || !loaded.ok || !keys.ok) {
    // A broken register alone may fall back to the last good one (below); with other problems, name it too.
    if (!registerCheck.ok) problems.push(...registerCheck.problems.map((problem) => `register ${registerFile}: ${problem}`));
    return refuseToStart(problems);
  }
  const settings = loaded.settings;
  const logger = createLogger(settings.LOG_LEVEL);
  for (const warning of keys.warnings) logger.warn(warning);

  // Ask Slack about the token while the database opens (when Slack is used).
  const slackSettings = slackSettingsOf(settings);
  const tokenCheck = slackSettings ? checkSlackToken(createSlackWebClient(slackSettings, logger)) : undefined;
  let database: Database;
  try {
    database = await openDatabase(databaseOptionsFor(settings), keys.ring);
  } catch (error) {
    return refuseToStart([`database: ${(error as Error).message}`]);
  }
  const token = await tokenCheck;
  if (token?.state === "refused") {
    await database.close();
    return refuseToStart([`setting ${tokenRefusedLine("SLACK_BOT_TOKEN", token.error)}`]);
  }
  try {
    const migrated = await migrateDatabase(database);
    logger.info({ applied: migrated.applied, database: database.kind }, "database ready");
  } catch (error) {
    await database.close();
    return refuseToStart([`database: ${(error as Error).message}`]);
  }
  // A broken register file falls back to the last good one (kept in the database), with a warning.
  // Who is told about a broken register: from the settings' roles (the register's own owners are not known yet).
  const roles = rolesFromSettings(settings, { systems: [] } as unknown as Parameters<typeof rolesFromSettings>[1]);
  const told = registerWarningRecipients({ admins: roles.admins, dpos: roles.dpos });
  const register = await resolveStartRegister({
    database,
    clock: systemClock,
    logger,
    messaging: { platforms: platformsFromSettings(settings) },
    told,
    file: registerFile,
  });
  if (!register.ok) {
    await database.close();
    return refuseToStart(register.problems.map((problem) => `register ${registerFile}: ${problem}`));
  }
  if (register.fallback)
    for (const problem of register.problems)
      console.error(`datalek-bot: register ${registerFile}: ${problem} (using the last good register)`);
  const bot = createBot({
    settings,
    database,
    clock: systemClock,
    logger,
    register: register.register,
    ...(token ? { tokenCheck: token } : {}),
    keyRing: keys.ring,
  });
  try {
    await bot.start();
  } catch (error) {
    await bot.stop().catch(() => undefined);
    await database.close();
    if (error instanceof SlackSetupError || isTeamsSetupError(error)) return refuseToStart([`setting ${error.message}`]);
    throw error;
  }
  // A promise nobody awaited that failed (a library's background reconnect)
  // is logged with its reason before the process ends, not as a bare trace.
  process.on("unhandledRejection", (reason) => {
    logger.fatal({ error: reason instanceof Error ? reason.message : String(reason) }, "unhandled failure; stopping");
    process.exit(1);
  });
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
