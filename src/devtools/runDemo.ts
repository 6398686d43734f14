// `datalek demo`: one complete incident against the built-in Slack stand-in
// on a temporary embedded database, with a clock the demo moves forward, and
// a readable transcript of what staff, the privacy officer and management
// would see. Each stage is one function; adding a stage is adding one entry
// to DEMO_STAGES.
import crypto from "node:crypto";
import { pino } from "pino";
import { createBot, type TBot } from "../app/createBot.ts";
import { ManualClock } from "../core/time/clock.ts";
import { loadRegisterFile } from "../features/register/loadRegister.ts";
import { createKeyRing } from "../core/security/fieldCipher.ts";
import { loadSettings } from "../settings/loadSettings.ts";
import { migrateDatabase } from "../core/storage/migrateDatabase.ts";
import { openDatabase, type Database } from "../core/storage/openDatabase.ts";
import { describeCall, type TAudience } from "./renderTranscript.ts";
import { reportModalState, SlackClientSimulator, type StateValues } from "./slackRequests.ts";
import { SlackStandIn, type RecordedCall } from "./slackStandIn.ts";

export const DEMO_PEOPLE = {
  staff: "U0ANNEKE1",
  dpo: "U0PRIVACY",
  manager: "U0MANAGER",
  dpoChannel: "C0PRIVACY",
  managementChannel: "C0MANAGMT",
} as const;

export interface TDemo {
  bot: TBot;
  database: Database;
  standIn: SlackStandIn;
  slack: SlackClientSimulator;
  clock: ManualClock;
  reference: string;
  say(line: string): void;
}

export interface TDemoStage {
  title: string;
  /** Print the App Home publications of this stage (they repeat; shown once at the end). */
  showHomes?: boolean;
  run(demo: TDemo): Promise<void>;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function buttonsIn(blocks: unknown): { action_id: string; value?: string }[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as { elements?: unknown[]; accessory?: unknown }[]).flatMap((block) =>
    [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])].filter(
      (element): element is { action_id: string; value?: string } =>
        typeof (element as { action_id?: unknown }).action_id === "string",
    ),
  );
}

/** The latest message the bot sent that holds a button with this action id. */
function findButton(demo: TDemo, actionId: string): { call: RecordedCall; value?: string } | undefined {
  const posts = demo.standIn.calls.filter((call) => ["chat.postMessage", "chat.update"].includes(call.method) && !call.failed);
  for (const call of posts.reverse()) {
    const button = buttonsIn(call.args.blocks).find((element) => element.action_id === actionId);
    if (button) return { call, value: button.value };
  }
  return undefined;
}

