// `datalek demo`: one complete incident against the built-in Slack stand-in
// on a temporary embedded database, with a clock the demo moves forward,
// and a readable transcript of what the care worker, the privacy officer
// and management see. The people click what a person would click: the
// buttons in the messages the bot sent, and the windows it opened. Each
// stage is one function; adding a stage is adding one entry to DEMO_STAGES.
import crypto from "node:crypto";
import { pino } from "pino";
import { createBot, withSlack, type TSlackBot } from "../app/createBot.ts";
import { ManualClock } from "../core/time/clock.ts";
import { formatLocal, formatLocalDay } from "../core/time/formatLocal.ts";
import type { TLocale } from "../core/text/locale.ts";
import { loadRegisterFile } from "../features/register/loadRegister.ts";
import { createKeyRing } from "../core/security/fieldCipher.ts";
import { loadSettings } from "../settings/loadSettings.ts";
import { migrateDatabase } from "../core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../core/storage/openDatabase.ts";
import { textsFor, type TTexts } from "../texts/index.ts";
import { demoTexts, type TDemoTexts } from "../texts/demo.ts";
import type { TAssessmentLevel } from "../features/checklist/assessmentLevels.ts";
import type { TDecision } from "../core/incidents/decisions.ts";
import { blocksToLines, describeCall, type TAudience } from "./renderTranscript.ts";
import { reportModalState, SlackClientSimulator, type StateValues } from "./slackRequests.ts";
import { SlackStandIn, type RecordedCall } from "./slackStandIn.ts";

export const DEMO_PEOPLE = {
  staff: "U0ANNEKE1",
  dpo: "U0PRIVACY",
  manager: "U0MANAGER",
  dpoChannel: "C0PRIVACY",
  managementChannel: "C0MANAGMT",
} as const;

/** The Slack locale the demo's people have, so the bot speaks the demo's language to them. */
const SLACK_LOCALES: Record<TLocale, string> = { nl: "nl-NL", en: "en-GB" };

/** Monday 23 November 2026, 09:30 in Amsterdam: an ordinary working morning. */
export const DEMO_START = new Date("2026-11-23T08:30:00Z");

export interface TDemo {
  bot: TSlackBot;
  database: Database;
  standIn: SlackStandIn;
  slack: SlackClientSimulator;
  clock: ManualClock;
  locale: TLocale;
  /** The bot's words in the demo's language. */
  texts: TTexts;
  /** The demo's own words. */
  words: TDemoTexts;
  audience: TAudience;
  reference: string;
  say(line: string): void;
}

export interface TDemoStage {
  title: (words: TDemoTexts) => string;
  /** Time that passes before the stage begins. */
  wait?: (demo: TDemo) => Promise<void> | void;
  /** Print the Home tab publications of this stage (they repeat; shown once at the end). */
  showHomes?: boolean;
  run(demo: TDemo): Promise<void>;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A message as it stands now: where it is, its thread, its latest blocks. */
interface TShownMessage {
  channel: string;
  ts: string;
  thread?: string;
  blocks: unknown[];
}

type TElement = { type?: string; action_id?: string; value?: string };

/** Every message the bot posted, as last updated. */
function shownMessages(demo: TDemo): TShownMessage[] {
  const byKey = new Map<string, TShownMessage>();
  for (const call of demo.standIn.calls) {
    if (call.failed) continue;
    if (call.method === "chat.postMessage") {
      const channel = String(call.response?.channel ?? call.args.channel);
      const ts = String(call.response?.ts ?? "");
      const thread = call.args.thread_ts ? String(call.args.thread_ts) : undefined;
      byKey.set(`${channel}/${ts}`, {
        channel,
        ts,
        ...(thread ? { thread } : {}),
        blocks: (call.args.blocks as unknown[]) ?? [],
      });
    } else if (call.method === "chat.update") {
      const key = `${String(call.args.channel)}/${String(call.args.ts)}`;
      const before = byKey.get(key);
      if (before) before.blocks = (call.args.blocks as unknown[]) ?? [];
    }
  }
  return [...byKey.values()];
}

function elementsOf(blocks: unknown[]): TElement[] {
  return (blocks as { elements?: unknown[]; accessory?: unknown; element?: unknown }[]).flatMap((block) =>
    [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : []), ...(block.element ? [block.element] : [])].filter(
      (element): element is TElement => typeof (element as TElement).action_id === "string",
    ),
  );
}

