// The usual end-to-end setup: one Slack stand-in per file, and per test a
// fresh database of the given kind, a manual clock at `now` and the real
// bot. Read the current ones through the returned object in each test.
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { SlackStandIn } from "./slackStandIn.ts";
import { startTestBot, startWorkspaceStandIn, type TTestBot } from "./startTestBot.ts";
import { createTestDatabase, type TTestDatabase, type TTestDatabaseKind } from "./testDatabases.ts";

export interface TBotPerTest {
  standIn: SlackStandIn;
  harness: TTestBot;
  clock: ManualClock;
  /** This test's database, to start another bot on it. */
  databaseOptions: TTestDatabase["options"];
}

export function useBotPerTest(kind: TTestDatabaseKind, options: { now: Date; settings?: Record<string, string> }): TBotPerTest {
  const env = {} as TBotPerTest;
  let testDatabase: TTestDatabase;
  beforeAll(async () => {
    env.standIn = await startWorkspaceStandIn();
  });
  afterAll(async () => {
    await env.standIn.close();
  });
  beforeEach(async () => {
    env.standIn.clear();
    env.clock = new ManualClock(options.now);
    testDatabase = await createTestDatabase(kind);
    env.databaseOptions = testDatabase.options;
    env.harness = await startTestBot({
      databaseOptions: testDatabase.options,
      standIn: env.standIn,
      clock: env.clock,
      settings: options.settings,
    });
  });
  afterEach(async () => {
    await env.harness.stop();
    await testDatabase.drop();
  });
  return env;
}
