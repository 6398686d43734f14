// Starts the real bot in HTTP mode on a free port, against a Slack stand-in
// and a real database, with a clock the test controls.
import { pino } from "pino";
import { createBot, withSlack, type TSlackBot } from "../../src/app/createBot.ts";
import { ManualClock } from "../../src/core/time/clock.ts";
import { loadRegisterFile, type TRegister } from "../../src/features/register/loadRegister.ts";
import { createKeyRing } from "../../src/core/security/fieldCipher.ts";
import { loadSettings, type TSettings } from "../../src/settings/loadSettings.ts";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database, type TDatabaseOptions } from "../../src/core/storage/openDatabase.ts";
import { SlackClientSimulator } from "./slackRequests.ts";
import { SlackStandIn, type SlackStandInOptions } from "./slackStandIn.ts";

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
/** The bot token the test workspace accepts (the stand-in refuses any other). */
export const TEST_BOT_TOKEN = "xoxb-test-token";
export const DPO_ID = "U0DPO0001";
export const SECOND_DPO_ID = "U0DPO0002";
export const STAFF_ID = "U0STAFF01";
export const DPO_CHANNEL = "C0DPOCHAN";
export const MANAGEMENT_CHANNEL = "C0MANAGEM";
/** A fixed key for tests only (base64 of 32 bytes): the test bot encrypts free text as the real one does. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
export const TEST_KEY_RING = createKeyRing(Buffer.from(TEST_ENCRYPTION_KEY, "base64"));

export function testRegister(): TRegister {
  const loaded = loadRegisterFile("config/register.yaml");
  if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
  return loaded.register;
}

export function testSettings(slackApiUrl: string, overrides: Record<string, string> = {}): TSettings {
  const loaded = loadSettings({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    PORT: "0",
    DPO_USER_IDS: `${DPO_ID},${SECOND_DPO_ID}`,
    DPO_CHANNEL_ID: DPO_CHANNEL,
    MANAGEMENT_CHANNEL_ID: MANAGEMENT_CHANNEL,
    LOG_LEVEL: "silent",
    DATALEK_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    ...overrides,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
  return loaded.settings;
}

/**
 * The test workspace: a strict Slack stand-in that knows the DPO channel
 * (private) and the management channel, with the bot a member of both, as an
 * installer following the README leaves them.
 */
export function startWorkspaceStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  return SlackStandIn.start({
    botToken: TEST_BOT_TOKEN,
    ...options,
    channels: {
      [DPO_CHANNEL]: { name: "privacy-incidenten", isPrivate: true },
      [MANAGEMENT_CHANNEL]: { name: "management" },
      ...options.channels,
    },
  });
}

/** A simulated Slack client for a bot at `url`, with trigger ids the stand-in issued. */
export function slackClientFor(url: string, standIn: SlackStandIn, signingSecret = TEST_SIGNING_SECRET): SlackClientSimulator {
  return new SlackClientSimulator({
    botUrl: `${url}/slack/events`,
    signingSecret,
    responseUrl: () => standIn.newResponseUrl(),
    newTriggerId: () => standIn.issueTriggerId(),
  });
}

export interface TTestBot {
  bot: TSlackBot;
  database: Database;
  standIn: SlackStandIn;
  slack: SlackClientSimulator;
  clock: ManualClock;
  url: string;
  /** Stops the bot and closes its database (not the stand-in). */
  stop(): Promise<void>;
}

/**
 * Each request through the simulated client resolves once the bot is done
 * with it, not just answered: a listener may work on after its answer (a
 * report is registered after the reporter saw the reference), and a test
 * reads what the bot did, as a person would a moment later.
 */
function settledAfterEachRequest<T extends object>(client: T, idle: () => Promise<void>): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? result.then(async (answer) => (await idle(), answer)) : result;
      };
    },
  });
}

export async function startTestBot(options: {
  databaseOptions: TDatabaseOptions;
  standIn: SlackStandIn;
  clock: ManualClock;
  settings?: Record<string, string>;
  /** How often the workers look for due work (default 25 ms: tests do not wait for a tick). */
  outboxIntervalMs?: number;
}): Promise<TTestBot> {
  const database = await openDatabase(options.databaseOptions, TEST_KEY_RING);
  await migrateDatabase(database);
  const bot = withSlack(
    createBot({
      settings: testSettings(options.standIn.url, options.settings),
      database,
      clock: options.clock,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
      register: testRegister(),
      // Real timers drive the worker; the manual clock decides what is due.
      outboxIntervalMs: options.outboxIntervalMs ?? 25,
    }),
  );
  const { port } = await bot.start();
  const url = `http://127.0.0.1:${port}`;
  const slack = settledAfterEachRequest(slackClientFor(url, options.standIn), () => bot.slack.idle());
  return {
    bot,
    database,
    standIn: options.standIn,
    slack,
    clock: options.clock,
    url,
    async stop() {
      await bot.stop();
      await database.close();
    },
  };
}