/** The latest message holding a control with this action id (and value), where `where` holds. */
function findControl(
  demo: TDemo,
  actionId: string,
  where: (message: TShownMessage) => boolean = () => true,
): { message: TShownMessage; element: TElement } | undefined {
  for (const message of shownMessages(demo).reverse()) {
    if (!where(message)) continue;
    const element = elementsOf(message.blocks).find((candidate) => candidate.action_id === actionId);
    if (element) return { message, element };
  }
  return undefined;
}

/** A person uses a control in a message the bot sent; returns the trigger id it carried. */
async function use(
  demo: TDemo,
  userId: string,
  actionId: string,
  action: Record<string, unknown> = {},
  where?: (message: TShownMessage) => boolean,
): Promise<string | undefined> {
  const found = findControl(demo, actionId, where);
  if (!found) {
    demo.say(`  ${demo.words.say.missing({ what: demo.words.missing.button({ button: actionId }) })}`);
    return undefined;
  }
  const triggerId = demo.standIn.issueTriggerId();
  await demo.slack.blockAction({
    userId,
    channelId: found.message.channel,
    messageTs: found.message.ts,
    ...(found.message.thread ? { threadTs: found.message.thread } : {}),
    triggerId,
    actions: [
      { action_id: actionId, type: found.element.type ?? "button", value: found.element.value ?? "", ...action } as never,
    ],
  });
  await settle(demo);
  return triggerId;
}

type TFieldValue = string | readonly string[];

/** Fills in the window the bot opened with this trigger, field by field (by the field ids), and submits it. */
async function fillIn(demo: TDemo, userId: string, triggerId: string | undefined, values: Record<string, TFieldValue>) {
  if (!triggerId) return undefined;
  const opened = await demo.standIn
    .waitForCall("views.open", (call) => call.args.trigger_id === triggerId, 3000)
    .catch(() => undefined);
  if (!opened) {
    demo.say(`  ${demo.words.say.missing({ what: demo.words.missing.form })}`);
    return undefined;
  }
  const view = opened.args.view as { callback_id?: string; private_metadata?: string; blocks?: unknown[] };
  const state: StateValues = {};
  for (const block of (view.blocks ?? []) as { type?: string; block_id?: string; element?: TElement }[]) {
    if (block.type !== "input" || !block.block_id || !block.element?.action_id) continue;
    const value = values[block.block_id];
    if (value === undefined) continue;
    const option = (chosen: string) => ({ value: chosen, text: { type: "plain_text" as const, text: chosen } });
    const type = block.element.type;
    const one = typeof value === "string" ? value : (value[0] ?? "");
    const element =
      type === "static_select" || type === "radio_buttons"
        ? { type, selected_option: option(one) }
        : type === "multi_static_select" || type === "checkboxes"
          ? { type, selected_options: (typeof value === "string" ? [value] : value).map(option) }
          : type === "users_select"
            ? { type, selected_user: one }
            : type === "datepicker"
              ? { type, selected_date: one }
              : type === "datetimepicker"
                ? { type, selected_date_time: Number(one) }
                : { type, value: one };
    state[block.block_id] = { [block.element.action_id]: element as never };
  }
  const answer = await demo.slack.viewSubmission({
    userId,
    view: {
      id: String((opened.response?.view as { id?: string } | undefined)?.id ?? `V0DEMO${crypto.randomBytes(3).toString("hex")}`),
      callback_id: view.callback_id ?? "",
      private_metadata: view.private_metadata ?? "",
      state: { values: state },
    },
  });
  await settle(demo);
  return answer;
}

