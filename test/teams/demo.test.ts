// `npx datalek demo --platform teams`: the whole incident against the Bot
// Connector stand-in, in Dutch and in English, every step done, with what
// each person sees, and the report's free text only in the privacy
// officers' personal chats and the draft, never in a channel.
import { describe, expect, it } from "vitest";
import { runTeamsDemo } from "../../src/devtools/runTeamsDemo.ts";

/** The transcript split by where it was seen: "Kanaal …", "Chat met de bot van …", dialogs. */
function sections(lines: string[]): { where: string; lines: string[] }[] {
  const found: { where: string; lines: string[] }[] = [];
  for (const line of lines) {
    if (/^ {2}\S/.test(line)) found.push({ where: line.trim(), lines: [] });
    else if (/^ {4}/.test(line)) found.at(-1)?.lines.push(line.trim());
  }
  return found;
}

describe("datalek demo --platform teams", () => {
  it("plays the whole incident in Dutch, every step done", async () => {
    const lines: string[] = [];
    await runTeamsDemo((line) => lines.push(line), { locale: "nl" });
    const text = lines.join("\n");
    expect(text).not.toMatch(/niet gelukt/);
    expect(lines.filter((line) => line.startsWith("=== "))).toHaveLength(9);
    expect(text).toMatch(/Je melding is vastgelegd als DL-2026-0001/);
    expect(text).toMatch(/OneDrive van Priya de Boer: concept-melding-AP-DL-2026-0001\.txt opgeslagen/);
    expect(text).toMatch(/Besluit: Gemeld bij de AP \(kenmerk M-2026-004711\)/);
    expect(text).toMatch(/Afgesloten door Priya de Boer/);
    expect(lines.at(-1)).toBe("Klaar.");
    const freeText = "Overdrachtslijst met namen en medicatie";
    const channels = sections(lines).filter((section) => section.where.startsWith("Kanaal"));
    expect(channels.length).toBeGreaterThan(3);
    for (const channel of channels) expect(channel.lines.join("\n")).not.toContain(freeText);
    const privacyOfficer = sections(lines).filter((section) => section.where.startsWith("Chat met de bot van Priya"));
    expect(privacyOfficer.some((section) => section.lines.join("\n").includes(freeText))).toBe(true);
  }, 120_000);

  it("speaks English with --lang en", async () => {
    const lines: string[] = [];
    await runTeamsDemo((line) => lines.push(line), { locale: "en" });
    const text = lines.join("\n");
    expect(text).not.toMatch(/did not work/);
    expect(text).toMatch(/Your report has been recorded as DL-2026-0001|DL-2026-0001/);
    expect(text).toMatch(/Closed by Priya de Boer/);
    expect(lines.at(-1)).toBe("Done.");
  }, 120_000);
});
