// A broken register file keeps the last good register loaded, with a
// warning to the administrator; with no last good register it stops the
// start. A JSON register file works as well as YAML.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { loadRegisterFile, parseRegister } from "../../src/features/register/loadRegister.ts";
import { registerWarningRecipients, resolveStartRegister } from "../../src/features/register/resolveStartRegister.ts";
import { personFromSetting, slackPerson } from "../../src/slack/identity.ts";
import { loadSettings, type TSettings } from "../../src/settings/loadSettings.ts";
import { migrateDatabase } from "../../src/core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../../src/core/storage/openDatabase.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

function settings(overrides: Record<string, string> = {}): TSettings {
  const loaded = loadSettings({
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: "secret",
    DPO_USER_IDS: "U0DPO0001,U0DPO0002",
    DPO_CHANNEL_ID: "C0DPOCHAN",
    MANAGEMENT_CHANNEL_ID: "C0MANAGEM",
    ...overrides,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join("; "));
  return loaded.settings;
}

describe("the register at start", () => {
  let database: Database;
  let directory: string;
  const clock = new ManualClock(NOW);
  const logger = pino({ level: "silent" });
  /** What the start passes: the messaging, and who is told, from the settings. */
  const from = (loaded: TSettings) => ({
    messaging: { platforms: ["slack"] },
    told: registerWarningRecipients({
      admins: loaded.ADMIN_USER_IDS.map(personFromSetting),
      dpos: loaded.DPO_USER_IDS.map(personFromSetting),
    }),
  });

  beforeEach(async () => {
    database = await openDatabase({ kind: "pglite" });
    await migrateDatabase(database);
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-register-"));
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const write = (name: string, text: string) => {
    const file = path.join(directory, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it("stops the start on a broken file when there is no last good register", async () => {
    const file = write("register.yaml", "systems:\n  - key: Siilo\n");
    const result = await resolveStartRegister({ database, clock, logger, ...from(settings()), file });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join("\n")).toMatch(/line 2, systems\[0\]\.key/);
    expect(await database.prisma.outboxMessage.count()).toBe(0);
  });

  it("keeps the last good register when the file breaks, and tells the administrators", async () => {
    const file = write("register.yaml", fs.readFileSync("config/register.yaml", "utf8"));
    const good = await resolveStartRegister({
      database,
      clock,
      logger,
      ...from(settings({ ADMIN_USER_IDS: "U0ADMIN01" })),
      file,
    });
    expect(good).toMatchObject({ ok: true, fallback: false });

    // The administrator breaks the owner of the fifth system.
    fs.writeFileSync(
      file,
      fs.readFileSync(file, "utf8").replace("owner: U0000CARE1\n  - key: colabaris", "owner: karin\n  - key: colabaris"),
    );
    clock.set("2026-11-24T09:00:00Z");
    const fallback = await resolveStartRegister({
      database,
      clock,
      logger,
      ...from(settings({ ADMIN_USER_IDS: "U0ADMIN01" })),
      file,
    });
    if (!fallback.ok || !fallback.fallback) throw new Error("expected the fallback");
    expect(fallback.register.systems).toHaveLength(9);
    expect(fallback.register.systems.find((system) => system.key === "siilo")!.owner).toBe("U0000CARE1");
    expect(fallback.problems.join("\n")).toMatch(/line \d+, systems\[4\]\.owner: must be a Slack user id/);
    expect(fallback.lastGoodAt.toISOString()).toBe(NOW.toISOString());

    const messages = await database.prisma.outboxMessage.findMany();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.kind).toBe("register.broken");
    expect(messages[0]!.target).toEqual({ to: "person", person: slackPerson("U0ADMIN01") });
    expect(JSON.stringify(messages[0]!.payload)).toContain("systems[4].owner");
    const events = await database.prisma.dutyEvent.findMany();
    expect(events.map((event) => [event.duty, event.kind])).toEqual([["register", "fallback"]]);
  });

  it("warns the privacy officers when no administrator is set", async () => {
    const file = write("register.yaml", fs.readFileSync("config/register.yaml", "utf8"));
    await resolveStartRegister({ database, clock, logger, ...from(settings()), file });
    fs.writeFileSync(file, "systems: [");
    const fallback = await resolveStartRegister({ database, clock, logger, ...from(settings()), file });
    expect(fallback).toMatchObject({ ok: true, fallback: true });
    const told = (await database.prisma.outboxMessage.findMany()).map((message) => (message.target as { person: string }).person);
    expect(told.sort()).toEqual([slackPerson("U0DPO0001"), slackPerson("U0DPO0002")]);
  });

  it("a good file replaces the last good register", async () => {
    const file = write("register.yaml", fs.readFileSync("config/register.yaml", "utf8"));
    await resolveStartRegister({ database, clock, logger, ...from(settings()), file });
    const smaller = write(
      "small.yaml",
      "systems:\n  - key: drive\n    name: Google Drive\n    description: Opslag.\n    data_kinds: Dossiers.\n    data_flow: Intern.\n    security_measures: [2FA]\n    people_concerned: Kinderen\n    retention: 2 jaar\n    owner: U0000HOME1\n",
    );
    await resolveStartRegister({ database, clock, logger, ...from(settings()), file: smaller });
    fs.writeFileSync(smaller, "nonsense: true\n");
    const fallback = await resolveStartRegister({ database, clock, logger, ...from(settings()), file: smaller });
    expect(fallback.ok && fallback.register.systems.map((system) => system.key)).toEqual(["drive"]);
  });
});

describe("a JSON register file", () => {
  it("loads like YAML and names line and field of a problem", () => {
    const system = {
      key: "drive",
      name: "Google Drive",
      description: "Opslag van dossiers.",
      data_kinds: "Dossiers.",
      data_flow: "Intern.",
      security_measures: ["Tweestapsverificatie"],
      people_concerned: "Kinderen, ouders",
      retention: "2 jaar na vertrek",
      retention_review: "half_yearly",
      owner: "U0000HOME1",
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "datalek-json-")), "register.json");
    fs.writeFileSync(file, JSON.stringify({ systems: [system] }, null, 2));
    const loaded = loadRegisterFile(file);
    expect(loaded.ok && loaded.register.systems[0]!.retention_review).toBe("half_yearly");

    const broken = parseRegister(JSON.stringify({ systems: [{ ...system, retention_review: "weekly" }] }, null, 2));
    expect(broken.ok).toBe(false);
    // "retention_review" is on line 14 of the pretty-printed JSON.
    expect(broken.ok ? [] : broken.problems).toEqual([expect.stringMatching(/^line 14, systems\[0\]\.retention_review: /)]);
  });
});
