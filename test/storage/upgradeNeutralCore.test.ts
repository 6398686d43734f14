// Upgrading a database made by the release before the neutral core: the
// rows that release wrote (Slack user ids in person columns, the thread's
// channel and ts on the incident, the checklist's and the progress message's
// places, Home refresh requests, messages waiting in the outbox) survive the
// migration in their new shape, the audit trail still verifies, and the
// waiting messages go out once the bot starts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../src/core/audit/recordAuditEvent.ts";
import { verifyAuditChain } from "../../src/core/audit/verifyAuditChain.ts";
import { initialiseInChild } from "../../src/core/storage/pgliteDataDir.mjs";
import { listMigrations, migrateDatabase, MIGRATIONS_DIR } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../../src/core/storage/openDatabase.ts";
import { ManualClock } from "../../src/core/time/clock.ts";
import type { SlackStandIn } from "../support/slackStandIn.ts";
import { WebClient } from "@slack/web-api";
import { DPO_CHANNEL, DPO_ID, STAFF_ID, startTestBot, startWorkspaceStandIn, TEST_BOT_TOKEN } from "../support/startTestBot.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";

const NEUTRAL_CORE = "20261201120000_neutral_core";
const NOW = new Date("2026-11-23T09:00:00Z");
const INCIDENT_ID = "11111111-2222-4333-8444-555555555555";
/** The timestamps of the messages the previous release posted (in the Slack stand-in, by the bot). */
let POST_TS = "";
let CHECKLIST_TS = "";
let PROGRESS_TS = "";

/** The migrations of the release before the neutral core, in a folder of their own. */
function previousReleaseMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-previous-"));
  for (const migration of listMigrations()) {
    if (migration.name >= NEUTRAL_CORE) continue;
    fs.mkdirSync(path.join(dir, migration.name));
    fs.copyFileSync(path.join(MIGRATIONS_DIR, migration.name, "migration.sql"), path.join(dir, migration.name, "migration.sql"));
  }
  return dir;
}

/** Rows as the previous release wrote them (its own columns and payloads). */
async function writePreviousReleaseRows(database: Database): Promise<void> {
  const sql = (text: string, ...params: unknown[]) => database.prisma.$executeRawUnsafe(text, ...params);
  await sql(
    `INSERT INTO incident (id, reference, submission_key, reporter_id, what_happened, discovered_at, awareness_at, deadline_at,
       system, data_kinds, people_affected, stopped, recipient, status, owner_id, taken_at, channel_id, thread_ts, created_at)
     VALUES ($1::uuid, 'DL-2026-0001', 'V0OLD', $2, 'Rooster in de trein laten liggen (synthetisch).', $3, $3, $4,
       'paper', ARRAY['identity_contact'], 4, 'yes', 'unknown', 'taken', $5, $6, $7, $8, $6)`,
    INCIDENT_ID,
    STAFF_ID,
    new Date(NOW.getTime() - 3_600_000),
    new Date(NOW.getTime() + 71 * 3_600_000),
    DPO_ID,
    NOW,
    DPO_CHANNEL,
    POST_TS,
  );
  await sql(
    `INSERT INTO timeline_entry (incident_id, at, actor_id, kind) VALUES ($1::uuid, $2, $3, 'reported'), ($1::uuid, $2, $4, 'taken'), ($1::uuid, $2, 'bot', 'countdown_reminder')`,
    INCIDENT_ID,
    NOW,
    STAFF_ID,
    DPO_ID,
  );
  await sql(
    `INSERT INTO checklist_answer (incident_id, question_id, value, answered_by, answered_at, prefilled) VALUES ($1::uuid, 'personal_data', '"yes"', $2, $3, false)`,
    INCIDENT_ID,
    DPO_ID,
    NOW,
  );
  await sql(
    `INSERT INTO checklist_thread_message (incident_id, part, channel_id, ts) VALUES ($1::uuid, 'checklist_1', $2, $3)`,
    INCIDENT_ID,
    DPO_CHANNEL,
    CHECKLIST_TS,
  );
  await sql(
    `INSERT INTO incident_follow_up (incident_id, progress_channel_id, progress_ts) VALUES ($1::uuid, $2, $3)`,
    INCIDENT_ID,
    DPO_CHANNEL,
    PROGRESS_TS,
  );
  await sql(
    `INSERT INTO corrective_measure (id, incident_id, what, owner_id, due_date, created_by, created_at)
     VALUES ('99999999-2222-4333-8444-555555555555', $1::uuid, 'Roosters niet meer printen', $2, '2026-12-01', $3, $4)`,
    INCIDENT_ID,
    STAFF_ID,
    DPO_ID,
    NOW,
  );
  await sql(`INSERT INTO home_refresh_request (target, requested_at) VALUES ($1, $2), ('overseers', $2)`, STAFF_ID, NOW);
  // Waiting in the outbox: the channel post's update after "take", and a page to the DPO.
  await sql(
    `INSERT INTO outbox_message (kind, payload, incident_id, next_attempt_at) VALUES
     ('incident.channel_post_update', $1::jsonb, $2::uuid, $3),
     ('incident.dpo_page', $4::jsonb, $2::uuid, $3),
     ('slack.call', '{"method":"chat.postMessage","args":{}}'::jsonb, NULL, $3)`,
    JSON.stringify({ incidentId: INCIDENT_ID }),
    INCIDENT_ID,
    NOW,
    JSON.stringify({ incidentId: INCIDENT_ID, dpoUserId: DPO_ID }),
  );
  // The audit trail as the previous release chained it, with bare Slack ids.
  await recordAuditEvent(database.prisma, {
    at: NOW,
    actorId: DPO_ID,
    action: "details_viewed",
    incidentId: INCIDENT_ID,
    details: { access: "full" },
  });
}

