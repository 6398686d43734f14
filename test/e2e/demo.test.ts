// `datalek demo` plays a whole incident against the strict Slack stand-in,
// from report to closing, and prints what each person sees. Issue 11: it
// reads, start to end, as something a Dutch privacy officer would show a
// colleague: no code, no Slack markup, no English on the Dutch path, no
// step that fails, and no message that contradicts what happened.
import { beforeAll, describe, expect, it } from "vitest";
import { runDemo } from "../../src/devtools/runDemo.ts";
import { textsFor } from "../../src/texts/index.ts";
import { untranslatedCodes } from "../i18n/knownCodes.ts";

/** Words only English has (Dutch shares "is", "was", "in"). */
const ENGLISH_WORDS = /\b(the|and|your|you|with|has|been|which|from|this|that|will|should|not|reported|taken|closed)\b/i;
/** Words only Dutch has. */
const DUTCH_WORDS = /\b(het|een|niet|melding|gemeld|betrokkenen|deze|wordt|zijn|voor)\b/i;

async function transcriptOf(locale: "nl" | "en"): Promise<string> {
  const lines: string[] = [];
  await runDemo((line) => lines.push(line), { locale });
  return lines.join("\n");
}

function expectReadable(transcript: string, locale: "nl" | "en") {
  // Every step worked.
  expect(transcript).not.toMatch(/^\s+! /m);
  expect(transcript).not.toMatch(/niet gelukt|did not work|undefined|null|NaN/);
  // No code and no person id; no Slack markup a person would not see.
  expect(untranslatedCodes(transcript, locale)).toEqual([]);
  expect(transcript).not.toMatch(/<@|<#|<https?:|&amp;|&lt;|&gt;/);
  expect(transcript).not.toMatch(/(^|\s):[a-z_]+:(\s|$)/m);
  expect(transcript).not.toMatch(/\*[^*\s][^*]*\*/);
}

describe("datalek demo", () => {
  let dutch: string;
  beforeAll(async () => {
    dutch = await transcriptOf("nl");
  }, 120_000);

  it("plays a whole incident, from report to closing, in Dutch", () => {
    const levels = Object.values(textsFor("nl").vocabulary.levels).map((level) => level.replace(/[()]/g, "\\$&"));
    expect(dutch).toContain("✓ De melding is vastgelegd als DL-2026-0001.");
    expect(dutch).toMatch(/→ Privacykanaal\n\s+Datalek gemeld: DL-2026-0001/);
    expect(dutch).toMatch(/→ Privébericht aan Pieter \(privacyfunctionaris\)\n\s+🚨 Nieuw datalek DL-2026-0001/);
    expect(dutch).toMatch(/→ Privébericht aan Anneke \(verzorgende\)\n\s+✅ Bedankt voor je melding/);
    expect(dutch).toContain("Opgepakt door @Pieter (privacyfunctionaris)");
    expect(dutch).toMatch(new RegExp(`✓ Beoordeling: (${levels.join("|")})\\n`));
    expect(dutch).toContain("✓ Pieter bevestigt de beoordeling.");
    expect(dutch).toMatch(/⏰ DL-2026-0001: nog \d+ uur/);
    expect(dutch).toContain("Anneke typt /datalek status DL-2026-0001 en ziet (alleen zij):");
    expect(dutch).toContain("✓ Besluit vastgelegd: Gemeld bij de AP, kenmerk AP M-2026-123456.");
    expect(dutch).toContain("✓ Maatregel vastgelegd");
    expect(dutch).toContain("✓ Pieter meldt de maatregel af.");
    expect(dutch).toContain("✓ Pieter sluit het incident af.");
    expect(dutch).toContain("⌂ Startpagina van Fatima (management)");
    expect(dutch).toContain("📁 Het register van datalekken (1 incident).");
    expect(dutch).toContain("📎 Privébericht aan Pieter (privacyfunctionaris): Register datalekken (CSV)");
    expect(dutch).toMatch(/· Opgepakt door Pieter Jansen\./);
    expect(dutch).toMatch(/Klaar\.$/);
  });

  it("reads as plain Dutch: no code, no markup, no English", () => {
    expectReadable(dutch, "nl");
    const english = dutch.split("\n").filter((line) => ENGLISH_WORDS.test(line));
    expect(english).toEqual([]);
  });

  it("says nothing that contradicts what happened", () => {
    // Once the decision is recorded the countdown has stopped: no message counts down or asks to notify any more.
    const lines = dutch.split("\n");
    const decisionForm = lines.findIndex((line) => line.includes('▢ Venster "Besluit vastleggen"'));
    expect(decisionForm).toBeGreaterThan(0);
    // What the bot sent once the form was submitted: the messages after the form's own lines.
    const firstAfter = lines.findIndex((line, index) => index > decisionForm && /^ {2}[↻→]/.test(line));
    const afterDecision = lines.slice(firstAfter).join("\n");
    expect(afterDecision.split("\n").filter((line) => /nog \d+ (uur|minuten)|vóór .* \(nog/.test(line))).toEqual([]);
    // Once closed, nothing offers to take it or to record a decision.
    const afterClosing = dutch.slice(dutch.indexOf("✓ Pieter sluit het incident af."));
    expect(afterClosing).not.toMatch(/\[Oppakken\]|\[Gemeld bij de AP\]|\[Maatregel toevoegen\]/);
  });

  it("plays in English with --lang en", async () => {
    const english = await transcriptOf("en");
    expect(english).toContain("✓ The report is recorded as DL-2026-0001.");
    expect(english).toContain("✓ Pieter closes the incident.");
    expect(english).toMatch(/Done\.$/);
    expectReadable(english, "en");
    // The made-up report text is the only Dutch-free-text exception; the bot's own words are English.
    expect(english.split("\n").filter((line) => DUTCH_WORDS.test(line))).toEqual([]);
  }, 120_000);
});