async function settle(demo: TDemo): Promise<void> {
  for (let round = 0; round < 40; round++) {
    await demo.bot.scheduler.tick();
    await demo.bot.slack.outbox.kick();
    await demo.bot.slack.homeTabs.kick();
    const pending = await demo.database.prisma.outboxMessage.count({
      where: { status: "pending", nextAttemptAt: { lte: demo.clock.now() } },
    });
    if (pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const incidentOf = (demo: TDemo) => demo.database.prisma.incident.findUniqueOrThrow({ where: { reference: demo.reference } });

/** The lines of a command's answer (only the person who typed it sees it). */
function answerLines(demo: TDemo, body: unknown): string[] {
  const answer = body as { text?: string; blocks?: unknown[] };
  const lines = answer.blocks ? blocksToLines(answer.blocks, demo.audience) : [String(answer.text ?? "")];
  return lines.map((line) => `      ${line}`);
}

const inThreadOf = (post: TShownMessage | undefined) => (message: TShownMessage) =>
  post !== undefined && message.channel === post.channel && (message.thread === post.ts || message.ts === post.ts);

/** The incident's post in the privacy channel: its thread is the incident's thread. */
function incidentPost(demo: TDemo): TShownMessage | undefined {
  return shownMessages(demo).find(
    (message) =>
      message.channel === DEMO_PEOPLE.dpoChannel && !message.thread && JSON.stringify(message.blocks).includes(demo.reference),
  );
}

export const DEMO_STAGES: TDemoStage[] = [
  {
    title: (words) => words.stages.report,
    async run(demo) {
      await demo.slack.slashCommand({ userId: DEMO_PEOPLE.staff, text: "", channelId: DEMO_PEOPLE.managementChannel });
      await demo.standIn.waitForCalls("views.open", 1);
      const now = demo.clock.now();
      await demo.slack.viewSubmission({
        userId: DEMO_PEOPLE.staff,
        view: {
          id: "V0DEMOREPORT",
          callback_id: "datalek_report",
          state: {
            values: reportModalState({
              what_happened: demo.words.answers.whatHappened,
              discovered_at: seconds(new Date(now.getTime() - 30 * 60_000)),
              system: "zivver",
              data_kinds: ["health", "identity_contact"],
              people_affected: "4",
              stopped: "yes",
              recipient: "known",
            }),
          },
        },
      });
      const incident = await demo.database.prisma.incident.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      demo.reference = incident.reference;
      demo.say(`  ${demo.words.say.reported({ reference: incident.reference })}`);
    },
  },
  {
    title: (words) => words.stages.page,
    async run() {
      // The outbox delivers the channel post, the privacy officer's message and the reporter's receipt.
    },
  },
  {
    title: (words) => words.stages.take,
    wait: (demo) => demo.clock.advanceMinutes(4),
    async run(demo) {
      // From his direct message, as a privacy officer paged on his phone would.
      await use(demo, DEMO_PEOPLE.dpo, "incident_take", {}, (message) => message.channel.startsWith("D"));
    },
  },
  {
    title: (words) => words.stages.checklist,
    async run(demo) {
      const post = incidentPost(demo);
      const inThread = inThreadOf(post);
      const answer = (actionId: string, action: Record<string, unknown> = {}) => {
        demo.clock.advanceMinutes(1);
        return use(demo, DEMO_PEOPLE.dpo, actionId, action, inThread);
      };
      const option = (value: string) => ({ value, text: { type: "plain_text", text: value } });
      // What the report already said is confirmed; the rest answered.
      await answer("checklist_personal_data_yes");
      await answer("checklist_breach_types", { type: "multi_static_select", selected_options: [option("confidentiality")] });
      await answer("checklist_data_categories_confirm");
      await answer("checklist_people_affected", { type: "number_input", value: "4" });
      await answer("checklist_vulnerable_people_yes");
      await answer("checklist_identifiability_maximum");
      await answer("checklist_unintelligible_no");
      await answer("checklist_recipient_known");
      await answer("checklist_recipients_count", { type: "number_input", value: "1" });
      await answer("checklist_malicious_no");
      await answer("checklist_availability_impact_none");
      await answer("checklist_contained_yes");
      await answer("checklist_harm_observed_no");
      const incident = await incidentOf(demo);
      const assessment = await demo.database.prisma.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
      if (!assessment) return demo.say(`  ${demo.words.say.missing({ what: demo.words.missing.assessment })}`);
      demo.say(`  ${demo.words.say.assessed({ level: demo.texts.vocabulary.levels[assessment.level as TAssessmentLevel] })}`);
      await answer("assessment_confirm");
      const confirmed = await demo.database.prisma.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
      if (confirmed?.confirmedBy) demo.say(`  ${demo.words.say.confirmed}`);
    },
  },
  {
    title: (words) => words.stages.countdown,
    // To the first reminder, 48 hours before the deadline.
    wait: async (demo) => {
      const { deadlineAt } = await incidentOf(demo);
      demo.clock.set(new Date(deadlineAt.getTime() - 48 * 3_600_000 + 60_000));
    },
    async run(demo) {
      await settle(demo);
      const status = await demo.slack.slashCommand({ userId: DEMO_PEOPLE.staff, text: `status ${demo.reference}` });
      demo.say(`  ${demo.words.say.statusAsked({ reference: demo.reference })}`);
      for (const line of answerLines(demo, status.body)) demo.say(line);
    },
  },
  {
    title: (words) => words.stages.decision,
    wait: (demo) => demo.clock.advanceMinutes(50),
    async run(demo) {
      const triggerId = await use(demo, DEMO_PEOPLE.dpo, "decision_ap_notified", {}, inThreadOf(incidentPost(demo)));
      await fillIn(demo, DEMO_PEOPLE.dpo, triggerId, {
        ap_reference: demo.words.answers.apReference,
        reason: demo.words.answers.reason,
      });
      const incident = await incidentOf(demo);
      if (!incident.decision) return demo.say(`  ${demo.words.say.missing({ what: demo.words.missing.decision })}`);
      demo.say(
        `  ${demo.words.say.decided({
          decision: demo.texts.vocabulary.decisions[incident.decision as TDecision],
          apReference: incident.apReference ?? "",
        })}`,
      );
    },
  },
  {
    title: (words) => words.stages.close,
    wait: (demo) => demo.clock.advanceHours(2),
    async run(demo) {
      const post = () => incidentPost(demo);
      const onPost = (message: TShownMessage) => message.ts === post()?.ts;
      const due = new Date(demo.clock.now().getTime() + 7 * 24 * 3_600_000).toISOString().slice(0, 10);
      await fillIn(demo, DEMO_PEOPLE.dpo, await use(demo, DEMO_PEOPLE.dpo, "measure_add", {}, onPost), {
        measure_what: demo.words.answers.measure,
        measure_owner: DEMO_PEOPLE.dpo,
        measure_due: due,
      });
      const incident = await incidentOf(demo);
      const measure = await demo.database.prisma.correctiveMeasure.findFirst({ where: { incidentId: incident.id } });
      if (!measure) return demo.say(`  ${demo.words.say.missing({ what: demo.words.missing.measure })}`);
      demo.say(`  ${demo.words.say.measureAdded({ due: formatLocalDay(measure.dueDate, demo.locale) })}`);
      demo.clock.advanceHours(26);
      // The owner marks it done from the message the bot sent him.
      await use(demo, DEMO_PEOPLE.dpo, "measure_done", {}, (message) => message.channel.startsWith("D"));
      const done = await demo.database.prisma.correctiveMeasure.findUnique({ where: { id: measure.id } });
      if (done?.doneAt) demo.say(`  ${demo.words.say.measureDone}`);
      demo.clock.advanceMinutes(30);
      await fillIn(demo, DEMO_PEOPLE.dpo, await use(demo, DEMO_PEOPLE.dpo, "incident_close", {}, onPost), {
        close_reason: demo.words.answers.noMeasures,
        art34_ground: "subsequent_measures",
        art34_reason: demo.words.answers.art34Reason,
      });
      const after = await incidentOf(demo);
      demo.say(`  ${after.closedAt ? demo.words.say.closed : demo.words.say.missing({ what: demo.words.missing.closed })}`);
    },
  },
  {
    title: (words) => words.stages.overview,
    showHomes: true,
    async run(demo) {
      await settle(demo);
      for (const user of [DEMO_PEOPLE.staff, DEMO_PEOPLE.dpo, DEMO_PEOPLE.manager]) await sendHomeOpened(demo, user);
      const list = await demo.slack.slashCommand({ userId: DEMO_PEOPLE.dpo, text: demo.words.listCommand });
      demo.say(`  ${demo.words.say.listAsked}`);
      for (const line of answerLines(demo, list.body)) demo.say(line);
      await demo.slack.slashCommand({ userId: DEMO_PEOPLE.dpo, text: "export" });
      demo.say(`  ${demo.words.say.exportAsked}`);
      await settle(demo);
      await demo.standIn.waitForCalls("files.completeUploadExternal", 2, 5000).catch(() => undefined);
      // What an auditor reads in the report: the timeline, as sentences.
      const report = demo.standIn.uploads.find((upload) => upload.filename.endsWith(".md"));
      if (!report) return;
      const lines = report.content.split("\n");
      const start = lines.indexOf(`### ${demo.texts.export.report.timeline}`);
      const end = lines.findIndex((line, index) => index > start && line.startsWith("### "));
      demo.say(`  ${demo.words.say.reportExcerpt}`);
      for (const line of lines.slice(start + 1, end).filter((candidate) => candidate.startsWith("- ")))
        demo.say(`      ${line.slice(2).replace(/\\(.)/g, "$1")}`);
    },
  },
];

async function sendHomeOpened(demo: TDemo, userId: string): Promise<void> {
  const { signSlackRequest } = await import("./slackRequests.ts");
  const body = JSON.stringify({
    type: "event_callback",
    team_id: "T0TEAM",
    api_app_id: "A0DATALEK",
    event_id: `Ev${crypto.randomBytes(5).toString("hex")}`,
    event_time: seconds(new Date()),
    event: { type: "app_home_opened", user: userId, channel: `D${userId.slice(1)}`, tab: "home" },
  });
  await demo.slack.raw(body, { ...signSlackRequest(demo.slack.signingSecret, body), "Content-Type": "application/json" });
  await demo.standIn.waitForCall("views.publish", (call) => call.args.user_id === userId, 3000).catch(() => undefined);
}

/** The calls of one stage that someone sees: a message updated several times is shown once, as it ended. */
function visibleCalls(calls: readonly RecordedCall[], showHomes: boolean): RecordedCall[] {
  const lastUpdate = new Map<string, number>();
  const lastHome = new Map<string, number>();
  calls.forEach((call, index) => {
    if (call.method === "chat.update") lastUpdate.set(`${call.args.channel}:${call.args.ts}`, index);
    if (call.method === "views.publish") lastHome.set(String(call.args.user_id), index);
  });
  return calls.filter((call, index) => {
    if (call.failed) return false;
    if (call.method === "views.publish") return showHomes && lastHome.get(String(call.args.user_id)) === index;
    if (call.method === "chat.update") return lastUpdate.get(`${call.args.channel}:${call.args.ts}`) === index;
    return true;
  });
}

export async function runDemo(
  write: (line: string) => void,
  options: { locale?: TLocale; stages?: TDemoStage[] } = {},
): Promise<void> {
  const locale = options.locale ?? "nl";
  const stages = options.stages ?? DEMO_STAGES;
  const words = demoTexts[locale];
  const slackLocale = SLACK_LOCALES[locale];
  // The demo workspace: the bot is a member of both channels, as the README's setup leaves it.
  const standIn = await SlackStandIn.start({
    botToken: "xoxb-demo",
    defaultLocale: slackLocale,
    channels: {
      [DEMO_PEOPLE.dpoChannel]: { name: "privacy-incidenten", isPrivate: true },
      [DEMO_PEOPLE.managementChannel]: { name: "management" },
    },
  });
  standIn.setUser(DEMO_PEOPLE.staff, { real_name: words.people.staff });
  standIn.setUser(DEMO_PEOPLE.dpo, { real_name: words.people.dpo });
  standIn.setUser(DEMO_PEOPLE.manager, { real_name: words.people.manager });
  const signingSecret = crypto.randomBytes(16).toString("hex");
  const key = crypto.randomBytes(32);
  const loaded = loadSettings({
    SLACK_BOT_TOKEN: "xoxb-demo",
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: standIn.url,
    PORT: "0",
    DPO_USER_IDS: DEMO_PEOPLE.dpo,
    MANAGEMENT_USER_IDS: DEMO_PEOPLE.manager,
    DPO_CHANNEL_ID: DEMO_PEOPLE.dpoChannel,
    MANAGEMENT_CHANNEL_ID: DEMO_PEOPLE.managementChannel,
    DEFAULT_LOCALE: locale,
    LOG_LEVEL: "silent",
    DATALEK_ENCRYPTION_KEY: key.toString("base64"),
  });
  if (!loaded.ok) throw new Error(loaded.problems.join("; "));
  const register = loadRegisterFile("config/register.yaml");
  if (!register.ok) throw new Error(register.problems.join("; "));
  const database = await openDatabase({ kind: "pglite" }, createKeyRing(key));
  await migrateDatabase(database);
  const clock = new ManualClock(DEMO_START);
  const bot = withSlack(
    createBot({
      settings: loaded.settings,
      database,
      clock,
      logger: pino({ level: "silent" }),
      register: register.register,
      outboxIntervalMs: 50,
    }),
  );
  const { port } = await bot.start();
  const slack = new SlackClientSimulator({
    botUrl: `http://127.0.0.1:${port}/slack/events`,
    signingSecret,
    responseUrl: () => standIn.newResponseUrl(),
    newTriggerId: () => standIn.issueTriggerId(),
  });
  const texts = textsFor(locale);
  const audience: TAudience = {
    dpoChannel: DEMO_PEOPLE.dpoChannel,
    managementChannel: DEMO_PEOPLE.managementChannel,
    names: {
      [DEMO_PEOPLE.staff]: words.people.staffRole,
      [DEMO_PEOPLE.dpo]: words.people.dpoRole,
      [DEMO_PEOPLE.manager]: words.people.managerRole,
    },
    texts: words.show,
    someone: texts.common.someone,
  };
  /** What the demo says during a stage, at the point in Slack's calls where it happened. */
  let narration: { at: number; line: string }[] = [];
  const say = (line: string) => narration.push({ at: standIn.calls.length, line });
  const demo: TDemo = { bot, database, standIn, slack, clock, locale, texts, words, audience, reference: "", say };
  for (const line of words.intro) write(line);
  try {
    for (const stage of stages) {
      await stage.wait?.(demo);
      write(`\n=== ${stage.title(words)} · ${formatLocal(clock.now(), loaded.settings.TIMEZONE, locale)} ===`);
      const before = standIn.calls.length;
      narration = [];
      try {
        await stage.run(demo);
      } catch (error) {
        say(`  ! ${(error as Error).message.split("\n")[0]}`);
      }
      await settle(demo);
      const calls = standIn.calls.slice(before);
      const shown = visibleCalls(calls, stage.showHomes ?? false);
      calls.forEach((call, index) => {
        for (const said of narration.filter((entry) => entry.at === before + index)) write(said.line);
        if (!shown.includes(call)) return;
        const line = describeCall(call, audience);
        if (line) write(line);
      });
      for (const said of narration.filter((entry) => entry.at >= before + calls.length)) write(said.line);
    }
    write(`\n${words.say.done}`);
  } finally {
    await bot.stop();
    await database.close();
    await standIn.close();
  }
}
