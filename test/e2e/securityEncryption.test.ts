// Free text is encrypted at rest: after a real report (and a decision
// reason and a timeline reason written through the services' client), the
// plaintext appears nowhere in the database, neither in PGlite's files nor in
// any row of the PostgreSQL server; the bot still reads it back. A key
// rotation moves every value to the new key and can be resumed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { ENCRYPTED_FIELDS } from "../../src/core/security/encryptedFields.ts";
import { ciphertextKeyId, createKeyRing, encryptText } from "../../src/core/security/fieldCipher.ts";
import { rotateEncryptedFields } from "../../src/core/security/rotateKeys.ts";
import { appendTimelineEntry } from "../../src/core/incidents/appendTimelineEntry.ts";
import { openDatabase } from "../../src/core/storage/openDatabase.ts";
import { reportModalState } from "../support/slackRequests.ts";
import { SlackStandIn } from "../support/slackStandIn.ts";
import { STAFF_ID, startTestBot, startWorkspaceStandIn, TEST_ENCRYPTION_KEY, TEST_KEY_RING } from "../support/startTestBot.ts";
import { createTestDatabase, DATABASE_KINDS } from "../support/testDatabases.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
// Distinctive synthetic texts that must never be stored readable.
const REPORT_TEXT = "Synthetisch: medicatieoverzicht Zwaluwnest-7Q3 naar verkeerde mantelzorger gemaild.";
const REASON_TEXT = "Synthetisch: besluitreden Kraanvogel-9X1 over versleuteling van de laptop.";
const TIMELINE_TEXT = "Synthetisch: toelichting Ooievaar-4K2 in de tijdlijn.";
const SECRETS = [REPORT_TEXT, REASON_TEXT, TIMELINE_TEXT];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

async function rowsAsText(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    const parts: string[] = [];
    for (const { tablename } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${tablename}" t`);
      parts.push(...rows.rows.map((row) => row.row));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}

describe.each(DATABASE_KINDS)("encryption at rest on %s", (kind) => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });

  it("stores no readable free text, reads it back, and rotates to a new key", async () => {
    const dataDir = kind === "pglite" ? fs.mkdtempSync(path.join(os.tmpdir(), "datalek-enc-")) : undefined;
    const testDatabase = await createTestDatabase(kind, dataDir ? path.join(dataDir, "pglite") : undefined);
    try {
      const harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock: new ManualClock(NOW) });
      let incidentId: string;
      try {
        const response = await harness.slack.viewSubmission({
          userId: STAFF_ID,
          view: {
            id: "V0ENCRYPT1",
            callback_id: "datalek_report",
            state: {
              values: reportModalState({
                what_happened: REPORT_TEXT,
                discovered_at: Math.floor(NOW.getTime() / 1000) - 3600,
                system: "zivver",
                data_kinds: ["health"],
                people_affected: "2",
                stopped: "yes",
                recipient: "known",
              } as never),
            },
          },
        });
        expect(response.body).toMatchObject({ response_action: "update" });
        const prisma = harness.database.prisma;
        const incident = await prisma.incident.findUniqueOrThrow({ where: { submissionKey: "V0ENCRYPT1" } });
        incidentId = incident.id;
        // The services' client reads plain text.
        expect(incident.whatHappened).toBe(REPORT_TEXT);
        await prisma.incident.update({ where: { id: incident.id }, data: { decisionReason: REASON_TEXT } });
        await appendTimelineEntry(prisma, {
          incidentId: incident.id,
          at: NOW,
          actorId: STAFF_ID,
          // A kind whose details hold free text (the override's reason); timeline kinds are a closed set.
          kind: "assessment_overridden",
          details: { reason: TIMELINE_TEXT },
        });
        const reread = await prisma.incident.findUniqueOrThrow({
          where: { id: incident.id },
          include: { timeline: { orderBy: { id: "asc" } } },
        });
        expect(reread.decisionReason).toBe(REASON_TEXT);
        expect(reread.timeline.at(-1)!.details).toEqual({ reason: TIMELINE_TEXT });
        await standIn.waitForCalls("chat.postMessage", 4);
        await harness.bot.slack.outbox.kick();
      } finally {
        await harness.stop();
      }

      // What lies in the database: ciphertext under the test key.
      const plain = await openDatabase(testDatabase.options);
      try {
        const raw = await plain.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
        expect(ciphertextKeyId(raw.whatHappened)).toBe(TEST_KEY_RING.currentKeyId);
        expect(ciphertextKeyId(raw.decisionReason)).toBe(TEST_KEY_RING.currentKeyId);
        if (kind === "postgresql") {
          const everything = await rowsAsText((testDatabase.options as { url: string }).url);
          expect(everything).toContain("enc:v1:");
          for (const secret of SECRETS) expect(everything).not.toContain(secret.slice(13, 40));
        }

        // Rotation, interrupted half-way: one value already moved by hand.
        const newKey = Buffer.alloc(32, 9);
        const rotated = createKeyRing(newKey, [Buffer.from(TEST_ENCRYPTION_KEY, "base64")]);
        await plain.prisma.incident.update({
          where: { id: incidentId },
          data: { decisionReason: encryptText(rotated, REASON_TEXT) },
        });
        const report = await rotateEncryptedFields(plain.prisma, rotated);
        expect(report.failed).toEqual({});
        expect(report.reencrypted).toBeGreaterThanOrEqual(3);
        const again = await rotateEncryptedFields(plain.prisma, rotated);
        expect(again.reencrypted).toBe(0);
        const after = await plain.prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, include: { timeline: true } });
        expect(ciphertextKeyId(after.whatHappened)).toBe(rotated.currentKeyId);
        expect(ciphertextKeyId(after.decisionReason)).toBe(rotated.currentKeyId);
        for (const entry of after.timeline)
          expect(ciphertextKeyId((entry.details as { enc: string }).enc)).toBe(rotated.currentKeyId);
      } finally {
        await plain.close();
      }
      // The new key alone reads everything.
      const reopened = await openDatabase(testDatabase.options, createKeyRing(Buffer.alloc(32, 9)));
      try {
        const incident = await reopened.prisma.incident.findUniqueOrThrow({
          where: { id: incidentId },
          include: { timeline: true },
        });
        expect(incident.whatHappened).toBe(REPORT_TEXT);
        expect(incident.decisionReason).toBe(REASON_TEXT);
        expect(incident.timeline.map((entry) => entry.details)).toContainEqual({ reason: TIMELINE_TEXT });
      } finally {
        await reopened.close();
      }

      if (dataDir) {
        // Every byte PGlite wrote: data files and write-ahead log.
        const files = filesUnder(dataDir);
        expect(files.length).toBeGreaterThan(10);
        for (const file of files) {
          const bytes = fs.readFileSync(file);
          for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret.slice(13, 40))), `${file}`).toBe(false);
        }
      }
    } finally {
      await testDatabase.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("ENCRYPTED_FIELDS", () => {
  it("lists the free-text fields of the report and the decision", () => {
    expect(ENCRYPTED_FIELDS.Incident).toMatchObject({ whatHappened: "text", decisionReason: "text" });
    expect(ENCRYPTED_FIELDS.TimelineEntry).toMatchObject({ details: "json" });
  });
});
