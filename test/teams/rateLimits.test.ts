// Teams' rate limits (msteams-docs bots/how-to/rate-limit.md): a 429 with
// Retry-After pauses that kind of call for every replica until then, the
// message waits without counting as a failed attempt, and goes out once,
// after the pause; other kinds of call go on.
import { describe, expect, it } from "vitest";
import { announceInstallation } from "../../src/devtools/teams/teamsOrganisation.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { channelThreads, personalChat, useTeamsBotPerTest } from "./support/teamsHarness.ts";
import { reportThroughDialog } from "./support/teamsPeople.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe.each(DATABASE_KINDS)("Teams rate limits on %s", (kind) => {
  const env = useTeamsBotPerTest(kind, { now: NOW });

  it("waits out a 429 on starting the channel thread, and posts it once after Retry-After", async () => {
    const { staff, dpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    env.org.standIn.throttleNext("createConversation", 7);
    await reportThroughDialog(env, staff);

    expect(channelThreads(env.org, env.org.dpoChannelId)).toHaveLength(0);
    const post = await env.database.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "incident.post" } });
    expect(post.status).toBe("pending");
    expect(post.attempts).toBe(0);
    const pause = await env.database.prisma.rateLimitPause.findFirstOrThrow({ where: { platform: "teams" } });
    expect(pause.until.getTime() - NOW.getTime()).toBe(7000);
    expect(env.org.standIn.callsTo("createConversation").filter((call) => call.status === 429)).toHaveLength(1);

    env.clock.advance(6000);
    await env.settle();
    expect(channelThreads(env.org, env.org.dpoChannelId)).toHaveLength(0);

    env.clock.advance(2000);
    await env.settle();
    expect(channelThreads(env.org, env.org.dpoChannelId)).toHaveLength(1);
    expect(env.org.standIn.successfulCallsTo("createConversation")).toHaveLength(1);
    // The incident's messages go out in order: the pages follow the post.
    expect(personalChat(env.org, dpo).length).toBeGreaterThan(0);
  });
});
