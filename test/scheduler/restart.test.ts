// After a restart, what fell due while the bot was down is sent once,
// marked late, and of an overtaken series only the latest: PGlite with a
// data directory on disk, the bot stopped, the clock moved past several
// marks, and a new bot started on the same directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { createTestDatabase } from "../support/testDatabases.ts";
import { DPO_ID, startTestBot, startWorkspaceStandIn } from "../support/startTestBot.ts";
import { HOUR, remindersTo, reportAndPost, runScheduler, threadReminders } from "./countdownHarness.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
const DEADLINE = new Date(NOW.getTime() + 70 * HOUR);

it("sends one late reminder after a restart that missed the 48-, 24- and 12-hour marks", async () => {
  const standIn = await startWorkspaceStandIn();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-countdown-restart-"));
  const testDatabase = await createTestDatabase("pglite", path.join(dataDir, "pglite"));
  const clock = new ManualClock(NOW);
  try {
    const first = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock });
    const { reference, threadTs, incidentId } = await reportAndPost(first, new Date(NOW.getTime() - 2 * HOUR));
    // Someone takes it, so the re-page does not speak.
    await first.database.prisma.incident.update({
      where: { id: incidentId },
      data: { ownerId: slackPerson(DPO_ID), status: "taken" },
    });
    await first.stop();

    // Down from before the 48-hour mark until 5 hours before the deadline.
    clock.set(new Date(DEADLINE.getTime() - 5 * HOUR));
    const second = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock });
    try {
      await runScheduler(second);
      await runScheduler(second);
      const thread = threadReminders(standIn, threadTs);
      expect(thread).toHaveLength(1);
      expect(JSON.stringify(thread[0]!.args)).toContain("nog 5 uur tot de deadline");
      expect(JSON.stringify(thread[0]!.args)).toContain("later dan gepland");
      expect(remindersTo(standIn, DPO_ID, reference)).toHaveLength(1);
      const jobs = await second.database.prisma.scheduledJob.findMany({
        where: { incidentId, kind: "countdown.reminder" },
        orderBy: { dueAt: "asc" },
      });
      expect(jobs.map((job) => [job.dedupeKey.split(":").at(-1), job.status, job.late])).toEqual([
        ["h48", "skipped", true],
        ["h24", "skipped", true],
        ["h12", "done", true],
        ["h4", "pending", false],
        ["h1", "pending", false],
        ["overdue0", "pending", false],
      ]);
      // The next mark comes on time again.
      clock.set(new Date(DEADLINE.getTime() - 4 * HOUR));
      await runScheduler(second);
      expect(threadReminders(standIn, threadTs)).toHaveLength(2);
      expect(JSON.stringify(threadReminders(standIn, threadTs)[1]!.args)).not.toContain("later dan gepland");
    } finally {
      await second.stop();
    }
  } finally {
    await testDatabase.drop();
    await standIn.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
