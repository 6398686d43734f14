// `npx datalek teams-package --out FILE`: a zip that Teams accepts as an app
// package, read back with Python's zipfile (an independent reader): the
// manifest declares the bot with the id from TEAMS_APP_ID, its commands and
// the message extension's action; the icons have Teams' sizes, the outline
// one white on transparent; the icons in assets/teams are the ones the code draws.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { teamsPackageCommand } from "../../src/cli/teamsPackageCommand.ts";
import { colorIcon, outlineIcon } from "../../src/teams/package/icons.ts";
import { decodePng } from "../../src/teams/package/png.ts";

const BOT_ID = "0f3c1a2b-4d5e-4f60-8a9b-0c1d2e3f4a5b";

function io() {
  let stdout = "";
  let stderr = "";
  return {
    io: {
      stdin: process.stdin,
      stdout: { write: (text: string) => ((stdout += text), true) },
      stderr: { write: (text: string) => ((stderr += text), true) },
    } as never,
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** The entries of a zip as Python's zipfile reads them (it checks every CRC). */
function unzip(file: string): Record<string, Buffer> {
  const script =
    "import sys, zipfile, base64, json\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))";
  const out = execFileSync("python3", ["-c", script, file], { encoding: "utf8" });
  return Object.fromEntries(
    Object.entries(JSON.parse(out) as Record<string, string>).map(([name, data]) => [name, Buffer.from(data, "base64")]),
  );
}

describe("datalek teams-package", () => {
  it("writes a package with the manifest declaring the bot, and both icons", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "teams-package-")), "datalek.zip");
    const run = io();
    const code = await teamsPackageCommand(
      ["--out", out, "--version", "1.2.3"],
      { TEAMS_APP_ID: BOT_ID, ORGANISATION_NAME: "Zorggroep Oost" },
      run.io,
    );
    expect(code, run.stderr()).toBe(0);
    const entries = unzip(out);
    expect(Object.keys(entries).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(entries["manifest.json"]!.toString("utf8"));
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.version).toBe("1.2.3");
    expect(manifest.developer.name).toBe("Zorggroep Oost");
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.bots[0].scopes).toEqual(["personal", "team"]);
    expect(manifest.bots[0].supportsFiles).toBe(true);
    const commands = manifest.bots[0].commandLists[0].commands.map((command: { title: string }) => command.title);
    expect(commands).toEqual(expect.arrayContaining(["datalek", "melden"]));
    expect(manifest.composeExtensions[0].botId).toBe(BOT_ID);
    expect(manifest.composeExtensions[0].commands[0]).toMatchObject({ id: "reportBreach", type: "action", fetchTask: true });
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl])
      expect(url).toMatch(/^https:\/\//);

    const color = decodePng(entries["color.png"]!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(entries["outline.png"]!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let at = 0; at < outline.pixels.length; at += 4) {
      const [r, g, b, a] = outline.pixels.subarray(at, at + 4);
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        white++;
      }
    }
    expect(transparent).toBeGreaterThan(100);
    expect(white).toBeGreaterThan(100);
  });

  it("names TEAMS_APP_ID when it is missing, and writes nothing", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "teams-package-")), "datalek.zip");
    const run = io();
    expect(await teamsPackageCommand(["--out", out], {}, run.io)).toBe(1);
    expect(run.stderr()).toMatch(/TEAMS_APP_ID/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("ships in assets/teams the icons the code draws", () => {
    expect(fs.readFileSync("assets/teams/color.png").equals(colorIcon())).toBe(true);
    expect(fs.readFileSync("assets/teams/outline.png").equals(outlineIcon())).toBe(true);
  });
});
