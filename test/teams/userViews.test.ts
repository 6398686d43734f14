// User Specific Views (Universal Actions refresh), on PGlite and PostgreSQL:
// the privacy officers' channel post names the privacy officers the bot can
// reach; each one's client asks for their own version (their language); a
// reader who is no privacy officer or administrator gets the card without
// the buttons they may not use. Other readers keep the shared card.
import { describe, expect, it } from "vitest";
import type { StandInUser } from "../../src/devtools/teams/botConnectorStandIn.ts";
import { announceInstallation } from "../../src/devtools/teams/teamsOrganisation.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { actionsOf, cardOf, channelThreads, seenText, useTeamsBotPerTest, type TTeamsHarness } from "./support/teamsHarness.ts";
import { reportThroughDialog } from "./support/teamsPeople.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

async function refreshAs(env: TTeamsHarness, user: StandInUser, messageId: string, locale: string) {
  const activity = env.org.activities.cardAction(user.id, env.org.dpoChannelId, {
    verb: "datalek_refresh",
    replyToId: messageId,
    trigger: "automatic",
  });
  const answer = await env.org.standIn.sendActivity(env.botUrl, { ...activity, locale });
  expect(answer.status).toBe(200);
  expect(answer.cardProblems).toEqual([]);
  return env.org.standIn.cardSeenBy(env.org.dpoChannelId, messageId, user.id)!;
}

describe.each(DATABASE_KINDS)("Teams user specific views on %s", (kind) => {
  const env = useTeamsBotPerTest(kind, { now: NOW });

  it("gives each privacy officer the post in their own language, and a non-overseer no buttons", async () => {
    const { staff, dpo, secondDpo, manager } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    const post = channelThreads(env.org, env.org.dpoChannelId)[0]![0]!;
    const refresh = cardOf(post).refresh as { action: { verb: string }; userIds: string[] };
    expect(refresh.action.verb).toBe("datalek_refresh");
    expect(refresh.userIds.sort()).toEqual([dpo.id, secondDpo.id].sort());

    const english = await refreshAs(env, secondDpo, post.id, "en-GB");
    expect(seenText(english)).toMatch(/Data breach reported: DL-2026-0001/);
    expect(actionsOf(english).some((action) => action.verb === "incident_take")).toBe(true);
    // The others still see the shared (Dutch) card.
    expect(seenText(env.org.standIn.cardSeenBy(env.org.dpoChannelId, post.id, dpo.id)!)).toMatch(/Datalek gemeld: DL-2026-0001/);

    await announceInstallation(env.org, env.botUrl, manager);
    const managersView = await refreshAs(env, manager, post.id, "nl-NL");
    expect(seenText(managersView)).toMatch(/Datalek gemeld: DL-2026-0001/);
    // Only the refresh itself remains: no button a manager would be refused on.
    expect(actionsOf(managersView).map((action) => action.verb ?? action.type)).toEqual(["datalek_refresh"]);
    expect(seenText(managersView)).not.toContain("Zorgplan");
  });
});
