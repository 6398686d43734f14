// Migrations: applied once, recorded in Prisma's own `_prisma_migrations`
// table with the file's sha256, a changed file refused, and two instances
// starting at once against one server applying each migration exactly once.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase, MIGRATIONS_DIR } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../../src/core/storage/openDatabase.ts";
import { createTestDatabase, DATABASE_KINDS, type TTestDatabase } from "../support/testDatabases.ts";

const FIRST = "20260101000000_widgets";
const SECOND = "20260102000000_widget_colour";
const FIRST_SQL = `CREATE TABLE "widget" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL);\nINSERT INTO "widget" VALUES (1, 'eerste');\n`;
// No IF NOT EXISTS: applying it twice would fail.
const SECOND_SQL = `ALTER TABLE "widget" ADD COLUMN "colour" TEXT;\nCREATE INDEX "widget_colour_idx" ON "widget" ("colour");\n`;

function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

interface TMigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

async function migrationRows(database: Database): Promise<TMigrationRow[]> {
  return database.prisma.$queryRawUnsafe<TMigrationRow[]>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );
}

describe.each(DATABASE_KINDS)("migrateDatabase on %s", (kind) => {
  let testDatabase: TTestDatabase;
  let database: Database;
  let migrationsDir: string;

  const writeMigration = (name: string, sql: string) => {
    fs.mkdirSync(path.join(migrationsDir, name), { recursive: true });
    fs.writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
  };

  beforeEach(async () => {
    migrationsDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-migrations-"));
    testDatabase = await createTestDatabase(kind);
    database = await openDatabase(testDatabase.options);
  });
  afterEach(async () => {
    await database.close();
    await testDatabase.drop();
    fs.rmSync(migrationsDir, { recursive: true, force: true });
  });

  it("applies the project's migrations once; a second run applies nothing", async () => {
    const shipped = listMigrations().map((migration) => migration.name);
    expect(shipped).toContain("20261123000000_init");

    const first = await migrateDatabase(database);
    expect(first).toEqual({ applied: shipped, alreadyApplied: [] });
    const second = await migrateDatabase(database);
    expect(second).toEqual({ applied: [], alreadyApplied: shipped });

    // The schema is there: the tables the report flow writes to.
    expect(await database.prisma.incident.count()).toBe(0);
    expect(await database.prisma.referenceCounter.count()).toBe(0);
    const rows = await migrationRows(database);
    expect(rows.map((row) => row.migration_name)).toEqual(shipped);
    const init = rows.find((row) => row.migration_name === "20261123000000_init")!;
    expect(init.checksum).toBe(
      sha256(fs.readFileSync(path.join(MIGRATIONS_DIR, "20261123000000_init", "migration.sql"), "utf8")),
    );
  });

  it("applies in name order and records name, sha256 checksum and finish time of each file", async () => {
    // Written out of order on purpose: the order comes from the names.
    writeMigration(SECOND, SECOND_SQL);
    writeMigration(FIRST, FIRST_SQL);
    fs.mkdirSync(path.join(migrationsDir, "20260103000000_empty_folder_is_ignored"));
    fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');

    expect(await migrateDatabase(database, migrationsDir)).toEqual({ applied: [FIRST, SECOND], alreadyApplied: [] });
    const rows = await migrationRows(database);
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count, row.rolled_back_at])).toEqual([
      [FIRST, sha256(FIRST_SQL), 1, null],
      [SECOND, sha256(SECOND_SQL), 1, null],
    ]);
    for (const row of rows) expect(row.finished_at).toBeInstanceOf(Date);
    expect(await database.prisma.$queryRawUnsafe(`SELECT id, name, colour FROM widget`)).toEqual([
      { id: 1, name: "eerste", colour: null },
    ]);

    expect(await migrateDatabase(database, migrationsDir)).toEqual({ applied: [], alreadyApplied: [FIRST, SECOND] });
    expect(await migrationRows(database)).toHaveLength(2);
  });

  it("applies only a migration added later", async () => {
    writeMigration(FIRST, FIRST_SQL);
    expect(await migrateDatabase(database, migrationsDir)).toEqual({ applied: [FIRST], alreadyApplied: [] });
    writeMigration(SECOND, SECOND_SQL);
    expect(await migrateDatabase(database, migrationsDir)).toEqual({ applied: [SECOND], alreadyApplied: [FIRST] });
  });

  it("refuses a migration whose file changed after it was applied, with a clear error", async () => {
    writeMigration(FIRST, FIRST_SQL);
    await migrateDatabase(database, migrationsDir);
    writeMigration(FIRST, `${FIRST_SQL}-- edited afterwards\n`);
    writeMigration(SECOND, SECOND_SQL);
    await expect(migrateDatabase(database, migrationsDir)).rejects.toThrow(
      `Migration ${FIRST} was changed after it was applied (checksum differs).`,
    );
    // Nothing after the changed migration was applied.
    expect((await migrationRows(database)).map((row) => row.migration_name)).toEqual([FIRST]);
  });

  it("rolls a failing migration back completely and names it", async () => {
    writeMigration(FIRST, FIRST_SQL);
    writeMigration(SECOND, `ALTER TABLE "widget" ADD COLUMN "colour" TEXT;\nSELECT * FROM "no_such_table";\n`);
    await expect(migrateDatabase(database, migrationsDir)).rejects.toThrow(
      new RegExp(`Migration ${SECOND} failed: .*no_such_table`),
    );
    expect((await migrationRows(database)).map((row) => row.migration_name)).toEqual([FIRST]);
    // The failing file's first statement was undone with it. (::text: Prisma cannot read the `name` type, prisma/orm#27403.)
    const columns = await database.prisma.$queryRawUnsafe<{ column_name: string }[]>(
      `SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = 'widget' ORDER BY column_name`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(["id", "name"]);

    // Once fixed, it applies.
    writeMigration(SECOND, SECOND_SQL);
    expect(await migrateDatabase(database, migrationsDir)).toEqual({ applied: [SECOND], alreadyApplied: [FIRST] });
  });

  if (kind === "postgresql") {
    it("applies each migration exactly once when two instances start at once", async () => {
      writeMigration(FIRST, FIRST_SQL);
      writeMigration(SECOND, SECOND_SQL);
      // Two bots, each with its own pool, on the same fresh database.
      const other = await openDatabase(testDatabase.options);
      try {
        const [a, b] = await Promise.all([migrateDatabase(database, migrationsDir), migrateDatabase(other, migrationsDir)]);
        const results = [a, b].sort((x, y) => y.applied.length - x.applied.length);
        expect(results).toEqual([
          { applied: [FIRST, SECOND], alreadyApplied: [] },
          { applied: [], alreadyApplied: [FIRST, SECOND] },
        ]);
        expect((await migrationRows(database)).map((row) => row.migration_name)).toEqual([FIRST, SECOND]);
        expect(await database.prisma.$queryRawUnsafe(`SELECT count(*)::int AS n FROM widget`)).toEqual([{ n: 1 }]);
      } finally {
        await other.close();
      }
    });

    it("applies the project's migrations exactly once when two instances start at once", async () => {
      const shipped = listMigrations().map((migration) => migration.name);
      const other = await openDatabase(testDatabase.options);
      try {
        const results = await Promise.all([migrateDatabase(database), migrateDatabase(other)]);
        expect(results.map((result) => result.applied.length).sort()).toEqual([0, shipped.length]);
        expect(results.map((result) => result.alreadyApplied.length).sort()).toEqual([0, shipped.length]);
        expect((await migrationRows(database)).map((row) => row.migration_name)).toEqual(shipped);
      } finally {
        await other.close();
      }
    });
  }
});