describe.each(DATABASE_KINDS)("upgrading a database of the previous release on %s", (kind) => {
  let testDatabase: TTestDatabase;
  let database: Database;
  let previous: string;
  let dataDir: string | undefined;
  let standIn: SlackStandIn;

  beforeEach(async () => {
    standIn = await startWorkspaceStandIn();
    // The previous release's messages exist in Slack, posted by the bot.
    const slack = new WebClient(TEST_BOT_TOKEN, { slackApiUrl: standIn.url });
    POST_TS = (await slack.chat.postMessage({ channel: DPO_CHANNEL, text: "Datalek gemeld: DL-2026-0001" })).ts!;
    CHECKLIST_TS = (await slack.chat.postMessage({ channel: DPO_CHANNEL, thread_ts: POST_TS, text: "Checklist" })).ts!;
    PROGRESS_TS = (await slack.chat.postMessage({ channel: DPO_CHANNEL, thread_ts: POST_TS, text: "Maatregelen" })).ts!;
    previous = previousReleaseMigrations();
    dataDir = kind === "pglite" ? fs.mkdtempSync(path.join(os.tmpdir(), "datalek-upgrade-")) : undefined;
    // An empty embedded database, not the install-time template (which has every migration of this release).
    if (dataDir) initialiseInChild(path.join(dataDir, "pglite"));
    testDatabase = await createTestDatabase(kind, dataDir ? path.join(dataDir, "pglite") : undefined);
    database = await openDatabase(testDatabase.options);
    await migrateDatabase(database, previous);
    await writePreviousReleaseRows(database);
  });
  afterEach(async () => {
    await database.close().catch(() => undefined);
    await testDatabase.drop();
    await standIn.close();
    fs.rmSync(previous, { recursive: true, force: true });
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("moves every row to its new shape, keeps the audit trail intact, and sends what was waiting", async () => {
    const before = await verifyAuditChain(database.prisma);
    expect(before.ok).toBe(true);
    const result = await migrateDatabase(database);
    expect(result.applied).toContain(NEUTRAL_CORE);
    const { prisma } = database;

    // People are person ids of the Slack front end; the bot stays the bot.
    const incident = await prisma.incident.findUniqueOrThrow({ where: { id: INCIDENT_ID } });
    expect([incident.reporterId, incident.ownerId]).toEqual([`slack:${STAFF_ID}`, `slack:${DPO_ID}`]);
    const actors = (await prisma.timelineEntry.findMany({ orderBy: { id: "asc" } })).map((entry) => entry.actorId);
    expect(actors).toEqual([`slack:${STAFF_ID}`, `slack:${DPO_ID}`, "bot"]);
    expect((await prisma.checklistAnswer.findFirstOrThrow()).answeredBy).toBe(`slack:${DPO_ID}`);
    const measure = await prisma.correctiveMeasure.findFirstOrThrow();
    expect([measure.ownerId, measure.createdBy]).toEqual([`slack:${STAFF_ID}`, `slack:${DPO_ID}`]);
    expect((await prisma.overviewRefreshRequest.findMany({ orderBy: { target: "asc" } })).map((row) => row.target)).toEqual([
      "overseers",
      `slack:${STAFF_ID}`,
    ]);

    // Where the messages went is kept by key.
    const posted = Object.fromEntries((await prisma.postedMessage.findMany()).map((row) => [row.key, row.ref]));
    expect(posted).toEqual({
      [`incident:${INCIDENT_ID}:post`]: `${DPO_CHANNEL}/${POST_TS}`,
      [`incident:${INCIDENT_ID}:checklist_1`]: `${DPO_CHANNEL}/${CHECKLIST_TS}`,
      [`incident:${INCIDENT_ID}:progress`]: `${DPO_CHANNEL}/${PROGRESS_TS}`,
    });

    // The audit trail keeps the ids it was written with, and still verifies.
    const after = await verifyAuditChain(prisma);
    expect(after).toMatchObject({ ok: true, checked: before.ok ? before.checked : -1 });
    expect((await prisma.auditEntry.findFirstOrThrow({ where: { action: "details_viewed" } })).actorId).toBe(DPO_ID);

    // The waiting messages go out once the bot starts: the post is updated in place, the page reaches the DPO.
    await database.close();
    const harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock: new ManualClock(NOW) });
    try {
      const update = await standIn.waitForCall("chat.update", (call) => call.args.ts === POST_TS);
      expect(update.args.channel).toBe(DPO_CHANNEL);
      const page = await standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_ID);
      expect(JSON.stringify(page.args)).toContain("DL-2026-0001");
      // A kind that no longer exists is parked with the reason, not dropped.
      const parked = await harness.database.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "slack.call" } });
      expect(parked.status).toBe("failed");
      expect(parked.lastError).toContain("could not be converted");
    } finally {
      await harness.stop();
    }
  }, 60_000);
});
