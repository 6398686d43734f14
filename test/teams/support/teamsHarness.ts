// The Teams end-to-end setup: a Teams organisation in the strict Bot
// Connector stand-in (JWT validation on, signed activities), a fresh
// database of the given kind, a manual clock, and the real bot with Teams
// only (no Slack setting at all).
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { createBot, type TBot } from "../../../src/app/createBot.ts";
import { migrateDatabase } from "../../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../../../src/core/storage/openDatabase.ts";
import { ManualClock } from "../../../src/core/time/clock.ts";
import { loadSettings } from "../../../src/settings/loadSettings.ts";
import type { StoredActivity, StandInUser } from "../../../src/devtools/teams/botConnectorStandIn.ts";
import {
  announceInstallation,
  startTeamsOrganisation,
  type TTeamsOrganisation,
} from "../../../src/devtools/teams/teamsOrganisation.ts";
import { TEST_ENCRYPTION_KEY, TEST_KEY_RING, testRegister } from "../../support/startTestBot.ts";
import { createTestDatabase, type TTestDatabase, type TTestDatabaseKind } from "../../support/testDatabases.ts";

export interface TTeamsHarness {
  org: TTeamsOrganisation;
  bot: TBot;
  database: Database;
  clock: ManualClock;
  botUrl: string;
  databaseOptions: TTestDatabase["options"];
  /** Delivers everything due, as often as it takes. */
  settle(): Promise<void>;
  /** Runs the scheduler once and delivers what it wrote. */
  tick(): Promise<void>;
  /** Starts another bot on the same database (a restart); the caller stops the first. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function teamsSettings(org: TTeamsOrganisation, overrides: Record<string, string> = {}) {
  const loaded = loadSettings({
    ...org.settings,
    PORT: "0",
    LOG_LEVEL: "silent",
    DATALEK_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    ...overrides,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
  return loaded.settings;
}

async function startBot(org: TTeamsOrganisation, databaseOptions: TTestDatabase["options"], clock: ManualClock) {
  const database = await openDatabase(databaseOptions, TEST_KEY_RING);
  await migrateDatabase(database);
  const bot = createBot({
    settings: teamsSettings(org),
    database,
    clock,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    register: testRegister(),
    outboxIntervalMs: 25,
  });
  const { port } = await bot.start();
  return { bot, database, botUrl: `http://127.0.0.1:${port}/api/messages` };
}

/** One organisation per file; per test a fresh database, a manual clock at `now`, and the bot. */
export function useTeamsBotPerTest(kind: TTestDatabaseKind, options: { now: Date }): TTeamsHarness {
  const env = {} as TTeamsHarness;
  let testDatabase: TTestDatabase;
  beforeAll(async () => {
    env.org = await startTeamsOrganisation();
  });
  afterAll(async () => {
    await env.org.standIn.close();
  });
  beforeEach(async () => {
    env.org.standIn.clear();
    // The documented rate limits count real seconds, which these tests do not wait for: a test of its own
    // throttles calls and checks that the bot waits (rateLimits.test.ts); here a person clicks faster than anyone could.
    env.org.standIn.setRateLimitsEnforced(false);
    env.clock = new ManualClock(options.now);
    testDatabase = await createTestDatabase(kind);
    env.databaseOptions = testDatabase.options;
    const started = await startBot(env.org, testDatabase.options, env.clock);
    Object.assign(env, started);
    // The app was installed for the privacy officers: Teams told the bot.
    for (const user of [env.org.people.dpo, env.org.people.secondDpo]) await announceInstallation(env.org, env.botUrl, user);
    await env.settle();
    env.org.standIn.clear();
  });
  afterEach(async () => {
    await env.stop();
    await testDatabase.drop();
  });
  env.settle = async () => {
    for (let round = 0; round < 20; round++) if ((await env.bot.teams!.outbox.kick()) === 0) return;
  };
  env.tick = async () => {
    await env.bot.scheduler.tick();
    await env.settle();
  };
  env.restart = async () => {
    await env.bot.stop();
    await env.database.close();
    Object.assign(env, await startBot(env.org, env.databaseOptions, env.clock));
  };
  env.stop = async () => {
    await env.bot.stop();
    await env.database.close();
  };
  return env;
}

/** The words a person sees in one stored activity: its cards' texts, and the buttons' titles. */
export function seenText(activity: StoredActivity | Record<string, unknown>): string {
  const root = "activity" in activity && typeof activity.activity === "object" ? (activity as StoredActivity).activity : activity;
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === "text" || key === "title") && typeof value === "string") parts.push(value);
      else walk(value);
    }
  };
  walk(root);
  return parts.join(" ");
}

/** The visible messages of a person's personal chat with the bot that the bot sent. */
export function personalChat(org: TTeamsOrganisation, user: StandInUser): StoredActivity[] {
  return (org.standIn.personalConversationOf(user.id)?.activities ?? []).filter((activity) => activity.author === "bot");
}

/** The threads in a channel: each root with its replies, as people see them. */
export function channelThreads(org: TTeamsOrganisation, channelId: string): StoredActivity[][] {
  const conversation = org.standIn.conversation(channelId);
  const roots = (conversation?.activities ?? []).filter((activity) => activity.threadRootId === activity.id);
  return roots.map((root) => org.standIn.thread(channelId, root.id));
}

/** The card of an activity. */
export function cardOf(activity: StoredActivity | Record<string, unknown>): Record<string, unknown> {
  const root = "activity" in activity && typeof activity.activity === "object" ? (activity as StoredActivity).activity : activity;
  const attachments = (root as { attachments?: { content?: unknown }[] }).attachments ?? [];
  const card = attachments[0]?.content;
  expect(card, "a card").toBeTypeOf("object");
  return card as Record<string, unknown>;
}

/** Every action in a card (in action sets and the card's own actions). */
export function actionsOf(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === "string" && element.type.startsWith("Action.")) found.push(element);
    for (const value of Object.values(element)) walk(value);
  };
  walk(card);
  return found;
}
