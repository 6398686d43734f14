// Part of the install-time template (scripts/preparePgliteTemplate.mjs):
// applies the project's migrations to the template, so a first start has
// nothing left to migrate.
import { migrateDatabase } from "../src/core/storage/migrateDatabase.ts";
import { openDatabase } from "../src/core/storage/openDatabase.ts";

const dir = process.argv[2];
if (!dir) throw new Error("usage: migrateTemplate.ts DIR");
const database = await openDatabase({ kind: "pglite", dataDir: dir });
await migrateDatabase(database);
await database.close();
