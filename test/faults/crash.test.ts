// The bot's process is killed (SIGKILL) at random moments while it sends a
// report's messages and started again: nothing is lost, nothing arrives
// twice, and everything is out within 15 seconds of the restart. A few runs
// per database here; bench/crash.ts runs twenty.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackStandIn } from "../../src/devtools/slack/slackStandIn.ts";
import { SlackStandIn as StandIn } from "../../src/devtools/slack/slackStandIn.ts";
import { CRASH_BOT_TOKEN, CRASH_CHANNELS, crashRun, freshDataDir } from "../support/crashRuns.ts";
import { createTestDatabase, DATABASE_KINDS } from "../support/testDatabases.ts";

const KEY = Buffer.alloc(32, 9).toString("base64");
// A few moments in the send window: at once, in the middle, late.
const KILL_AFTER_MS = [0, 60 + Math.floor(Math.random() * 200), 300 + Math.floor(Math.random() * 200)];

describe.each(DATABASE_KINDS)("SIGKILL while sending, on %s", (kind) => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await StandIn.start({
      botToken: CRASH_BOT_TOKEN,
      channels: { [CRASH_CHANNELS.dpo]: { isPrivate: true }, [CRASH_CHANNELS.management]: {} },
    });
  });
  afterAll(async () => {
    await standIn.close();
  });

  it.each(KILL_AFTER_MS)(
    "killed %i ms after the report was answered: nothing lost, nothing twice, done within 15 s",
    async (killAfterMs) => {
      const dataDir = freshDataDir();
      const database = kind === "postgresql" ? await createTestDatabase("postgresql") : undefined;
      try {
        const result = await crashRun({
          standIn,
          dataDir,
          encryptionKey: KEY,
          killAfterMs,
          viewId: `V0CRASH${killAfterMs}${kind}`,
          ...(database?.options.kind === "postgresql" ? { databaseUrl: database.options.url } : {}),
        });
        expect(result.lost, result.restartedOutput).toEqual([]);
        expect(result.duplicated).toEqual([]);
        expect(result.completeAfterRestartMs).toBeLessThan(15_000);
      } finally {
        await database?.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
