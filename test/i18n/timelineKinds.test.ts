// Every refusal the one guard records is a timeline kind with a label: the
// guard writes `<action>_refused`, and the compiler cannot follow that
// string, so this test does. (Every other kind is checked by the compiler:
// appendTimelineEntry takes only kinds of TIMELINE_KINDS, and each has a
// label in src/texts/audit.ts.)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TIMELINE_KINDS } from "../../src/core/incidents/timelineKinds.ts";
import { TIMELINE_ACTIONS } from "../../src/features/checklist/checklistActions.ts";
import { AWARENESS_CORRECT_ACTION } from "../../src/features/countdown/countdownActions.ts";
import { NOTIFICATION_ACTIONS } from "../../src/features/notifications/notificationsActions.ts";
import { textsFor } from "../../src/texts/index.ts";

function featureSources(dir = "src/features"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? featureSources(full) : entry.name.endsWith(".ts") ? [fs.readFileSync(full, "utf8")] : [];
  });
}

describe("timeline kinds", () => {
  it("has a kind with a label for the refusal of every action the guard is asked about", () => {
    const literal = featureSources().flatMap((source) =>
      [...source.matchAll(/guardIncidentAction\([\s\S]{0,300}?action: "([a-z_]+)"/g)].map((match) => match[1]!),
    );
    // Actions named by a constant (the guard is called with them).
    const named = [...Object.values(TIMELINE_ACTIONS), ...Object.values(NOTIFICATION_ACTIONS), AWARENESS_CORRECT_ACTION];
    expect(literal.length).toBeGreaterThan(3);
    for (const action of new Set([...literal, ...named]))
      expect(TIMELINE_KINDS as readonly string[], `${action}_refused`).toContain(`${action}_refused`);
  });

  it("labels every kind in both languages, differently, and never with the code itself", () => {
    for (const kind of TIMELINE_KINDS) {
      const [nl, en] = [textsFor("nl").audit.timeline.kinds[kind], textsFor("en").audit.timeline.kinds[kind]];
      expect(nl, kind).not.toBe(en);
      for (const label of [nl, en]) {
        expect(label.trim(), kind).not.toBe("");
        expect(label, kind).not.toContain("_");
      }
    }
  });
});