async function settle(demo: TDemo): Promise<void> {
  for (let round = 0; round < 20; round++) {
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

export const DEMO_STAGES: TDemoStage[] = [
  {
    title: "1. Melden / report — een medewerker typt /datalek",
    async run(demo) {
      await demo.slack.slashCommand({ userId: DEMO_PEOPLE.staff, text: "" });
      await demo.standIn.waitForCalls("views.open", 1);
      const now = demo.clock.now();
      const answer = await demo.slack.viewSubmission({
        userId: DEMO_PEOPLE.staff,
        view: {
          id: "V0DEMOREPORT",
          callback_id: "datalek_report",
          state: {
            values: reportModalState({
              what_happened: "Overdrachtsverslag per ongeluk naar een verkeerd e-mailadres gestuurd (synthetisch voorbeeld).",
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
      demo.say(`  ✓ melding vastgelegd als ${incident.reference} (HTTP ${answer.status})`);
    },
  },
  {
    title: "2. Alarm / page — het DPO-kanaal, de privacyfunctionaris en de melder horen het",
    async run() {
      // The outbox delivers the channel post, the DPO's DM and the reporter's receipt.
    },
  },
  {
    title: "3. Oppakken / take — de privacyfunctionaris klikt op Oppakken",
    async run(demo) {
      const take = findButton(demo, "incident_take");
      if (!take) return demo.say("  (geen Oppakken-knop gevonden)");
      await demo.slack.blockAction({
        userId: DEMO_PEOPLE.dpo,
        actions: [{ action_id: "incident_take", value: take.value ?? demo.reference }],
        channelId: String(take.call.args.channel),
        messageTs: String(take.call.response?.ts ?? ""),
      });
    },
  },
  {
    title: "4. Checklist — de privacyfunctionaris beantwoordt de vragen in de thread",
    async run(demo) {
      const incident = await demo.database.prisma.incident.findUniqueOrThrow({ where: { reference: demo.reference } });
      const thread = { channelId: incident.channelId ?? DEMO_PEOPLE.dpoChannel, threadTs: incident.threadTs ?? undefined };
      const answer = async (action: Record<string, unknown>) => {
        await demo.slack.blockAction({ userId: DEMO_PEOPLE.dpo, actions: [action as never], ...thread });
        await settle(demo);
      };
      const button = (questionId: string, value: string) => ({
        action_id: `checklist_${questionId}_${value}`,
        type: "button",
        value,
      });
      // Prefilled answers from the report (data kinds, head count, recipient, stopped) are confirmed; the rest answered.
      await answer(button("personal_data", "yes"));
      await answer({
        action_id: "checklist_breach_types",
        type: "multi_static_select",
        selected_options: [{ value: "confidentiality", text: { type: "plain_text", text: "confidentiality" } }],
      });
      await answer({ action_id: "checklist_data_categories_confirm", type: "button", value: "confirm" });
      await answer({ action_id: "checklist_people_affected", type: "number_input", value: "4" });
      for (const [questionId, value] of [
        ["vulnerable_people", "yes"],
        ["identifiability", "maximum"],
        ["unintelligible", "no"],
        ["recipient", "known"],
        ["malicious", "no"],
        ["availability_impact", "none"],
        ["contained", "yes"],
        ["harm_observed", "no"],
      ] as const) {
        await answer(button(questionId, value));
      }
      const assessment = await demo.database.prisma.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
      if (!assessment) return demo.say("  (geen beoordeling ontstaan)");
      demo.say(`  ✓ beoordeling: ${assessment.level}`);
      await answer({ action_id: "assessment_confirm", type: "button", value: demo.reference });
      demo.say("  ✓ de privacyfunctionaris bevestigt de beoordeling");
    },
  },
  {
    title: "5. Aftellen / countdown — de klok gaat 25 uur vooruit",
    async run(demo) {
      demo.clock.advanceHours(25);
      await settle(demo);
      const status = await demo.slack.slashCommand({ userId: DEMO_PEOPLE.staff, text: `status ${demo.reference}` });
      demo.say(`  /datalek status ${demo.reference} (melder):`);
      for (const line of String((status.body as { text?: string }).text ?? "").split("\n")) demo.say(`      ${line}`);
    },
  },
  {
    title: "6. Besluit / decision — gemeld bij de AP, met het meldnummer",
    async run(demo) {
      const decide = findButton(demo, "decision_ap_notified");
      const triggerId = demo.standIn.issueTriggerId();
      await demo.slack.blockAction({
        userId: DEMO_PEOPLE.dpo,
        actions: [{ action_id: "decision_ap_notified", value: decide?.value ?? demo.reference }],
        channelId: DEMO_PEOPLE.dpoChannel,
        triggerId,
      });
      const opened = await demo.standIn
        .waitForCall("views.open", (call) => call.args.trigger_id === triggerId, 3000)
        .catch(() => undefined);
      if (!opened) return demo.say("  (nog niet in de demo: geen besluitvenster geopend)");
      const view = opened.args.view as { callback_id: string; private_metadata?: string };
      const values: StateValues = {
        ap_reference: { ap_reference: { type: "plain_text_input", value: "M-2026-123456" } },
        reason: { reason: { type: "plain_text_input", value: "Gezondheidsgegevens bij een onbekende ontvanger: melden." } },
      };
      const answer = await demo.slack.viewSubmission({
        userId: DEMO_PEOPLE.dpo,
        view: {
          id: String((opened.response?.view as { id?: string })?.id ?? "V0DEMODECIDE"),
          callback_id: view.callback_id,
          private_metadata: view.private_metadata ?? "",
          state: { values },
        },
      });
      const incident = await demo.database.prisma.incident.findUniqueOrThrow({ where: { reference: demo.reference } });
      demo.say(
        incident.decision
          ? `  ✓ besluit vastgelegd: ${incident.decision}, AP-kenmerk ${incident.apReference ?? "-"}`
          : `  besluit niet vastgelegd: ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
    },
  },
  {
    title: "7. Maatregelen en afsluiten / measures and close",
    async run(demo) {
      const incident = await demo.database.prisma.incident.findUniqueOrThrow({ where: { reference: demo.reference } });
      const submit = (callbackId: string, values: StateValues) =>
        demo.slack.viewSubmission({
          userId: DEMO_PEOPLE.dpo,
          view: {
            id: `V0DEMO${callbackId.toUpperCase()}`,
            callback_id: callbackId,
            private_metadata: demo.reference,
            state: { values },
          },
        });
      const due = new Date(demo.clock.now().getTime() + 7 * 24 * 3_600_000).toISOString().slice(0, 10);
      const added = await submit("measure_add", {
        measure_what: { measure_what: { type: "plain_text_input", value: "Adresboek in Zivver nalopen en instructie herhalen" } },
        measure_owner: { measure_owner: { type: "users_select", selected_user: DEMO_PEOPLE.dpo } as never },
        measure_due: { measure_due: { type: "datepicker", selected_date: due } as never },
      });
      await settle(demo);
      const measure = await demo.database.prisma.correctiveMeasure.findFirst({ where: { incidentId: incident.id } });
      if (!measure) return demo.say(`  maatregel niet vastgelegd: ${JSON.stringify(added.body).slice(0, 300)}`);
      demo.say(`  ✓ maatregel vastgelegd, uiterlijk ${measure.dueDate}`);
      await demo.slack.blockAction({
        userId: DEMO_PEOPLE.dpo,
        actions: [{ action_id: "measure_done", type: "button", value: measure.id } as never],
        channelId: DEMO_PEOPLE.dpo,
      });
      await settle(demo);
      const closed = await submit("incident_close", {
        close_reason: { close_reason: { type: "plain_text_input", value: "" } },
      });
      await settle(demo);
      const after = await demo.database.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
      demo.say(
        after.closedAt
          ? `  ✓ incident afgesloten door de privacyfunctionaris; over 14 dagen volgt de evaluatievraag`
          : `  niet afgesloten: ${JSON.stringify(closed.body).slice(0, 300)}`,
      );
    },
  },
  {
    title: "8. Overzicht / overview — App Home, lijst en export",
    showHomes: true,
    async run(demo) {
      await settle(demo);
      for (const user of [DEMO_PEOPLE.staff, DEMO_PEOPLE.dpo, DEMO_PEOPLE.manager]) {
        await sendHomeOpened(demo, user);
      }
      const list = await demo.slack.slashCommand({ userId: DEMO_PEOPLE.dpo, text: "lijst" });
      demo.say("  /datalek lijst (privacyfunctionaris):");
      for (const line of String((list.body as { text?: string }).text ?? "").split("\n")) demo.say(`      ${line}`);
      await demo.slack.slashCommand({ userId: DEMO_PEOPLE.dpo, text: "export" });
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

export async function runDemo(write: (line: string) => void, stages: TDemoStage[] = DEMO_STAGES): Promise<void> {
  // The demo workspace: the bot is a member of both channels, as the README's setup leaves it.
  const standIn = await SlackStandIn.start({
    botToken: "xoxb-demo",
    channels: {
      [DEMO_PEOPLE.dpoChannel]: { name: "privacy-incidenten", isPrivate: true },
      [DEMO_PEOPLE.managementChannel]: { name: "management" },
    },
  });
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
    LOG_LEVEL: "silent",
    DATALEK_ENCRYPTION_KEY: key.toString("base64"),
  });
  if (!loaded.ok) throw new Error(loaded.problems.join("; "));
  const register = loadRegisterFile("config/register.yaml");
  if (!register.ok) throw new Error(register.problems.join("; "));
  const database = await openDatabase({ kind: "pglite" }, createKeyRing(key));
  await migrateDatabase(database);
  // Monday morning, 09:30 local, so the working-hours rules show their normal face.
  const clock = new ManualClock(new Date());
  const bot = createBot({
    settings: loaded.settings,
    database,
    clock,
    logger: pino({ level: "silent" }),
    register: register.register,
    outboxIntervalMs: 50,
  });
  const { port } = await bot.start();
  const slack = new SlackClientSimulator({
    botUrl: `http://127.0.0.1:${port}/slack/events`,
    signingSecret,
    responseUrl: () => standIn.newResponseUrl(),
    newTriggerId: () => standIn.issueTriggerId(),
  });
  const audience: TAudience = {
    dpoChannel: DEMO_PEOPLE.dpoChannel,
    managementChannel: DEMO_PEOPLE.managementChannel,
    names: {
      [DEMO_PEOPLE.staff]: "medewerker Anneke",
      [DEMO_PEOPLE.dpo]: "privacyfunctionaris",
      [DEMO_PEOPLE.manager]: "management",
    },
  };
  const demo: TDemo = { bot, database, standIn, slack, clock, reference: "", say: write };
  write("datalek-bot demo: één incident van melding tot overzicht, zonder Slack-werkruimte (synthetische gegevens).");
  write("datalek-bot demo: one incident from report to overview, without a Slack workspace (synthetic data).\n");
  try {
    for (const stage of stages) {
      write(`\n=== ${stage.title} ===`);
      const before = standIn.calls.length;
      try {
        await stage.run(demo);
      } catch (error) {
        write(`  ! ${(error as Error).message.split("\n")[0]}`);
      }
      await settle(demo);
      const calls = standIn.calls.slice(before);
      // A message updated several times in one stage is shown once, as it ended.
      const lastUpdate = new Map<string, number>();
      calls.forEach((call, index) => {
        if (call.method === "chat.update") lastUpdate.set(`${call.args.channel}:${call.args.ts}`, index);
      });
      for (const [index, call] of calls.entries()) {
        if (call.failed || (call.method === "views.publish" && !stage.showHomes)) continue;
        if (call.method === "chat.update" && lastUpdate.get(`${call.args.channel}:${call.args.ts}`) !== index) continue;
        const line = describeCall(call, audience);
        if (line) write(line);
      }
    }
    write("\nKlaar / done.");
  } finally {
    await bot.stop();
    await database.close();
    await standIn.close();
  }
}
