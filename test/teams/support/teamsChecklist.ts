// Answering the checklist in an incident's thread as a privacy officer
// does, through the cards' Universal Actions, and the decision after it.
import { expect } from "vitest";
import type { StandInUser, StoredActivity } from "../../../src/devtools/teams/botConnectorStandIn.ts";
import { actionsOf, cardOf, channelThreads, personalChat, type TTeamsHarness } from "./teamsHarness.ts";
import { dialogOf, executeVerb, openDialogByAction, submitDialog } from "./teamsPeople.ts";

export function thread(env: TTeamsHarness): StoredActivity[] {
  const threads = channelThreads(env.org, env.org.dpoChannelId);
  expect(threads).toHaveLength(1);
  return threads[0]!;
}

type TAction = Record<string, unknown> & { verb?: string; title?: string };

/** One unanswered checklist question in the thread, answered as a privacy officer would (the first choice; 3 for a number). */
export async function answerNextQuestion(env: TTeamsHarness, officer: StandInUser): Promise<boolean> {
  for (const message of thread(env).slice(1)) {
    const card = cardOf(message);
    const actions = actionsOf(card) as TAction[];
    const inputs = JSON.parse(JSON.stringify(card)) as unknown;
    const inputList: Record<string, unknown>[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== "object" || node === null) return;
      const element = node as Record<string, unknown>;
      if (typeof element.type === "string" && element.type.startsWith("Input.")) inputList.push(element);
      Object.values(element).forEach(walk);
    };
    walk(inputs);
    const confirm = actions.find((action) => action.verb?.startsWith("checklist_") && action.verb.endsWith("_confirm"));
    if (confirm) {
      await executeVerb(env, officer, message, confirm.verb!);
      return true;
    }
    for (const input of inputList) {
      const id = String(input.id);
      if (!id.startsWith("checklist_")) continue;
      if (input.type === "Input.Number") {
        const save = actions.find((action) => action.verb === `${id}_save`)!;
        const prefilled = input.value !== undefined && save.title !== "Opslaan";
        if (input.value === undefined || prefilled) {
          await executeVerb(env, officer, message, save.verb!, { [id]: input.value === undefined ? 3 : input.value });
          return true;
        }
      } else if (input.type === "Input.ChoiceSet" && (input.value === undefined || input.value === "")) {
        const first = (input.choices as { value: string }[])[0]!.value;
        await executeVerb(env, officer, message, id, { [id]: first });
        return true;
      }
    }
    const groups = new Map<string, TAction[]>();
    for (const action of actions) {
      const match = /^(checklist_[a-z_]+?)_[a-z0-9_]+$/.exec(action.verb ?? "");
      if (!match || action.verb!.endsWith("_save") || typeof (action.data as { value?: unknown })?.value !== "string") continue;
      const key = (action.data as { action: string }).action.replace(/_[^_]+$/, "");
      groups.set(key, [...(groups.get(key) ?? []), action]);
    }
    for (const buttons of groups.values()) {
      if (buttons.some((button) => String(button.title).startsWith("✓"))) continue;
      await executeVerb(env, officer, message, buttons[0]!.verb!);
      return true;
    }
  }
  return false;
}

/** The privacy officer takes the incident, answers the checklist, confirms the level and records the decision. */
export async function takeAndDecide(
  env: TTeamsHarness,
  officer: StandInUser,
  decision = "decision_not_notifiable",
): Promise<void> {
  await executeVerb(env, officer, personalChat(env.org, officer).at(-1)!, "incident_take");
  await env.settle();
  for (let answered = 0; answered < 40 && (await answerNextQuestion(env, officer)); answered++) await env.settle();
  const assessment = thread(env).find((message) =>
    actionsOf(cardOf(message)).some((action) => action.verb === "assessment_confirm"),
  );
  expect(assessment, "the assessment with its confirm button").toBeDefined();
  await executeVerb(env, officer, assessment!, "assessment_confirm");
  await env.settle();
  const settled = env.org.standIn.activity(env.org.dpoChannelId, assessment!.id)!;
  const dialog = dialogOf(await openDialogByAction(env, officer, settled, decision));
  const reason = "Versleuteld verstuurd en direct teruggehaald; geen risico voor de betrokkenen.";
  const done = await submitDialog(env, officer, dialog, { reason, ap_reference: "AP-2026-12345" }, env.org.dpoChannelId);
  expect(done.status).toBe(200);
  await env.settle();
}
