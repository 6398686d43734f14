// The command-line tool on the bot's own data: `outbox list` and `outbox
// retry` show and re-queue parked messages; tools that read or change what
// the bot recorded refuse a data folder that does not exist (instead of
// creating an empty database and a new key and reporting success); and
// `npx datalek` reads .env from where it is run, as `npm start` does.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { outboxCommand } from "../../src/cli/outboxCommand.ts";
import { main } from "../../src/cli/main.ts";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../../src/core/storage/openDatabase.ts";
import { createTestDatabase } from "../support/testDatabases.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

function io() {
  const stdout = collect();
  const stderr = collect();
  return { io: { stdin: Readable.from([""]), stdout: stdout.stream, stderr: stderr.stream }, stdout, stderr };
}

describe("datalek outbox list / retry on PostgreSQL", () => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    const testDatabase = await createTestDatabase("postgresql");
    if (testDatabase.options.kind !== "postgresql") throw new Error("expected a server database");
    database = await openDatabase(testDatabase.options);
    await migrateDatabase(database);
    cleanup = async () => {
      await database.close();
      await testDatabase.drop();
    };
    env = { DATABASE_URL: testDatabase.options.url };
  });
  afterEach(async () => {
    await cleanup();
  });

  it("lists parked messages with their errors, and re-queues all or some of them", async () => {
    const { prisma } = database;
    const now = new Date("2026-11-23T09:00:00Z");
    await prisma.outboxMessage.createMany({
      data: [
        { kind: "incident.channel_post", payload: {}, status: "failed", lastError: "slack: not_in_channel", nextAttemptAt: now },
        { kind: "incident.dpo_page", payload: {}, status: "failed", lastError: "slack: token_revoked", nextAttemptAt: now },
        { kind: "incident.reporter_receipt", payload: {}, status: "pending", nextAttemptAt: now },
      ],
    });
    const ids = (await prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((row) => row.id);

    const listed = io();
    expect(await outboxCommand(["list"], env, listed.io)).toBe(0);
    const lines = listed.stdout.text();
    expect(lines).toContain("2 geparkeerde bericht(en)");
    expect(lines).toContain("not_in_channel");
    expect(lines).toContain("token_revoked");
    expect(lines).not.toContain("incident.reporter_receipt");

    const one = io();
    expect(await outboxCommand(["retry", String(ids[1])], env, one.io)).toBe(0);
    expect(one.stdout.text()).toContain("1 bericht(en) opnieuw in de wachtrij");
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: ids[1]! } })).status).toBe("pending");
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: ids[0]! } })).status).toBe("failed");

    const rest = io();
    expect(await outboxCommand(["retry"], env, rest.io)).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { status: "failed" } })).toBe(0);
    // Each re-queue is in the audit trail.
    expect(await prisma.auditEntry.count({ where: { action: "outbox_requeued" } })).toBe(2);

    const bad = io();
    expect(await outboxCommand(["retry", "DL-2026-0001"], env, bad.io)).toBe(2);
    expect(bad.stderr.text()).toContain("not a message id");
    const usage = io();
    expect(await outboxCommand(["flush"], env, usage.io)).toBe(2);
  });
});

describe("tools refuse a data folder that does not exist", () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-cli-"));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it.each([
    ["export", ["export", "--format", "csv", "--out", path.join(scratch, "out.csv")]],
    ["audit verify", ["audit", "verify"]],
    ["rotate-key", ["rotate-key"]],
    ["outbox list", ["outbox", "list"]],
  ])("%s", async (command, argv) => {
    const dataDir = path.join(scratch, `missing-${command.replace(" ", "-")}`);
    const saved = { ...process.env };
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    // rotate-key needs a new key to get as far as the database.
    process.env.DATALEK_ENCRYPTION_KEY = Buffer.alloc(32, 3).toString("base64");
    try {
      const run = io();
      expect(await main(argv, run.io)).toBe(2);
      expect(run.stderr.text()).toContain(`there is no database in ${dataDir}`);
      // Nothing was created: no empty database, no new key.
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      process.env = saved;
    }
  });
});

describe("npx datalek reads .env where it is run", () => {
  it("takes DATA_DIR from .env", async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-dotenv-"));
    try {
      fs.writeFileSync(path.join(cwd, ".env"), "DATA_DIR=./from-dotenv-data\n");
      const child = spawn(process.execPath, [path.join(REPO, "bin/datalek.mjs"), "outbox", "list"], {
        cwd,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(2);
      expect(stderr).toContain(path.join(cwd, "from-dotenv-data"));
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  }, 30_000);
});
