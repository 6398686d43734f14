// Bundled into the compiled build (scripts/build.mjs) as the first thing
// each entry runs: stack traces of code in dist/ point at the TypeScript
// (src/...ts:line:column), read from the build's source maps.
//
// Why not `node --enable-source-maps`: Node 20 then reads and parses the
// source map of every module it loads, node_modules included (Bolt, Prisma's
// 1 MB map, PGlite...), at start: about 7 MB more resident memory and 4 MB
// more heap in the bot, for stack traces it may never print. This maps only
// frames in the build's own files, and reads a map the first time one of its
// frames is printed. With --enable-source-maps given anyway, Node's own
// mapping is left to do the work.
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The build's folder: this code runs from dist/ or from dist/chunks/. */
function buildDir() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(here) === "chunks" ? path.dirname(here) : here;
}

export function mapStackTraces(dir = buildDir()) {
  if (process.sourceMapsEnabled) return;
  const prefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
  /** Output file -> its source map (null: none, or unreadable). */
  const maps = new Map();
  const mapOf = (file) => {
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8"))));
      } catch {
        maps.set(file, null);
      }
    }
    return maps.get(file);
  };
  const frame = (site) => {
    const text = String(site);
    try {
      const name = site.getFileName();
      const line = site.getLineNumber();
      const column = site.getColumnNumber();
      if (!name || !line || !column) return text;
      const file = name.startsWith("file:") ? fileURLToPath(name) : name;
      if (!file.startsWith(prefix)) return text;
      const entry = mapOf(file)?.findEntry(line - 1, column - 1);
      if (!entry?.originalSource) return text;
      const source = path.resolve(path.dirname(file), entry.originalSource);
      return text.replace(`${name}:${line}:${column}`, `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`);
    } catch {
      return text;
    }
  };
  Error.prepareStackTrace = (error, sites) => {
    let head;
    try {
      head = Error.prototype.toString.call(error);
    } catch {
      head = "<error>";
    }
    return head + sites.map((site) => `\n    at ${frame(site)}`).join("");
  };
}
