// The shape of src/ (docs/architecture.md), checked on every run: the core
// and the features know no chat platform, nothing shipped imports the tests,
// there are no import cycles, and words live only in the text catalogue.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|mts|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.mts") ? [full] : [];
  });
}

const FILES = sourceFiles(SRC);
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join("/");

/** Every import of a file: the specifier, whether it is type-only, and the file it resolves to (relative imports). */
function importsOf(file: string): { specifier: string; typeOnly: boolean; target?: string }[] {
  const text = fs.readFileSync(file, "utf8");
  const found: { specifier: string; typeOnly: boolean; target?: string }[] = [];
  const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[3] ?? match[4]!;
    const typeOnly = Boolean(match[2]);
    const target = specifier.startsWith(".") ? path.normalize(path.join(path.dirname(file), specifier)) : undefined;
    found.push({ specifier, typeOnly, ...(target ? { target } : {}) });
  }
  return found;
}

describe("the shape of src/", () => {
  it("keeps the core and the features free of any chat platform", () => {
    const offenders: string[] = [];
    for (const file of FILES) {
      const name = rel(file);
      if (!name.startsWith("core/") && !name.startsWith("features/")) continue;
      for (const imported of importsOf(file)) {
        const target = imported.target ? rel(imported.target) : "";
        if (imported.specifier.startsWith("@slack/") || /^(slack|teams|app|devtools)\//.test(target))
          offenders.push(`${name} imports ${imported.specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("never imports the tests from shipped code", () => {
    const offenders = FILES.flatMap((file) =>
      importsOf(file)
        .filter((imported) => imported.target && !path.relative(SRC, imported.target).split(path.sep)[0]!.match(/^[a-z]/i))
        .filter((imported) => /(^|\/)test\//.test(imported.target!))
        .map((imported) => `${rel(file)} imports ${imported.specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it("has no import cycles (type-only imports included)", () => {
    const graph = new Map<string, string[]>();
    for (const file of FILES)
      graph.set(
        file,
        importsOf(file)
          .map((imported) => imported.target)
          .filter((target): target is string => target !== undefined && graph !== undefined && FILES.includes(target)),
      );
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "visiting");
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === "visiting") cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(" -> "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of FILES) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it("keeps the interface's words in the text catalogue (no Dutch/English choices elsewhere)", () => {
    const offenders: string[] = [];
    for (const file of FILES) {
      const name = rel(file);
      if (name.startsWith("texts/")) continue;
      const text = fs.readFileSync(file, "utf8");
      const lines = text.split("\n");
      lines.forEach((line, index) => {
        // A language tag ("nl-NL") is not a word a person reads.
        const words = line.replace(/["']nl-NL["']|["']en-GB["']/g, "");
        if (/\bnl\s*\?/.test(words) || /locale\s*===\s*["']nl["']\s*\?/.test(words) || /\{\s*nl:\s*["'`]/.test(words))
          offenders.push(`${name}:${index + 1}: ${line.trim().slice(0, 80)}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
