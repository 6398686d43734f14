// `datalek demo` runs a whole incident against the stand-in and prints what
// staff, the privacy officer and management would see.
import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/devtools/runDemo.ts";

describe("datalek demo", () => {
  it("prints a readable transcript from report to overview", async () => {
    const lines: string[] = [];
    await runDemo((line) => lines.push(line));
    const transcript = lines.join("\n");
    expect(transcript).toContain("melding vastgelegd als DL-");
    expect(transcript).toMatch(/→ DPO-kanaal \/ DPO channel\n\s+Datalek gemeld: DL-/);
    expect(transcript).toMatch(/→ DM medewerker Anneke\n\s+:white_check_mark: Bedankt voor je melding/);
    expect(transcript).toContain("Opgepakt door <@U0PRIVACY>");
    // The checklist answered, assessed and confirmed; decided; a measure done; closed.
    expect(transcript).toMatch(/✓ beoordeling: (no_risk|risk|high_risk)/);
    expect(transcript).toContain("✓ de privacyfunctionaris bevestigt de beoordeling");
    expect(transcript).toContain("✓ besluit vastgelegd: ap_notified");
    expect(transcript).toContain("✓ maatregel vastgelegd");
    expect(transcript).toContain("✓ incident afgesloten");
    expect(transcript).toContain("⌂ App Home management");
    expect(transcript).toContain("📎 DM privacyfunctionaris");
    expect(transcript).toContain("Klaar / done.");
    expect(transcript).not.toMatch(/^\s+! /m);
  }, 60_000);
});
