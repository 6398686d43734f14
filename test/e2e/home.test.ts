// The App Home tab, /datalek status and /datalek lijst, end to end: signed
// requests to the real bot, a real database, the Slack stand-in.
import { describe, expect, it } from "vitest";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { type RecordedCall } from "../support/slackStandIn.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { DPO_ID, SECOND_DPO_ID, STAFF_ID } from "../support/startTestBot.ts";
import { slackPerson } from "../../src/slack/identity.ts";
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
/** An incident on the home tab: its line (the section naming it) and its buttons (the actions block named after it). */
const incidentOn = (call: RecordedCall, reference: string) => {
  const blocks = homeOf(call).blocks;
  return {
    text: blocks.find((block) => block.type === "section" && block.text?.text.startsWith(`*${reference}*`))?.text?.text ?? "",
    buttons: blocks.find((block) => block.block_id === `home_incident_${reference}`)?.elements ?? [],
  };
};
/** What a command's answer says: its summary line and the text of its blocks. */
const answerText = (body: unknown) => {
  const answer = body as { text?: string; blocks?: TBlock[] };
  return [answer.text ?? "", ...(answer.blocks ?? []).map((block) => block.text?.text ?? "")].join("\n");
};

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
    const order = homeOf(home)
      .blocks.filter((block) => block.type === "section" && /^\*DL-2026-\d{4}\*/.test(block.text?.text ?? ""))
      .map((block) => block.text!.text.slice(1, 13));
    expect(order).toEqual(["DL-2026-0001", "DL-2026-0002"]);
    const overdue = incidentOn(home, "DL-2026-0001");
    const fresh = incidentOn(home, "DL-2026-0002");
    expect(overdue.text).toMatch(/TE LAAT: 8 uur te laat/);
    expect(overdue.buttons).toEqual([
      expect.objectContaining({ action_id: "incident_take", value: "DL-2026-0001", style: "danger" }),
    ]);
    expect(fresh.text).toContain("nog 70 uur");
    expect(fresh.text).toContain("Volgende stap: Oppakken");
    expect(fresh.buttons).toEqual([
      expect.objectContaining({ action_id: "incident_take", value: "DL-2026-0002", style: "primary" }),
    ]);
    expect(homeText(home)).not.toContain("verkeerde ouder");

    // Taking one from the home tab: the DPOs' homes are refreshed with the next step
    // (the second privacy officer has opened the tab too: only opened tabs are kept up to date).
    await openHome(env.harness, SECOND_DPO_ID);
    await openHome(env.harness, OTHER_STAFF);
    env.standIn.clear();
    await env.harness.slack.blockAction({
      userId: DPO_ID,
      actions: [{ action_id: "incident_take", value: "DL-2026-0002" }],
      view: { id: "V0HOMEDPO", callback_id: "datalek_home", type: "home" },
    });
    for (const dpo of [DPO_ID, SECOND_DPO_ID]) {
      const refreshed = await lastHomeOf(dpo, (call) => homeText(call).includes("Checklist invullen"));
      const taken = incidentOn(refreshed, "DL-2026-0002");
      expect(taken.text).toContain(`<@${DPO_ID}>`);
      // The take button goes; the line links to the incident's thread instead.
      expect(taken.buttons).toEqual([]);
      expect(taken.text).toMatch(/<https:\/\/slack\.com\/archives\/C0DPOCHAN\/p\d+\|Naar de thread>/);
    }
    // The other reporter's home too.
    await lastHomeOf(OTHER_STAFF, (call) => homeText(call).includes("In behandeling"));
  });

  it("keeps only opened tabs up to date: nothing is published for someone who never opened theirs, a fresh tab when they do", async () => {
    await openHome(env.harness, DPO_ID);
    env.standIn.clear();
    await submitReport(env.harness, NOW);
    await env.standIn.waitForCalls("chat.postMessage", 4);
    await env.harness.bot.slack.homeTabs.kick();
    const published = () => env.standIn.successfulCallsTo("views.publish").map((call) => call.args.user_id);
    // The privacy officer who opened the tab sees the new report; the other one, and the reporter, get nothing published.
    expect(published()).toContain(DPO_ID);
    expect(published()).not.toContain(SECOND_DPO_ID);
    expect(published()).not.toContain(STAFF_ID);
    // Opening it shows the report at once.
    await openHome(env.harness, SECOND_DPO_ID);
    const home = await lastHomeOf(SECOND_DPO_ID);
    expect(homeText(home)).toContain("DL-2026-0001");
  });

  it("debounces refreshes: many changes while one waits give one refresh per person", async () => {
    await env.harness.bot.slack.homeTabs.stop();
    await submitReport(env.harness, NOW);
    await submitReport(env.harness, NOW);
    await submitReport(env.harness, NOW);
    const waiting = await env.harness.database.prisma.overviewRefreshRequest.findMany();
    // One for the reporter, one for the privacy officers and management together.
    expect(waiting.map((row) => row.target).sort()).toEqual(["overseers", slackPerson(STAFF_ID)].sort());
    // Refresh requests are not messages: the outbox holds only the messages of the three reports.
    expect(await env.harness.database.prisma.outboxMessage.count({ where: { kind: { startsWith: "home" } } })).toBe(0);
  });

  it("shows management a summary", async () => {
    await submitReport(env.harness, NOW, { discovered_at: seconds(new Date(NOW.getTime() - 80 * 3_600_000)) });
    await submitReport(env.harness, NOW);
    await openHome(env.harness, MANAGER);
    const home = await lastHomeOf(MANAGER, (call) => homeText(call).includes("Totaal in het register"));
    const summary = homeOf(home).blocks.find((block) => "fields" in block) as unknown as {
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

  it("answers /datalek status with the user's own reports, and one report's state only to those who may see it", async () => {
    const status = async (userId: string, text: string) => {
      const answer = await env.harness.slack.slashCommand({ userId, text });
      expect(answer.body).toMatchObject({ response_type: "ephemeral" });
      return answerText(answer.body);
    };
    expect(await status(STAFF_ID, "status")).toContain("nog niets gemeld");

    await submitReport(env.harness, NOW);
    await submitReport(env.harness, NOW, {}, OTHER_STAFF);
    const own = await status(STAFF_ID, "status");
    expect(own).toContain("DL-2026-0001");
    expect(own).not.toContain("DL-2026-0002");

    // The reporter sees the state and the free text of their own report.
    const mine = await status(STAFF_ID, "status DL-2026-0001");
    expect(mine).toContain("Gemeld, nog niet opgepakt");
    expect(mine).toContain("nog 70 uur");
    expect(mine).toContain("verkeerde ouder");
    // A privacy officer sees it all, with the next step; management the state without the free text.
    const dpo = await status(DPO_ID, "status DL-2026-0001");
    expect(dpo).toContain("verkeerde ouder");
    expect(dpo).toContain("Volgende stap: Oppakken");
    const manager = await status(MANAGER, "status DL-2026-0001");
    expect(manager).toContain("Gemeld, nog niet opgepakt");
    expect(manager).not.toContain("verkeerde ouder");

    // Anyone else gets exactly the answer a reference that does not exist gets (references are sequential).
    expect(await status(STAFF_ID, "status DL-2026-0099")).toContain("DL-2026-0099 niet gevonden");
    const missing = await status(OTHER_STAFF, "status DL-2026-0099");
    const theirs = await status(OTHER_STAFF, "status dl-2026-0001");
    expect(theirs).toBe(missing.replaceAll("DL-2026-0099", "DL-2026-0001"));
    expect(theirs).not.toContain("verkeerde ouder");
    expect(theirs).not.toContain("Gemeld, nog niet opgepakt");
  });

  it("answers /datalek lijst for DPOs with the open incidents, overdue first, and refuses staff", async () => {
    await submitReport(env.harness, NOW);
    await submitReport(env.harness, NOW, { discovered_at: seconds(new Date(NOW.getTime() - 73 * 3_600_000)) });
    const answer = await env.harness.slack.slashCommand({ userId: DPO_ID, text: "lijst" });
    expect(answer.body).toMatchObject({ response_type: "ephemeral" });
    const list = answerText(answer.body);
    expect(list).toContain("Open incidenten (2)");
    expect(list.indexOf("DL-2026-0002")).toBeLessThan(list.indexOf("DL-2026-0001"));
    expect(list).toMatch(/TE LAAT\* \*DL-2026-0002/);
    expect(list).not.toContain("verkeerde ouder");
    const english = answerText((await env.harness.slack.slashCommand({ userId: DPO_ID, text: "list" })).body);
    expect(english).toContain("DL-2026-0001");
    const refused = answerText((await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "lijst" })).body);
    expect(refused).toContain("Alleen privacyfunctionarissen");
    expect(refused).not.toContain("DL-2026");
  });
});
