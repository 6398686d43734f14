// The register of systems (product.md, "The register of systems"): the care
// centre's nine systems ship in config/register.yaml; a mistake in the file
// is reported with its line and field.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegisterFile, parseRegister, type TRegister } from "../../src/features/register/loadRegister.ts";

const SHIPPED = "config/register.yaml";

function registerOf(text: string): TRegister {
  const result = parseRegister(text);
  if (!result.ok) throw new Error(`refused: ${result.problems.join("; ")}`);
  return result.register;
}

function problemsOf(text: string): string[] {
  const result = parseRegister(text);
  if (result.ok) throw new Error("accepted");
  return result.problems;
}

/** One valid system as YAML lines, indented for the `systems:` list. */
function systemYaml(key: string, overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    key,
    name: `Systeem ${key}`,
    description: "Een synthetisch voorbeeldsysteem.",
    data_kinds: "Naam, e-mailadres.",
    data_flow: "Intern.",
    security_measures: "[Versleuteling, Toegang op rol]",
    people_concerned: "Medewerkers",
    retention: "1 jaar",
    owner: "U0000TEST1",
    ...overrides,
  };
  return Object.entries(fields)
    .map(([field, value], index) => `${index === 0 ? "  - " : "    "}${field}: ${value}`)
    .join("\n");
}

describe("the shipped register", () => {
  const loaded = loadRegisterFile(SHIPPED);

  it("loads without problems", () => {
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it("holds the care centre's nine systems in the policy's order", () => {
    if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
    expect(loaded.register.systems.map((system) => system.name.split(" ")[0])).toEqual([
      "Carefriend",
      "Yorganizr",
      "Zivver",
      "NAS",
      "Siilo",
      "Colabaris",
      "Kloksystemen",
      "Noodkaarten",
      "Aanwezigheidsapp",
    ]);
    expect(loaded.register.systems.map((system) => system.key)).toEqual([
      "carefriend",
      "yorganizr",
      "zivver",
      "nas",
      "siilo",
      "colabaris",
      "kloksystemen",
      "noodkaarten",
      "aanwezigheidsapp",
    ]);
  });

  it("fills every column for every system", () => {
    if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
    for (const system of loaded.register.systems) {
      for (const column of ["name", "description", "data_kinds", "data_flow", "people_concerned", "retention"] as const) {
        expect(system[column].trim().length, `${system.key}.${column}`).toBeGreaterThan(0);
      }
      expect(system.security_measures.length, `${system.key}.security_measures`).toBeGreaterThan(0);
      expect(system.retention_review, `${system.key}.retention_review`).toBe("quarterly");
      expect(system.owner, `${system.key}.owner`).toMatch(/^[UW][A-Z0-9]{2,}$/);
    }
  });

  it("keeps the policy's retention terms, e.g. Siilo six months after the last message", () => {
    if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
    const siilo = loaded.register.systems.find((system) => system.key === "siilo")!;
    expect(siilo.retention).toMatch(/6 maanden na laatste bericht/);
    const carefriend = loaded.register.systems.find((system) => system.key === "carefriend")!;
    expect(carefriend.retention).toMatch(/15 jaar/);
  });
});

describe("parseRegister", () => {
  it("accepts a minimal register and defaults the retention review to quarterly", () => {
    const register = registerOf(`systems:\n${systemYaml("drive")}\n`);
    expect(register.systems).toHaveLength(1);
    expect(register.systems[0]).toMatchObject({
      key: "drive",
      security_measures: ["Versleuteling", "Toegang op rol"],
      retention_review: "quarterly",
    });
  });

  it("names the line and the field of a wrong value", () => {
    // Line 1 "systems:", lines 2-10 the first system, lines 11-19 the second; owner is the 9th line of a system.
    const text = `systems:\n${systemYaml("drive")}\n${systemYaml("mail-archief", { owner: "jan" })}\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 19, systems\[1\]\.owner: must be a Slack user id/);
  });

  it("names the line of a missing field (the system it belongs to)", () => {
    const text = `systems:\n${systemYaml("drive")}\n${systemYaml("papier-archief").replace(/\n {4}retention: .*/, "")}\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    // The second system starts on line 11.
    expect(problems[0]).toMatch(/^line 11, systems\[1\]\.retention: /);
  });

  it("names an unknown field", () => {
    const text = `systems:\n${systemYaml("drive")}\n    colour: blue\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 2, systems\[0\]/);
    expect(problems[0]).toContain("colour");
  });

  it("refuses an unknown retention review cadence on its line", () => {
    const text = `systems:\n${systemYaml("drive", { retention_review: "weekly" })}\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 11, systems\[0\]\.retention_review: /);
  });

  it("refuses an empty list of security measures and a malformed key", () => {
    const problems = problemsOf(`systems:\n${systemYaml("Drive!", { security_measures: "[]" })}\n`);
    expect(problems.map((problem) => problem.replace(/:.*/, "")).sort()).toEqual([
      "line 2, systems[0].key",
      "line 7, systems[0].security_measures",
    ]);
  });

  it("names the line of a YAML syntax error", () => {
    // A colon after a value starts a mapping where none may be.
    const text = ["systems:", "  - key: drive", "    name: Drive: Google", "    description: x", ""].join("\n");
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^line 3: /);
  });

  it("names the line of a field written twice", () => {
    const text = `systems:\n${systemYaml("drive")}\n    name: Nog een naam\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 11: .*unique/i);
  });

  it("names the line of a bad indentation", () => {
    const text = ["systems:", "  - key: drive", "    name: Drive", "   description: x", ""].join("\n");
    expect(problemsOf(text)[0]).toMatch(/^line 4: /);
  });

  it("refuses a key used twice, on the second one's line", () => {
    const text = `systems:\n${systemYaml("drive")}\n${systemYaml("drive")}\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 11, systems\[1\]\.key: "drive" is used twice or reserved/);
  });

  it.each(["email", "paper", "other"])("refuses the reserved key %s", (key) => {
    const problems = problemsOf(`systems:\n${systemYaml(key)}\n`);
    expect(problems).toEqual([`line 2, systems[0].key: "${key}" is used twice or reserved`]);
  });

  it("refuses a register without systems", () => {
    expect(problemsOf("systems: []\n")[0]).toMatch(/^line 1, systems: must list at least one system/);
    expect(problemsOf("")[0]).toMatch(/\(file\)|systems/);
    expect(problemsOf("systemen:\n  - key: drive\n").join("\n")).toMatch(/systemen|systems/);
  });
});

describe("loadRegisterFile", () => {
  it("reads a file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-register-"));
    try {
      const file = path.join(dir, "register.yaml");
      fs.writeFileSync(file, `systems:\n${systemYaml("drive")}\n${systemYaml("gmail")}\n`);
      const loaded = loadRegisterFile(file);
      expect(loaded.ok && loaded.register.systems.map((system) => system.key)).toEqual(["drive", "gmail"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a file it cannot read", () => {
    const loaded = loadRegisterFile("/nonexistent/register.yaml");
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? "" : loaded.problems[0]).toMatch(/^cannot read \/nonexistent\/register\.yaml/);
  });
});
