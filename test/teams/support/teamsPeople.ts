// What a person does in Teams, through the stand-in: say something to the
// bot, open a dialog from a card's button, fill it in and submit it, press
// a Universal Action. Every activity is signed as the Connector signs it.
import { expect } from "vitest";
import type { BotAnswer, StandInUser, StoredActivity } from "../../../src/devtools/teams/botConnectorStandIn.ts";
import { actionsOf, cardOf, personalChat, type TTeamsHarness } from "./teamsHarness.ts";

export async function say(env: TTeamsHarness, user: StandInUser, text: string): Promise<StoredActivity | undefined> {
  const before = personalChat(env.org, user).length;
  const answer = await env.org.standIn.sendActivity(env.botUrl, env.org.activities.personalMessage(user.id, text));
  expect(answer.status).toBe(200);
  const chat = personalChat(env.org, user);
  return chat.length > before ? chat.at(-1) : undefined;
}

function chatOf(env: TTeamsHarness, user: StandInUser): string {
  const conversation = env.org.standIn.personalConversationOf(user.id);
  if (!conversation) throw new Error(`${user.name} has no personal chat with the bot`);
  return conversation.id;
}

export interface TDialog {
  title: string;
  card: Record<string, unknown>;
  /** What the dialog's submit button carries. */
  submitData: Record<string, unknown>;
}

export function dialogOf(answer: BotAnswer): TDialog {
  expect(answer.status).toBe(200);
  expect(answer.cardProblems).toEqual([]);
  const task = (answer.body as { task: { type: string; value: { title: string; card: { content: Record<string, unknown> } } } })
    .task;
  expect(task.type).toBe("continue");
  const card = task.value.card.content;
  const submit = actionsOf(card).find((action) => action.type === "Action.Submit");
  return { title: task.value.title, card, submitData: (submit?.data ?? {}) as Record<string, unknown> };
}

/** Presses a button that opens a dialog (Action.Submit with task/fetch) in a message the bot sent. */
export async function openDialog(
  env: TTeamsHarness,
  user: StandInUser,
  message: StoredActivity,
  title: string,
): Promise<BotAnswer> {
  const button = actionsOf(cardOf(message)).find((action) => action.type === "Action.Submit" && action.title === title);
  expect(button, `a button "${title}" that opens a dialog`).toBeDefined();
  const { msteams: _msteams, ...data } = button!.data as Record<string, unknown>;
  return env.org.standIn.sendActivity(
    env.botUrl,
    env.org.activities.dialogFetch(user.id, message.activity.conversation ? conversationIdOf(message) : chatOf(env, user), data, {
      replyToId: message.id,
    }),
  );
}

function conversationIdOf(message: StoredActivity): string {
  return (message.activity.conversation as { id: string }).id;
}

export async function submitDialog(
  env: TTeamsHarness,
  user: StandInUser,
  dialog: TDialog,
  inputs: Record<string, unknown>,
  conversationId = chatOf(env, user),
): Promise<BotAnswer> {
  return env.org.standIn.sendActivity(
    env.botUrl,
    env.org.activities.dialogSubmit(user.id, conversationId, { ...dialog.submitData, ...inputs }),
  );
}

/** Presses a Universal Action (Action.Execute) by its title in a message the bot sent, with inputs typed in the card. */
export async function execute(
  env: TTeamsHarness,
  user: StandInUser,
  message: StoredActivity,
  title: string,
  inputs: Record<string, unknown> = {},
): Promise<BotAnswer> {
  const action = actionsOf(cardOf(message)).find((candidate) => candidate.type === "Action.Execute" && candidate.title === title);
  expect(action, `an action "${title}"`).toBeDefined();
  return env.org.standIn.sendActivity(
    env.botUrl,
    env.org.activities.cardAction(user.id, conversationIdOf(message), {
      verb: action!.verb as string,
      data: { ...(action!.data as Record<string, unknown>), ...inputs },
      replyToId: message.id,
    }),
  );
}

/** The report, typed into the dialog: "what happened" and the facts, with the date and time in the organisation's zone. */
export function reportInputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    what_happened: "Zorgplan van een client per ongeluk naar de verkeerde ouder gemaild (synthetisch voorbeeld).",
    discovered_at__date: "2026-11-23",
    discovered_at__time: "08:00",
    system: "zivver",
    data_kinds: "health,identity_contact",
    people_affected: "3",
    stopped: "yes",
    recipient: "known",
    ...overrides,
  };
}

/** "datalek" in the personal chat, the button in the answer, the dialog: what the reporter sees. */
export async function openReportDialog(env: TTeamsHarness, user: StandInUser): Promise<TDialog> {
  const answer = await say(env, user, "datalek");
  expect(answer, "the bot answers 'datalek'").toBeDefined();
  const button = actionsOf(cardOf(answer!)).find((action) => action.type === "Action.Submit");
  expect(button, "a button that opens the report dialog").toBeDefined();
  return dialogOf(await openDialog(env, user, answer!, button!.title as string));
}

/** Presses the Universal Action whose verb is `verb` in a message the bot sent. */
export async function executeVerb(
  env: TTeamsHarness,
  user: StandInUser,
  message: StoredActivity,
  verb: string,
  inputs: Record<string, unknown> = {},
): Promise<BotAnswer> {
  const action = actionsOf(cardOf(message)).find((candidate) => candidate.type === "Action.Execute" && candidate.verb === verb);
  expect(action, `an action with verb ${verb}`).toBeDefined();
  if (process.env.TEAMS_TEST_TRACE) console.log("execute", verb, JSON.stringify(inputs));
  const answer = await env.org.standIn.sendActivity(
    env.botUrl,
    env.org.activities.cardAction(user.id, conversationIdOf(message), {
      verb,
      data: { ...(action!.data as Record<string, unknown>), ...inputs },
      replyToId: message.id,
    }),
  );
  expect(answer.status).toBe(200);
  return answer;
}

/** Presses a dialog-opening button found by its action id. */
export async function openDialogByAction(
  env: TTeamsHarness,
  user: StandInUser,
  message: StoredActivity,
  action: string,
): Promise<BotAnswer> {
  const button = actionsOf(cardOf(message)).find(
    (candidate) => candidate.type === "Action.Submit" && (candidate.data as { action?: string }).action === action,
  );
  expect(button, `a button ${action} that opens a dialog`).toBeDefined();
  const { msteams: _msteams, ...data } = button!.data as Record<string, unknown>;
  return env.org.standIn.sendActivity(
    env.botUrl,
    env.org.activities.dialogFetch(user.id, conversationIdOf(message), data, { replyToId: message.id }),
  );
}

/** Reports an incident through the dialog as `user` and delivers what follows. */
export async function reportThroughDialog(
  env: TTeamsHarness,
  user: StandInUser,
  inputs: Record<string, unknown> = {},
): Promise<void> {
  const dialog = await openReportDialog(env, user);
  dialogOf(await submitDialog(env, user, dialog, reportInputs(inputs)));
  await env.settle();
}
