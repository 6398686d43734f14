// npm postinstall: makes the template the bot copies for a new embedded
// database (see src/core/storage/pgliteDataDir.mjs), migrated to the current
// schema; the bot still applies any migration the template lacks. Never fails the install:
// without a template the first start creates the database itself.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { initialiseInChild, templateDir } from "../src/core/storage/pgliteDataDir.mjs";

const migrate = fileURLToPath(new URL("./migrateTemplate.ts", import.meta.url));

const dir = templateDir();
try {
  if (!fs.existsSync(`${dir}/PG_VERSION`)) {
    const building = `${dir}.building-${process.pid}`;
    fs.rmSync(building, { recursive: true, force: true });
    initialiseInChild(building);
    const migrated = spawnSync(process.execPath, ["--import", "tsx", migrate, building], { stdio: "inherit" });
    if (migrated.status !== 0) throw new Error("migrations could not be applied to the template");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(building, dir);
  }
} catch (error) {
  console.warn(`datalek-bot: no embedded database template (${error.message}); the first start will create one.`);
}
