// The audit trail: appended through appendTimelineEntry and
// recordAuditEvent, hash-chained, append-only in the database, and
// `datalek audit verify` names the first entry that was tampered with.
// Tampering needs the trigger disabled first, as an attacker with owner or
// superuser rights could; the chain still shows it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { auditCommand } from "../../src/cli/auditCommand.ts";
import { recordAuditEvent } from "../../src/core/audit/recordAuditEvent.ts";
import { verifyAuditChain } from "../../src/core/audit/verifyAuditChain.ts";
import { appendTimelineEntry } from "../../src/core/incidents/appendTimelineEntry.ts";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../../src/core/storage/openDatabase.ts";
import { TEST_KEY_RING } from "../support/startTestBot.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";

const AT = new Date("2026-11-23T09:00:00Z");

function capture() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk);
      callback();
    },
  });
  return { stream, text: () => text };
}

async function createIncident(database: Database): Promise<string> {
  const incident = await database.prisma.incident.create({
    data: {
      reference: "DL-2026-0001",
      submissionKey: "V0AUDIT",
      reporterId: "U0STAFF01",
      whatHappened: "synthetisch",
      discoveredAt: AT,
      awarenessAt: AT,
      deadlineAt: new Date(AT.getTime() + 72 * 3_600_000),
      system: "zivver",
      dataKinds: ["health"],
      peopleAffected: 1,
      stopped: "yes",
      recipient: "known",
    },
  });
  return incident.id;
}

describe.each(DATABASE_KINDS)("audit trail on %s", (kind) => {
  let dataDir: string | undefined;
  let testDatabase: TTestDatabase;
  let database: Database | undefined;

  afterEach(async () => {
    await database?.close().catch(() => undefined);
    database = undefined;
    await testDatabase.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(): Promise<Database> {
    database = await openDatabase(testDatabase.options, TEST_KEY_RING);
    await migrateDatabase(database);
    return database;
  }

  it("chains every entry, refuses updates and deletes, and verify names the first tampered entry", async () => {
    dataDir = kind === "pglite" ? fs.mkdtempSync(path.join(os.tmpdir(), "datalek-audit-")) : undefined;
    testDatabase = await createTestDatabase(kind, dataDir ? path.join(dataDir, "pglite") : undefined);
    const db = await open();
    const incidentId = await createIncident(db);
    await db.prisma.$transaction(async (tx) => {
      await appendTimelineEntry(tx, {
        incidentId,
        at: AT,
        actorId: "U0STAFF01",
        kind: "reported",
        details: { reason: "geheim" },
      });
      await recordAuditEvent(tx, {
        at: AT,
        actorId: "U0DPO0001",
        action: "details_viewed",
        incidentId,
        details: { access: "full" },
      });
    });
    // Appends from many transactions at once keep one chain.
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        recordAuditEvent(db.prisma, { at: AT, actorId: "U0DPO0001", action: "export", details: { index } }),
      ),
    );
    const entries = await db.prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(entries).toHaveLength(14);
    expect(entries[0]).toMatchObject({ action: "reported", actorId: "U0STAFF01", incidentId });
    // No free text in the audit trail: the timeline's details only as a digest.
    expect(JSON.stringify(entries[0]!.details)).not.toContain("geheim");
    expect((entries[0]!.details as { detailsDigest: string }).detailsDigest).toMatch(/^[0-9a-f]{64}$/);
    for (let index = 1; index < entries.length; index++) expect(entries[index]!.prevHash).toBe(entries[index - 1]!.hash);
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true, checked: 14 });

    // Append-only in the database.
    const third = entries[2]!;
    await expect(db.prisma.auditEntry.update({ where: { seq: third.seq }, data: { actorId: "U0OTHER01" } })).rejects.toThrow();
    await expect(db.prisma.auditEntry.delete({ where: { seq: third.seq } })).rejects.toThrow();
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE audit_entry`)).rejects.toThrow();
    expect(await db.prisma.auditEntry.count()).toBe(14);

    // An attacker with owner rights disables the trigger and edits a row.
    await db.prisma.$executeRawUnsafe(`ALTER TABLE audit_entry DISABLE TRIGGER USER`);
    await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor_id = 'U0OTHER01' WHERE seq = ${third.seq}`);
    expect(await verifyAuditChain(db.prisma)).toEqual({
      ok: false,
      checked: 2,
      firstBrokenSeq: third.seq,
      problem: "content_changed",
    });

    // The command line says the same, with exit code 1.
    await db.close();
    database = undefined;
    const env = kind === "pglite" ? { DATA_DIR: dataDir! } : { DATABASE_URL: (testDatabase.options as { url: string }).url };
    // databaseOptionsFor puts PGlite's files in DATA_DIR/pglite.
    const out = capture();
    const err = capture();
    const code = await auditCommand(
      ["verify"],
      env as NodeJS.ProcessEnv,
      { stdin: process.stdin, stdout: out.stream, stderr: err.stream } as never,
    );
    expect(code).toBe(1);
    // In the organisation's language (Dutch by default).
    expect(err.text()).toContain(`GEBROKEN bij regel ${third.seq}: de inhoud ervan is gewijzigd`);

    // Removing an entry (after restoring the edit) breaks the link of the next one.
    const again = await open();
    await again.prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor_id = '${third.actorId}' WHERE seq = ${third.seq}`);
    expect(await verifyAuditChain(again.prisma)).toMatchObject({ ok: true });
    await again.prisma.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = ${entries[5]!.seq}`);
    expect(await verifyAuditChain(again.prisma)).toMatchObject({
      ok: false,
      firstBrokenSeq: entries[6]!.seq,
      problem: "link_broken",
    });
  });
});
