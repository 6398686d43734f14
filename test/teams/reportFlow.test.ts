// A report from Teams end to end, on PGlite and PostgreSQL, against the
// strict Bot Connector stand-in: the dialog (errors field by field, the text
// stays), the post in the privacy officers' channel without the free text,
// the page in each privacy officer's personal chat with it, and the receipt.
import { describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { announceInstallation } from "../../src/devtools/teams/teamsOrganisation.ts";
import { actionsOf, cardOf, channelThreads, personalChat, seenText, useTeamsBotPerTest } from "./support/teamsHarness.ts";
import { dialogOf, openReportDialog, reportInputs, submitDialog } from "./support/teamsPeople.ts";

// Monday 23 November 2026, 10:00 in Amsterdam (CET, UTC+1).
const NOW = new Date("2026-11-23T09:00:00Z");
const DESCRIPTION = "Zorgplan van een client per ongeluk naar de verkeerde ouder gemaild (synthetisch voorbeeld).";

describe.each(DATABASE_KINDS)("Teams report flow on %s", (kind) => {
  const env = useTeamsBotPerTest(kind, { now: NOW });

  it("pages the privacy officers' channel and personal chats, and gives the reporter the reference", async () => {
    const { staff, dpo, secondDpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    const dialog = await openReportDialog(env, staff);
    expect(dialog.title).toBe("Datalek melden");

    const submitted = await submitDialog(env, staff, dialog, reportInputs());
    const done = dialogOf(submitted);
    expect(seenText(done.card)).toMatch(/DL-2026-0001/);

    await env.settle();
    const threads = channelThreads(env.org, env.org.dpoChannelId);
    expect(threads).toHaveLength(1);
    const post = threads[0]![0]!;
    expect(post.cardProblems).toEqual([]);
    const postText = seenText(post);
    expect(postText).toMatch(/DL-2026-0001/);
    // The deadline in local time: discovered 08:00 Amsterdam, 72 hours later.
    expect(postText).toMatch(/26-11-2026|26 nov/);
    expect(postText).toMatch(/08:00/);
    expect(postText).not.toContain("Zorgplan");
    expect(actionsOf(cardOf(post)).some((action) => action.type === "Action.Execute" && action.verb === "incident_take")).toBe(
      true,
    );

    for (const officer of [dpo, secondDpo]) {
      const page = personalChat(env.org, officer).at(-1)!;
      expect(page.cardProblems).toEqual([]);
      expect(seenText(page)).toContain(DESCRIPTION);
      expect(seenText(page)).toMatch(/DL-2026-0001/);
    }
    const receipt = personalChat(env.org, staff).at(-1)!;
    expect(seenText(receipt)).toMatch(/DL-2026-0001/);
  });

  it("answers invalid input field by field and keeps what was typed", async () => {
    const { staff } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    const dialog = await openReportDialog(env, staff);
    const answer = await submitDialog(env, staff, dialog, reportInputs({ system: "", people_affected: "-4" }));
    const again = dialogOf(answer);
    const whatHappened = (again.card.body as Record<string, unknown>[]).find((element) => element.id === "what_happened");
    expect(whatHappened?.value).toBe(DESCRIPTION);
    const errors = (again.card.body as Record<string, unknown>[]).filter((element) => element.color === "Attention");
    expect(errors.length).toBe(2);
    await env.settle();
    expect(channelThreads(env.org, env.org.dpoChannelId)).toHaveLength(0);
  });
});
