// The Adaptive Card renderer keeps to Teams' limits in one place
// (src/teams/render/teamsLimits.ts), checked with the stand-in's own card
// checks: at most six buttons side by side, the activity within the size
// Teams takes, card version 1.5, and what a person wrote never read as
// markdown or a mention.
import { describe, expect, it } from "vitest";
import type { TBlock, TMessage } from "../../src/core/messages/message.ts";
import { adaptiveCardProblems, MAX_SHOWN_PRIMARY_ACTIONS } from "../../src/devtools/teams/cardChecks.ts";
import { DOCUMENTED_MESSAGE_LIMIT_BYTES } from "../../src/devtools/teams/botConnectorStandIn.ts";
import { renderActivity, type TCardContext } from "../../src/teams/render/renderCard.ts";

const context: TCardContext = {
  links: new Map(),
  someone: "iemand",
  nameOf: () => undefined,
  opensDialog: (action) => action === "measure_add",
  saveLabel: "Opslaan",
  shortened: "Ingekort.",
};

function collect(node: unknown, type: string, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((child) => collect(child, type, found));
  else if (typeof node === "object" && node !== null) {
    const element = node as Record<string, unknown>;
    if (element.type === type) found.push(element);
    Object.values(element).forEach((child) => collect(child, type, found));
  }
  return found;
}

describe("renderActivity", () => {
  it("puts at most six buttons side by side, the rest in the next row", () => {
    const buttons = Array.from({ length: 9 }, (_, index) => ({
      kind: "button" as const,
      action: `action_${index}`,
      label: `Knop ${index}`,
      value: String(index),
    }));
    const card = renderActivity({ summary: "x", blocks: [{ kind: "controls", id: "c", controls: buttons }] }, context)
      .attachments[0]!.content;
    const sets = collect(card, "ActionSet");
    expect(sets.map((set) => (set.actions as unknown[]).length)).toEqual([MAX_SHOWN_PRIMARY_ACTIONS, 3]);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.version).toBe("1.5");
  });

  it("makes a button that opens a form ask for a dialog, and the others Universal Actions", () => {
    const message: TMessage = {
      summary: "x",
      blocks: [
        {
          kind: "controls",
          id: "c",
          controls: [
            { kind: "button", action: "measure_add", label: "Maatregel", value: "DL-2026-0001" },
            { kind: "button", action: "incident_take", label: "Oppakken", value: "DL-2026-0001" },
          ],
        },
      ],
    };
    const actions = collect(renderActivity(message, context), "Action.Submit").concat(
      collect(renderActivity(message, context), "Action.Execute"),
    );
    expect(actions.map((action) => [action.type, (action.data as { action: string }).action])).toEqual([
      ["Action.Submit", "measure_add"],
      ["Action.Execute", "incident_take"],
    ]);
    expect((actions[0]!.data as { msteams: { type: string } }).msteams.type).toBe("task/fetch");
  });

  it("stays within Teams' message size, shortening texts and then blocks, and says so", () => {
    const facts = Array.from({ length: 400 }, (_, index) => ({ label: `Feit ${index}`, value: "w".repeat(200) }));
    const blocks: TBlock[] = [
      { kind: "quote", text: "q".repeat(3000) },
      { kind: "facts", facts },
      { kind: "controls", id: "c", controls: [{ kind: "button", action: "incident_take", label: "Oppakken", value: "r" }] },
    ];
    const activity = renderActivity({ summary: "Groot", blocks }, context);
    const bytes = JSON.stringify(activity).length * 2;
    expect(bytes).toBeLessThanOrEqual(80 * 1024);
    expect(bytes).toBeLessThan(DOCUMENTED_MESSAGE_LIMIT_BYTES);
    expect(JSON.stringify(activity)).toContain("Ingekort.");
    // The buttons survive the shortening.
    expect(collect(activity, "Action.Execute").map((action) => action.verb)).toEqual(["incident_take"]);
  });

  it("shows what a person wrote as plain text runs: no markdown, link or mention", () => {
    const typed = "**Belangrijk** <at>Directeur</at> [klik](https://voorbeeld.example) _x_";
    const activity = renderActivity({ summary: "x", blocks: [{ kind: "quote", text: typed }] }, context);
    const runs = collect(activity, "TextRun");
    expect(runs.map((run) => run.text)).toEqual([typed]);
    expect(collect(activity, "TextBlock").some((block) => String(block.text).includes("Directeur"))).toBe(false);
    expect(JSON.stringify(activity)).not.toContain('"entities"');
    expect(runs[0]!.selectAction).toBeUndefined();
  });
});
