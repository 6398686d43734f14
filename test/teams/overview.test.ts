// What Teams has instead of Slack's Home tab and /datalek words, on PGlite
// and PostgreSQL: the overview card in the personal chat (on installation
// and on "overzicht"), the status, help and list words, and reporting from
// any chat's compose box through the message extension.
import { describe, expect, it } from "vitest";
import { announceInstallation } from "../../src/devtools/teams/teamsOrganisation.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { actionsOf, cardOf, channelThreads, personalChat, seenText, useTeamsBotPerTest } from "./support/teamsHarness.ts";
import { dialogOf, reportInputs, reportThroughDialog, say } from "./support/teamsPeople.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe.each(DATABASE_KINDS)("Teams overview and commands on %s", (kind) => {
  const env = useTeamsBotPerTest(kind, { now: NOW });

  it("welcomes a person who installs the app with their overview and the report button", async () => {
    const { staff } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    const welcome = personalChat(env.org, staff).at(-1)!;
    expect(welcome.cardProblems).toEqual([]);
    expect(seenText(welcome)).toMatch(/Welkom/);
    const report = actionsOf(cardOf(welcome)).find((action) => (action.data as { action?: string })?.action === "home_report");
    expect(report?.type).toBe("Action.Submit");
    expect((report!.data as { msteams: { type: string } }).msteams.type).toBe("task/fetch");
  });

  it("shows a privacy officer the open incidents on 'overzicht', and answers status and help", async () => {
    const { staff, dpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    const overview = await say(env, dpo, "overzicht");
    expect(seenText(overview!)).toMatch(/Open incidenten \(1\)/);
    expect(seenText(overview!)).toMatch(/DL-2026-0001/);
    const status = await say(env, dpo, "status DL-2026-0001");
    expect(seenText(status!)).toMatch(/DL-2026-0001/);
    const help = await say(env, staff, "wat kan je");
    expect(seenText(help!)).toMatch(/status/);
    // The reporter's own overview lists their report, not the privacy officers' list.
    const own = await say(env, staff, "overzicht");
    expect(seenText(own!)).toMatch(/Jouw meldingen/);
    expect(seenText(own!)).not.toMatch(/Open incidenten/);
  });

  it("reports from a chat's compose box through the message extension", async () => {
    const { staff } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    const chat = env.org.standIn.personalConversationOf(staff.id)!;
    const opened = await env.org.standIn.sendActivity(
      env.botUrl,
      env.org.activities.messageExtensionFetchTask(staff.id, chat.id, "reportBreach"),
    );
    const dialog = dialogOf(opened);
    expect(dialog.title).toBe("Datalek melden");
    const submitted = await env.org.standIn.sendActivity(
      env.botUrl,
      env.org.activities.messageExtensionSubmitAction(staff.id, chat.id, "reportBreach", {
        ...dialog.submitData,
        ...reportInputs(),
      }),
    );
    expect(seenText(dialogOf(submitted).card)).toMatch(/DL-2026-0001/);
    await env.settle();
    expect(channelThreads(env.org, env.org.dpoChannelId)).toHaveLength(1);
  });
});
