// The project's folder (the one with package.json), found from where this
// code runs: src/core/ when run from source, dist/ when run from the build
// (`npm start`). Everything read from the project's own files (migrations,
// the PGlite template, ...) starts here. Plain JavaScript: the install
// scripts import it without tsx.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root;

export function projectRoot() {
  if (root === undefined) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!fs.existsSync(path.join(dir, "package.json"))) {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
      dir = parent;
    }
    root = dir;
  }
  return root;
}
