// Each test run gets its own database: an in-memory PGlite, or a fresh
// database on the PostgreSQL server at 127.0.0.1:5432 that is dropped after.
import crypto from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database, type TDatabaseOptions } from "../../src/core/storage/openDatabase.ts";

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const DATABASE_KINDS = ["pglite", "postgresql"] as const;
export type TTestDatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TTestDatabase {
  options: TDatabaseOptions;
  /** Drops the server database (no-op for PGlite). */
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: TTestDatabaseKind, dataDir?: string): Promise<TTestDatabase> {
  if (kind === "pglite") return { options: { kind: "pglite", dataDir }, drop: async () => undefined };
  const name = `datalek_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    options: { kind: "postgresql", url: url.toString(), poolSize: 5 },
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Opens and migrates a fresh database of the given kind. */
export async function openMigratedTestDatabase(
  kind: TTestDatabaseKind,
): Promise<{ database: Database; cleanup(): Promise<void> }> {
  const testDatabase = await createTestDatabase(kind);
  const database = await openDatabase(testDatabase.options);
  await migrateDatabase(database);
  return {
    database,
    async cleanup() {
      await database.close();
      await testDatabase.drop();
    },
  };
}
