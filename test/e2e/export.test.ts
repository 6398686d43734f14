// Exports: `/datalek export` sends the register as CSV and a readable report
// to the requester's DM; staff are refused; `datalek export` writes the same
// from the command line. The CSV is parsed back with a CSV parser.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { exportRegister } from "../../src/features/export/exportRegister.ts";
import { registerPages, type TIncidentRecord } from "../../src/features/export/readRegister.ts";
import { SlackStandIn } from "../support/slackStandIn.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";
import { DPO_ID, STAFF_ID, startTestBot, startWorkspaceStandIn, testRegister, type TTestBot } from "../support/startTestBot.ts";
import { submitReport } from "./homeSupport.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

/** A minimal RFC 4180 reader, so the test does not trust the writer's own library. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(field), (field = ""));
    else if (c === "\n") (row.push(field), rows.push(row), (row = []), (field = ""));
    else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) (row.push(field), rows.push(row));
  return rows;
}

describe.each(DATABASE_KINDS)("register export on %s", (kind) => {
  let standIn: SlackStandIn;
  let testDatabase: TTestDatabase;
  let harness: TTestBot;

  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(async () => {
    standIn.clear();
    testDatabase = await createTestDatabase(kind);
    harness = await startTestBot({ databaseOptions: testDatabase.options, standIn, clock: new ManualClock(NOW) });
  });
  afterEach(async () => {
    await harness.stop();
    await testDatabase.drop();
  });

  it("sends a DPO the register as a CSV and a readable report in their DM; refuses staff", async () => {
    // People are named in the export as Slack knows them (users.info).
    standIn.setUser(STAFF_ID, { real_name: "Anneke de Vries" });
    standIn.setUser(DPO_ID, { real_name: "Pieter Jansen" });
    await submitReport(harness, NOW, {
      what_happened: 'Brief met "aanhalingstekens", komma\'s en een\nnieuwe regel (synthetisch).',
    });
    await submitReport(harness, NOW, { system: "siilo" });
    await harness.slack.blockAction({
      userId: DPO_ID,
      actions: [{ action_id: "incident_take", value: "DL-2026-0001" }],
      channelId: "C0DPOCHAN",
    });

    const refused = await harness.slack.slashCommand({ userId: STAFF_ID, text: "export" });
    expect(refused.body).toMatchObject({ response_type: "ephemeral" });
    expect((refused.body as { text: string }).text).toContain("Alleen privacyfunctionarissen");

    const answer = await harness.slack.slashCommand({ userId: DPO_ID, text: "export" });
    expect(answer.body).toMatchObject({ response_type: "ephemeral" });
    // One upload per file.
    await standIn.waitForCalls("files.completeUploadExternal", 2, 10_000);
    expect(standIn.uploads).toHaveLength(2);
    const dm = standIn.dmChannelFor(DPO_ID);
    for (const upload of standIn.uploads) expect(upload.channel_id).toBe(dm);
    // The message with the files says how many, with the right plural (issue 11).
    const texts = standIn.callsTo("chat.postMessage").map((call) => String(call.args.text));
    expect(texts).toContain("Het register van datalekken (2 incidenten)");

    const csv = standIn.uploads.find((upload) => upload.filename.endsWith(".csv"))!;
    const rows = parseCsv(csv.content.replace(/^\uFEFF/, ""));
    expect(rows[0]![0]).toBe("Referentie");
    const byReference = new Map(
      rows.slice(1).map((row) => [row[0], Object.fromEntries(rows[0]!.map((header, i) => [header, row[i]]))]),
    );
    expect([...byReference.keys()].sort()).toEqual(["DL-2026-0001", "DL-2026-0002"]);
    const first = byReference.get("DL-2026-0001")!;
    expect(first["Wat is er gebeurd"]).toBe('Brief met "aanhalingstekens", komma\'s en een\nnieuwe regel (synthetisch).');
    expect(first["Behandelaar"]).toBe("Pieter Jansen");
    expect(first["Melder"]).toBe("Anneke de Vries");
    expect(first["Status"]).toBe("In behandeling");
    // Deadline: 72 hours after discovery (2 hours before NOW), in Amsterdam time with its offset.
    expect(first["Deadline melding AP"]).toBe("2026-11-26T08:00:00+01:00");
    expect(byReference.get("DL-2026-0002")!["Systeem of kanaal"]).toBe("Siilo");

    const report = standIn.uploads.find((upload) => upload.filename.endsWith(".md"))!.content;
    for (const heading of [
      "## DL-2026-0001",
      "### Feiten",
      "### Tijdlijn",
      "### Beoordeling",
      "### Besluit",
      "### Maatregelen",
    ]) {
      expect(report).toContain(heading);
    }
    // The timeline as sentences, people by name, times in local time (10:00 in Amsterdam).
    expect(report).toContain("ma 23 nov 2026 10:00 · Datalek gemeld door Anneke de Vries.");
    expect(report).toContain("ma 23 nov 2026 10:00 · Opgepakt door Pieter Jansen.");
    expect(report).not.toContain("U0STAFF01");
    expect(report).not.toContain("U0DPO0001");
  });

  const exportText = async (format: "csv" | "json" | "md", locale: "nl" | "en") => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    const result = await exportRegister(
      { database: harness.database, register: testRegister(), zone: "Europe/Amsterdam" },
      { format, locale, out, now: NOW, pageSize: 3 },
    );
    return { ...result, text: Buffer.concat(chunks).toString("utf8") };
  };

  it("streams every incident in pages, in the order reported, in every format, in English too", async () => {
    // Seven reports, the later ones an hour apart, so order by time and by reference (same instant) both count.
    for (let i = 0; i < 4; i++) await submitReport(harness, NOW);
    for (let i = 1; i <= 3; i++) {
      harness.clock.set(new Date(NOW.getTime() + i * 3_600_000));
      await submitReport(harness, new Date(NOW.getTime() + i * 3_600_000));
    }
    const expected = [
      "DL-2026-0001",
      "DL-2026-0002",
      "DL-2026-0003",
      "DL-2026-0004",
      "DL-2026-0005",
      "DL-2026-0006",
      "DL-2026-0007",
    ];
    const csv = await exportText("csv", "en");
    expect(csv.count).toBe(7);
    const csvRows = parseCsv(csv.text.replace(/^\uFEFF/, ""));
    expect(csvRows[0]![0]).toBe("Reference");
    // Pages of three: the order holds across the pages' edges.
    expect(csvRows.slice(1).map((row) => row[0])).toEqual(expected);
    const json = JSON.parse((await exportText("json", "nl")).text) as {
      count: number;
      incidents: { reference: string; timeline: unknown[] }[];
    };
    expect(json.count).toBe(7);
    expect(new Set(json.incidents.map((incident) => incident.reference)).size).toBe(7);
    expect(json.incidents.every((incident) => incident.timeline.length >= 1)).toBe(true);
    const md = (await exportText("md", "en")).text;
    expect(md).toContain("# Register of data breaches");
    expect(md.match(/^## DL-2026-/gm)).toHaveLength(7);
  });

  it("reads through the driver what Prisma's client reads, every table decrypted", async () => {
    await submitReport(harness, NOW, { what_happened: "Synthetische melding met geheime tekst." });
    await submitReport(harness, NOW);
    const prisma = harness.database.prisma;
    const incident = await prisma.incident.findFirstOrThrow({ where: { reference: "DL-2026-0001" } });
    await prisma.incidentAssessment.create({
      data: {
        incidentId: incident.id,
        level: "risk",
        result: {},
        assessedAt: NOW,
        overrideLevel: "high_risk",
        overrideReason: "Synthetische reden",
      },
    });
    await prisma.apNotification.create({
      data: {
        incidentId: incident.id,
        sequence: 1,
        kind: "initial",
        apReference: "AP-SYN-1",
        notifiedAt: NOW,
        recordedBy: DPO_ID,
        recordedAt: NOW,
        details: "Synthetische toelichting",
      },
    });
    await prisma.subjectNotice.create({
      data: {
        incidentId: incident.id,
        sentAt: NOW,
        method: "letter",
        recipientsCount: 3,
        note: "Synthetische notitie",
        recordedBy: DPO_ID,
        recordedAt: NOW,
      },
    });
    await prisma.correctiveMeasure.create({
      data: {
        incidentId: incident.id,
        what: "Synthetische maatregel",
        ownerId: DPO_ID,
        dueDate: "2026-12-01",
        createdBy: DPO_ID,
        createdAt: NOW,
      },
    });
    // Stored encrypted: the driver path must decrypt it, not show the ciphertext.
    const stored = await harness.database.readRows<{ note: string }>("SELECT note FROM subject_notice");
    expect(stored[0]!.note).toMatch(/^enc:v1:/);

    // Each record as Prisma's client (whose extension decrypts) reads the same rows.
    const records: TIncidentRecord[] = [];
    for await (const page of registerPages(harness.database, 1, true)) records.push(...page);
    expect(records.map((record) => record.incident.reference)).toEqual(["DL-2026-0001", "DL-2026-0002"]);
    const where = { incidentId: incident.id };
    expect(records[0]).toEqual({
      incident: await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } }),
      assessment: await prisma.incidentAssessment.findFirst({ where }),
      timeline: await prisma.timelineEntry.findMany({ where, orderBy: [{ at: "asc" }, { id: "asc" }] }),
      apNotifications: await prisma.apNotification.findMany({ where }),
      subjectNotices: await prisma.subjectNotice.findMany({ where }),
      measures: await prisma.correctiveMeasure.findMany({ where }),
    });
    expect(records[0]!.incident.whatHappened).toBe("Synthetische melding met geheime tekst.");
    expect(records[0]!.measures.map((measure) => measure.what)).toEqual(["Synthetische maatregel"]);
    const json = await exportText("json", "nl");
    expect(json.text).toContain("Synthetische notitie");
    expect(json.text).toContain("Synthetische melding met geheime tekst.");
    expect(json.text).not.toContain("enc:v1:");
    expect((await exportText("md", "nl")).text).toContain("Synthetische maatregel");
  });

  it("writes the register to a file from the command line", async () => {
    if (kind !== "postgresql") return; // the CLI opens the database itself; an in-memory PGlite is private to the bot
    await submitReport(harness, NOW);
    const { exportCommand } = await import("../../src/cli/exportCommand.ts");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-export-"));
    const file = path.join(dir, "register.csv");
    const stderr = new PassThrough();
    const errors: string[] = [];
    stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
    const code = await exportCommand(
      ["--format", "csv", "--out", file],
      {
        DATABASE_URL: (testDatabase.options as { url: string }).url,
        DATALEK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      },
      { stdin: process.stdin, stdout: new PassThrough(), stderr },
    );
    expect(errors.join("")).toContain(`1 incident geëxporteerd naar ${file}`);
    expect(code).toBe(0);
    const rows = parseCsv(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    expect(rows.map((row) => row[0])).toEqual(["Referentie", "DL-2026-0001"]);
    expect(rows[1]!.at(-1)).toContain("verkeerde ouder");
    const bad = await exportCommand(
      ["--format", "xml", "--out", file],
      {},
      { stdin: process.stdin, stdout: new PassThrough(), stderr },
    );
    expect(bad).toBe(2);
  });
});
