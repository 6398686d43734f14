// `datalek demo --platform teams`: one data breach from report to closing in
// Microsoft Teams, against the Bot Connector stand-in (signed activities,
// JWT validation on), printed as what each person sees: the privacy
// officers' channel and its thread, the management channel, and each
// person's chat with the bot. Everything happens through what a person
// clicks: messages, dialogs, Universal Actions, file consent.
import crypto from "node:crypto";
import { pino } from "pino";
import { createBot } from "../app/createBot.ts";
import { ManualClock } from "../core/time/clock.ts";
import type { TLocale } from "../core/text/locale.ts";
import { migrateDatabase } from "../core/storage/migrateDatabase.ts";
import { openDatabase } from "../core/storage/openDatabase.ts";
import { createKeyRing } from "../core/security/fieldCipher.ts";
import { loadRegisterFile } from "../features/register/loadRegister.ts";
import { loadSettings } from "../settings/loadSettings.ts";
import { textsFor } from "../texts/index.ts";
import type { StandInUser, StoredActivity } from "./teams/botConnectorStandIn.ts";
import { cardLines } from "./teams/cardLines.ts";
import { announceInstallation, startTeamsOrganisation } from "./teams/teamsOrganisation.ts";

/** Monday 23 November 2026, 09:30 in Amsterdam. */
export const TEAMS_DEMO_START = new Date("2026-11-23T08:30:00Z");

type TAction = Record<string, unknown> & { type: string; title?: string; verb?: string; data?: Record<string, unknown> };

