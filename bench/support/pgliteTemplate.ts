// Whether the install-time PGlite template (scripts/preparePgliteTemplate.mjs)
// still holds every migration. It is made once per PGlite version; a
// migration added since is applied on every fresh start, which makes "start
// on a fresh data folder" slower in that checkout than after a fresh install.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { listMigrations } from "../../src/core/storage/migrateDatabase.ts";
import { templateDir } from "../../src/core/storage/pgliteDataDir.mjs";

/** The migrations the template lacks ([] when it is complete), or undefined when there is no template. */
export async function migrationsMissingFromTemplate(): Promise<string[] | undefined> {
  const template = templateDir();
  if (!fs.existsSync(path.join(template, "PG_VERSION"))) return undefined;
  // Opened from a copy: opening a data directory writes to it.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-template-check-"));
  try {
    fs.cpSync(template, copy, { recursive: true });
    const db = new PGlite(copy);
    try {
      const rows = (await db.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations"`)).rows;
      const applied = new Set(rows.map((row) => row.name));
      return listMigrations()
        .map((migration) => migration.name)
        .filter((name) => !applied.has(name));
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** One line for a bench's header when the template is stale or missing; undefined when it is complete. */
export async function templateWarning(): Promise<string | undefined> {
  const missing = await migrationsMissingFromTemplate();
  if (missing === undefined)
    return "note: no PGlite template: a fresh data folder is created by a child process (slower than after npm install)";
  if (missing.length === 0) return undefined;
  return (
    `note: the PGlite template (made at install) lacks ${missing.length} migration(s) added since, so every fresh start here applies them; ` +
    `a fresh install would not (remove ${path.relative(process.cwd(), templateDir())} and run node scripts/preparePgliteTemplate.mjs to remake it)`
  );
}
