// A new embedded database comes from the install-time template, or from a
// child process; an existing one is left alone. Either way it opens and
// holds the project's schema.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase } from "../../src/core/storage/openDatabase.ts";
import { initialiseInChild, prepareDataDir, templateDir } from "../../src/core/storage/pgliteDataDir.mjs";

const folders: string[] = [];
function freshFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-pglite-"));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("the embedded database's data directory", () => {
  it("is copied from the install-time template, which npm install made", async () => {
    expect(fs.existsSync(path.join(templateDir(), "PG_VERSION"))).toBe(true);
    const dir = path.join(freshFolder(), "nested", "pglite");
    expect(prepareDataDir(dir)).toBe("template");
    expect(prepareDataDir(dir)).toBe("existing");
    const database = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      const result = await migrateDatabase(database);
      // Whatever the template lacked is applied now; afterwards nothing is pending.
      expect((await migrateDatabase(database)).applied).toEqual([]);
      expect(result.applied.length + result.alreadyApplied.length).toBe(
        fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) => entry.isDirectory()).length,
      );
    } finally {
      await database.close();
    }
  });

  it("can be created by a child process when there is no template", async () => {
    const dir = path.join(freshFolder(), "pglite");
    initialiseInChild(dir);
    expect(fs.existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
    const database = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      expect((await migrateDatabase(database)).applied).toContain("20261123000000_init");
    } finally {
      await database.close();
    }
  });
});