function actionsOf(card: unknown): TAction[] {
  const found: TAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const element = node as TAction;
    if (typeof element.type === "string" && element.type.startsWith("Action.")) found.push(element);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

function inputsOf(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === "string" && element.type.startsWith("Input.")) found.push(element);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

/** What a message shows: its card, a file to accept or a file saved, or its text. */
function messageLines(message: StoredActivity): string[] {
  const attachments =
    (message.activity.attachments as { contentType: string; name?: string; content?: unknown }[] | undefined) ?? [];
  const lines: string[] = [];
  if (typeof message.activity.text === "string" && message.activity.text) lines.push(message.activity.text);
  for (const attachment of attachments) {
    if (attachment.contentType.endsWith("card.adaptive")) lines.push(...cardLines(attachment.content));
    else if (attachment.contentType.endsWith("file.consent")) lines.push(`📎 ${attachment.name ?? ""}  [✓] [✗]`);
    else if (attachment.contentType.endsWith("file.info")) lines.push(`📎 ${attachment.name ?? ""}`);
  }
  return lines;
}

const cardOf = (activity: StoredActivity) =>
  ((activity.activity.attachments as { content?: unknown }[] | undefined) ?? [])[0]?.content;

export async function runTeamsDemo(write: (line: string) => void, options: { locale: TLocale }): Promise<void> {
  const { locale } = options;
  const t = textsFor(locale).teams.demo;
  const org = await startTeamsOrganisation();
  org.standIn.setRateLimitsEnforced(false);
  const register = loadRegisterFile("config/register.yaml");
  if (!register.ok) throw new Error(register.problems.join("; "));
  const key = crypto.randomBytes(32).toString("base64");
  const loaded = loadSettings({
    ...org.settings,
    PORT: "0",
    LOG_LEVEL: "silent",
    DEFAULT_LOCALE: locale,
    DATALEK_ENCRYPTION_KEY: key,
    ORGANISATION_NAME: "Zorggroep De Linde",
  });
  if (!loaded.ok) throw new Error(loaded.problems.join("; "));
  const database = await openDatabase({ kind: "pglite" }, createKeyRing(Buffer.from(key, "base64")));
  await migrateDatabase(database);
  const clock = new ManualClock(TEAMS_DEMO_START);
  const bot = createBot({
    settings: loaded.settings,
    database,
    clock,
    logger: pino({ level: "silent" }),
    register: register.register,
    outboxIntervalMs: 50,
  });
  const { port } = await bot.start();
  const botUrl = `http://127.0.0.1:${port}/api/messages`;
  const { standIn, activities, people } = org;
  const teamsLocale = t.typed.teamsLocale;
  const send = (activity: Record<string, unknown>) => standIn.sendActivity(botUrl, { ...activity, locale: teamsLocale });
  const settle = async () => {
    for (let round = 0; round < 20; round++) if ((await bot.teams!.outbox.kick()) === 0) return;
  };

  // What each person sees, printed once when new and again when changed.
  const shown = new Map<string, number>();
  const places = (): { label: string; messages: StoredActivity[] }[] => {
    const channel = (channelId: string, team: string, name: string) => ({
      label: t.channel({ team, channel: name }),
      messages: (standIn.conversation(channelId)?.activities ?? []).filter((message) => message.author === "bot"),
    });
    return [
      channel(org.dpoChannelId, org.privacyTeam.name, org.privacyTeam.channels[1]!.name),
      channel(org.managementChannelId, org.managementTeam.name, org.managementTeam.channels[1]!.name),
      ...Object.values(people).map((person) => ({
        label: t.chat({ name: person.name }),
        messages: (standIn.personalConversationOf(person.id)?.activities ?? []).filter((message) => message.author === "bot"),
      })),
    ];
  };
  const show = () => {
    for (const place of places())
      for (const message of place.messages) {
        const version = message.previousVersions.length;
        const seen = shown.get(message.id);
        if (seen === version) continue;
        shown.set(message.id, version);
        const where = `${place.label}${message.threadRootId && message.threadRootId !== message.id ? t.inThread : ""}`;
        write(`  ${where}${seen !== undefined ? ` ${t.updated}` : ""}:`);
        for (const line of messageLines(message)) write(`    ${line}`);
      }
  };
  const stage = async (title: string, work: () => Promise<void>) => {
    write("");
    write(`=== ${title} ===`);
    try {
      await work();
    } catch (error) {
      write(`  ${t.missing({ what: (error as Error).message })}`);
    }
    await settle();
    show();
  };
  const lastOf = (user: StandInUser) =>
    (standIn.personalConversationOf(user.id)?.activities ?? []).filter((m) => m.author === "bot").at(-1)!;
  const conversationOf = (message: StoredActivity) => (message.activity.conversation as { id: string }).id;
  const execute = async (user: StandInUser, message: StoredActivity, verb: string, inputs: Record<string, unknown> = {}) => {
    const action = actionsOf(cardOf(message)).find((candidate) => candidate.verb === verb);
    if (!action) throw new Error(verb);
    await send(
      activities.cardAction(user.id, conversationOf(message), {
        verb,
        data: { ...action.data, ...inputs },
        replyToId: message.id,
      }),
    );
  };
  const openDialog = async (user: StandInUser, message: StoredActivity, action: string) => {
    const button = actionsOf(cardOf(message)).find(
      (candidate) => candidate.type === "Action.Submit" && candidate.data?.action === action,
    );
    if (!button) throw new Error(action);
    const { msteams: _msteams, ...data } = button.data!;
    const answer = await send(activities.dialogFetch(user.id, conversationOf(message), data, { replyToId: message.id }));
    const task = (answer.body as { task: { type: string; value: { title: string; card: { content: unknown } } | string } }).task;
    if (task.type !== "continue" || typeof task.value === "string") throw new Error(String(task.value));
    write(`  ${t.dialog({ title: task.value.title })}`);
    for (const line of cardLines(task.value.card.content)) write(`    ${line}`);
    const submit = actionsOf(task.value.card.content).find((candidate) => candidate.type === "Action.Submit")!;
    return { conversationId: conversationOf(message), data: submit.data! };
  };
  const submitDialog = async (
    user: StandInUser,
    dialog: { conversationId: string; data: Record<string, unknown> },
    inputs: Record<string, unknown>,
  ) => {
    const answer = await send(activities.dialogSubmit(user.id, dialog.conversationId, { ...dialog.data, ...inputs }));
    const task = (answer.body as { task?: { type: string; value: { title: string; card: { content: unknown } } } } | undefined)
      ?.task;
    if (task?.type === "continue") {
      write(`  ${t.dialog({ title: task.value.title })}`);
      for (const line of cardLines(task.value.card.content)) write(`    ${line}`);
    }
  };
  const threadMessages = () => {
    const root = (standIn.conversation(org.dpoChannelId)?.activities ?? []).find(
      (message) => message.author === "bot" && message.threadRootId === message.id,
    );
    return root ? standIn.thread(org.dpoChannelId, root.id) : [];
  };

  try {
    for (const line of t.intro) write(line);
    await announceInstallation(org, botUrl, people.dpo);
    await announceInstallation(org, botUrl, people.secondDpo);
    await announceInstallation(org, botUrl, people.manager);
    await settle();
    for (const place of places()) for (const message of place.messages) shown.set(message.id, message.previousVersions.length);

    await stage(t.stages.install, () => announceInstallation(org, botUrl, people.staff));
    await stage(t.stages.report, async () => {
      await send(activities.personalMessage(people.staff.id, "datalek"));
      const dialog = await openDialog(people.staff, lastOf(people.staff), "home_report");
      await submitDialog(people.staff, dialog, {
        what_happened: t.typed.whatHappened,
        discovered_at__date: "2026-11-23",
        discovered_at__time: "09:00",
        system: "paper",
        data_kinds: "health,identity_contact",
        people_affected: "5",
        stopped: "unknown",
        recipient: "unknown",
      });
    });
    await stage(t.stages.repage, async () => {
      clock.advance(31 * 60_000);
      await bot.scheduler.tick();
    });
    await stage(t.stages.take, () => execute(people.dpo, lastOf(people.dpo), "incident_take"));
    await stage(t.stages.checklist, async () => {
      for (let round = 0; round < 40; round++) {
        await settle();
        if (!(await answerNext())) break;
      }
    });
    await stage(t.stages.draft, async () => {
      await execute(people.dpo, threadMessages()[0]!, "draft_ap_notification");
      await settle();
      const consent = [...(standIn.personalConversationOf(people.dpo.id)?.activities ?? [])]
        .reverse()
        .find((message: StoredActivity) =>
          ((message.activity.attachments as { contentType: string }[] | undefined) ?? []).some((a) =>
            a.contentType.endsWith("file.consent"),
          ),
        );
      if (!consent) throw new Error("file consent");
      const attachment = (
        consent.activity.attachments as { name: string; content: { acceptContext: Record<string, unknown> } }[]
      )[0]!;
      await send(
        activities.fileConsent(people.dpo.id, conversationOf(consent), {
          action: "accept",
          fileName: attachment.name,
          context: attachment.content.acceptContext,
          replyToId: consent.id,
        }),
      );
      for (const upload of standIn.uploads) write(`  ${t.upload({ name: people.dpo.name, file: upload.name })}`);
    });
    await stage(t.stages.decision, async () => {
      const assessment = threadMessages().find((message) =>
        actionsOf(cardOf(message)).some((action) => action.verb === "assessment_confirm"),
      );
      if (!assessment) throw new Error("assessment");
      await execute(people.dpo, assessment, "assessment_confirm");
      await settle();
      const settled = standIn.activity(org.dpoChannelId, assessment.id)!;
      const dialog = await openDialog(people.dpo, settled, "decision_ap_notified");
      await submitDialog(people.dpo, dialog, { ap_reference: "M-2026-004711" });
    });
    await stage(t.stages.close, async () => {
      const post = () => standIn.activity(org.dpoChannelId, threadMessages()[0]!.id)!;
      const measure = await openDialog(people.dpo, post(), "measure_add");
      await submitDialog(people.dpo, measure, {
        measure_what: t.typed.measure,
        measure_owner: people.manager.aadObjectId,
        measure_due: "2026-12-07",
      });
      await settle();
      await execute(people.manager, lastOf(people.manager), "measure_done");
      await settle();
      const close = await openDialog(people.dpo, post(), "incident_close");
      await submitDialog(people.dpo, close, {
        art34_ground: "subsequent_measures",
        art34_reason: t.typed.art34Reason,
      });
    });
    await stage(t.stages.overview, async () => {
      await send(activities.personalMessage(people.dpo.id, t.typed.overviewCommand));
    });
    write("");
    write(t.done);
  } finally {
    await bot.stop();
    await database.close();
    await standIn.close();
  }

  /** The next unanswered checklist question in the thread, answered with its first choice (a number: 5). */
  async function answerNext(): Promise<boolean> {
    for (const message of threadMessages().slice(1)) {
      const card = cardOf(message);
      const actions = actionsOf(card);
      const confirm = actions.find((action) => action.verb?.startsWith("checklist_") && action.verb.endsWith("_confirm"));
      if (confirm) return execute(people.dpo, message, confirm.verb!).then(() => true);
      for (const input of inputsOf(card)) {
        const id = String(input.id);
        if (!id.startsWith("checklist_")) continue;
        if (input.type === "Input.Number") {
          const save = actions.find((action) => action.verb === `${id}_save`);
          if (save && (input.value === undefined || save.title !== textsFor(locale).checklist.group.save))
            return execute(people.dpo, message, save.verb!, { [id]: input.value ?? 5 }).then(() => true);
        } else if (input.type === "Input.ChoiceSet" && (input.value === undefined || input.value === "")) {
          const first = (input.choices as { value: string }[])[0]!.value;
          return execute(people.dpo, message, id, { [id]: first }).then(() => true);
        }
      }
      const groups = new Map<string, TAction[]>();
      for (const action of actions) {
        const value = action.data?.value;
        if (!action.verb?.startsWith("checklist_") || action.verb.endsWith("_save") || typeof value !== "string") continue;
        const question = action.verb.slice(0, -(value.length + 1));
        groups.set(question, [...(groups.get(question) ?? []), action]);
      }
      for (const buttons of groups.values()) {
        if (buttons.some((button) => String(button.title).startsWith("✓"))) continue;
        return execute(people.dpo, message, buttons[0]!.verb!).then(() => true);
      }
    }
    return false;
  }
}
