// The App Home tab, /datalek status and /datalek lijst, end to end: signed
// requests to the real bot, a real database, the Slack stand-in.
import { describe, expect, it } from "vitest";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { type RecordedCall } from "../support/slackStandIn.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { DPO_ID, SECOND_DPO_ID, STAFF_ID } from "../support/startTestBot.ts";
import { openHome, seconds, submitReport } from "./homeSupport.ts";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");
const OTHER_STAFF = "U0STAFF02";
const MANAGER = "U0MANAGE1";

type TBlock = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { action_id?: string }[];
  accessory?: { action_id: string; value?: string; style?: string };
};
const homeOf = (call: RecordedCall) => call.args.view as { type: string; blocks: TBlock[] };
const homeText = (call: RecordedCall) => JSON.stringify(homeOf(call).blocks);

describe.each(DATABASE_KINDS)("App Home, status and list on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW, settings: { MANAGEMENT_USER_IDS: MANAGER } });

  const lastHomeOf = async (userId: string, predicate: (call: RecordedCall) => boolean = () => true) =>
    env.standIn.waitForCall("views.publish", (call) => call.args.user_id === userId && predicate(call));

  it("shows staff a big report button that opens the report modal, and their own reports", async () => {
    expect((await openHome(env.harness, STAFF_ID)).status).toBe(200);
    const empty = await lastHomeOf(STAFF_ID);
    expect(homeOf(empty).type).toBe("home");
    const button = homeOf(empty)
      .blocks.flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === "home_report");
    expect(button).toBeDefined();
    expect(homeText(empty)).toContain("Datalek melden");
    expect(homeText(empty)).toContain("Je hebt nog niets gemeld");
    // Staff see no list of other people's incidents and no summary.
    expect(homeText(empty)).not.toContain("Open incidenten");

    const homeTrigger = env.standIn.issueTriggerId();
    const response = await env.harness.slack.blockAction({
      userId: STAFF_ID,
      actions: [{ action_id: "home_report", value: "report" }],
      view: { id: "V0HOMEVIEW", callback_id: "datalek_home", type: "home" },
      triggerId: homeTrigger,
    });
    expect(response.status).toBe(200);
    const opened = await env.standIn.waitForCall("views.open", (call) => call.args.trigger_id === homeTrigger);
    expect((opened.args.view as { callback_id: string }).callback_id).toBe("datalek_report");

    // A report refreshes the reporter's home: it now lists the reference.
    await submitReport(env.harness, NOW);
    const refreshed = await lastHomeOf(STAFF_ID, (call) => homeText(call).includes("DL-2026-0001"));
    expect(homeText(refreshed)).toContain("Gemeld, nog niet opgepakt");
    // No free text from the report on the home tab.
    expect(homeText(refreshed)).not.toContain("verkeerde ouder");
  });

  it("shows a DPO the open incidents, overdue first and highlighted, each with its next step and a button", async () => {
    // DL-2026-0001 discovered 80 hours ago: overdue. DL-2026-0002 discovered 2 hours ago.
    await submitReport(env.harness, NOW, { discovered_at: seconds(new Date(NOW.getTime() - 80 * 3_600_000)) });
    await submitReport(env.harness, NOW, {}, OTHER_STAFF);
    await env.standIn.waitForCalls("chat.postMessage", 8);
    await env.harness.bot.slack.outbox.kick();
    env.standIn.clear();

    await openHome(env.harness, DPO_ID);
    const home = await lastHomeOf(DPO_ID);
    const incidentBlocks = homeOf(home).blocks.filter((block) => block.block_id?.startsWith("home_incident_"));
    expect(incidentBlocks.map((block) => block.block_id)).toEqual(
      ["home_incident_DL-2026-0002", "home_incident_DL-2026-0001"].reverse(),
    );
    const [overdue, fresh] = incidentBlocks;
    expect(overdue!.text!.text).toMatch(/TE LAAT: 8 uur 0 min te laat/);
    expect(overdue!.accessory).toMatchObject({ action_id: "incident_take", value: "DL-2026-0001", style: "danger" });
    expect(fresh!.text!.text).toContain("nog 70 uur 0 min");
    expect(fresh!.text!.text).toContain("Volgende stap: Oppakken");
    expect(fresh!.accessory).toMatchObject({ action_id: "incident_take", value: "DL-2026-0002", style: "primary" });
    expect(homeText(home)).not.toContain("verkeerde ouder");

    // Taking one from the home tab: the DPOs' homes are refreshed with the next step.
    env.standIn.clear();
    await env.harness.slack.blockAction({
      userId: DPO_ID,
      actions: [{ action_id: "incident_take", value: "DL-2026-0002" }],
      view: { id: "V0HOMEDPO", callback_id: "datalek_home", type: "home" },
    });
    for (const dpo of [DPO_ID, SECOND_DPO_ID]) {
      const refreshed = await lastHomeOf(dpo, (call) => homeText(call).includes("Checklist invullen"));
      const block = homeOf(refreshed).blocks.find((b) => b.block_id === "home_incident_DL-2026-0002")!;
      expect(block.text!.text).toContain(`<@${DPO_ID}>`);
      expect(block.accessory).toMatchObject({ action_id: "home_open_thread" });
    }
    // The other reporter's home too.
    await lastHomeOf(OTHER_STAFF, (call) => homeText(call).includes("In behandeling"));
  });

  it("debounces refreshes: many changes while one waits give one refresh per person", async () => {
    await env.harness.bot.slack.homeTabs.stop();
    await submitReport(env.harness, NOW);
    await submitReport(env.harness, NOW);
    await submitReport(env.harness, NOW);
    const waiting = await env.harness.database.prisma.homeRefreshRequest.findMany();
    // One for the reporter, one for the privacy officers and management together.
    expect(waiting.map((row) => row.target).sort()).toEqual(["overseers", STAFF_ID].sort());
    // Refresh requests are not messages: the outbox holds only the messages of the three reports.
    expect(await env.harness.database.prisma.outboxMessage.count({ where: { kind: { startsWith: "home" } } })).toBe(0);
  });

  it("shows management a summary", async () => {
    await submitReport(env.harness, NOW, { discovered_at: seconds(new Date(NOW.getTime() - 80 * 3_600_000)) });
    await submitReport(env.harness, NOW);
    await openHome(env.harness, MANAGER);
    const home = await lastHomeOf(MANAGER, (call) => homeText(call).includes("home_summary"));
    const summary = homeOf(home).blocks.find((block) => block.block_id === "home_summary") as unknown as {
      fields: { text: string }[];
    };
    const fields = summary.fields.map((field) => field.text);
    expect(fields).toContain("*Open*\n2");
    expect(fields).toContain("*Te laat (geen besluit)*\n1");
    expect(fields).toContain("*Totaal in het register*\n2");
  });

  it("speaks English to a user whose Slack locale is English", async () => {
    env.standIn.setUserLocale(OTHER_STAFF, "en-US");
    await openHome(env.harness, OTHER_STAFF);
    const home = await lastHomeOf(OTHER_STAFF);
    expect(homeText(home)).toContain("Report a data breach");
    expect(homeText(home)).not.toContain("Datalek melden");
    const lookup = await env.standIn.waitForCall("users.info", (call) => call.args.user === OTHER_STAFF);
    expect(String(lookup.args.include_locale)).toBe("true");
  });

  it("answers /datalek status with the user's own reports and one report's state", async () => {
    const none = await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "status" });
    expect(none.body).toMatchObject({ response_type: "ephemeral" });
    expect((none.body as { text: string }).text).toContain("nog niets gemeld");

    await submitReport(env.harness, NOW);
    await submitReport(env.harness, NOW, {}, OTHER_STAFF);
    const own = (await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "status" })).body as {
      text: string;
      response_type: string;
    };
    expect(own.response_type).toBe("ephemeral");
    expect(own.text).toContain("DL-2026-0001");
    expect(own.text).not.toContain("DL-2026-0002");

    // The reporter sees the free text of their own report; another staff member does not.
    const mine = (await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "status DL-2026-0001" })).body as {
      text: string;
    };
    expect(mine.text).toContain("Gemeld, nog niet opgepakt");
    expect(mine.text).toContain("nog 70 uur 0 min");
    expect(mine.text).toContain("verkeerde ouder");
    const theirs = (await env.harness.slack.slashCommand({ userId: OTHER_STAFF, text: "status dl-2026-0001" })).body as {
      text: string;
    };
    expect(theirs.text).toContain("DL-2026-0001");
    expect(theirs.text).not.toContain("verkeerde ouder");
    const dpo = (await env.harness.slack.slashCommand({ userId: DPO_ID, text: "status DL-2026-0001" })).body as { text: string };
    expect(dpo.text).toContain("verkeerde ouder");
    expect(dpo.text).toContain("Volgende stap: Oppakken");
    const missing = (await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "status DL-2026-0099" })).body as {
      text: string;
    };
    expect(missing.text).toContain("niet gevonden");
  });

  it("answers /datalek lijst for DPOs with the open incidents, overdue first, and refuses staff", async () => {
    await submitReport(env.harness, NOW);
    await submitReport(env.harness, NOW, { discovered_at: seconds(new Date(NOW.getTime() - 73 * 3_600_000)) });
    const list = (await env.harness.slack.slashCommand({ userId: DPO_ID, text: "lijst" })).body as {
      text: string;
      response_type: string;
    };
    expect(list.response_type).toBe("ephemeral");
    expect(list.text).toContain("Open incidenten (2)");
    expect(list.text.indexOf("DL-2026-0002")).toBeLessThan(list.text.indexOf("DL-2026-0001"));
    expect(list.text).toMatch(/TE LAAT\* \*DL-2026-0002/);
    expect(list.text).not.toContain("verkeerde ouder");
    const english = (await env.harness.slack.slashCommand({ userId: DPO_ID, text: "list" })).body as { text: string };
    expect(english.text).toContain("DL-2026-0001");
    const refused = (await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "lijst" })).body as { text: string };
    expect(refused.text).toContain("Alleen privacyfunctionarissen");
    expect(refused.text).not.toContain("DL-2026");
  });
});
