// The countdown from Teams, as proactive messages, on PGlite and PostgreSQL:
// re-pages while nobody takes the incident (and management told in its
// channel), reminders before the deadline, the overdue escalation to the
// management channel, and a restart that repeats nothing.
import { describe, expect, it } from "vitest";
import { announceInstallation } from "../../src/devtools/teams/teamsOrganisation.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { actionsOf, cardOf, channelThreads, personalChat, seenText, useTeamsBotPerTest } from "./support/teamsHarness.ts";
import { executeVerb, reportThroughDialog } from "./support/teamsPeople.ts";

// Monday 23 November 2026, 10:00 in Amsterdam; discovered at 08:00, so the deadline is Thursday 26 November 08:00 (07:00 UTC).
const NOW = new Date("2026-11-23T09:00:00Z");
const DEADLINE = new Date("2026-11-26T07:00:00Z");
const minutes = (n: number) => n * 60_000;
const hours = (n: number) => n * 3_600_000;

describe.each(DATABASE_KINDS)("Teams countdown on %s", (kind) => {
  const env = useTeamsBotPerTest(kind, { now: NOW });

  it("pages again after 30 minutes and tells the management channel, until a privacy officer takes it", async () => {
    const { staff, dpo, secondDpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    const pagesBefore = personalChat(env.org, secondDpo).length;
    expect(channelThreads(env.org, env.org.managementChannelId)).toHaveLength(0);

    env.clock.advance(minutes(31));
    await env.tick();
    expect(personalChat(env.org, secondDpo).length).toBe(pagesBefore + 1);
    const repage = personalChat(env.org, secondDpo).at(-1)!;
    expect(repage.cardProblems).toEqual([]);
    expect(actionsOf(cardOf(repage)).some((action) => action.verb === "incident_take")).toBe(true);
    const management = channelThreads(env.org, env.org.managementChannelId);
    expect(management).toHaveLength(1);
    expect(seenText(management[0]![0]!)).toMatch(/DL-2026-0001/);
    expect(seenText(management[0]![0]!)).not.toContain("Zorgplan");

    await executeVerb(env, dpo, personalChat(env.org, dpo).at(-1)!, "incident_take");
    await env.settle();
    // The re-page sent loses its button at once, in place.
    const updated = env.org.standIn.activity(repage.conversationId, repage.id)!;
    expect(actionsOf(cardOf(updated)).some((action) => action.verb === "incident_take")).toBe(false);
    const after = personalChat(env.org, secondDpo).length;
    env.clock.advance(hours(3));
    await env.tick();
    expect(personalChat(env.org, secondDpo).length).toBe(after);
  });

  it("reminds the owner before the deadline and escalates an overdue incident to the management channel", async () => {
    const { staff, dpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    await executeVerb(env, dpo, personalChat(env.org, dpo).at(-1)!, "incident_take");
    await env.settle();
    const ownerMessages = personalChat(env.org, dpo).length;

    env.clock.set(new Date(DEADLINE.getTime() - hours(48) + minutes(1)));
    await env.tick();
    const reminder = personalChat(env.org, dpo).slice(ownerMessages);
    expect(reminder.length).toBeGreaterThan(0);
    expect(seenText(reminder.at(-1)!)).toMatch(/DL-2026-0001/);
    expect(seenText(reminder.at(-1)!)).toMatch(/nog 47 uur en 59 minuten/);
    expect(channelThreads(env.org, env.org.managementChannelId)).toHaveLength(0);

    env.clock.set(new Date(DEADLINE.getTime() + minutes(1)));
    await env.tick();
    const management = channelThreads(env.org, env.org.managementChannelId);
    expect(management).toHaveLength(1);
    expect(management[0]![0]!.cardProblems).toEqual([]);
    expect(seenText(management[0]![0]!)).toMatch(/DL-2026-0001/);
    expect(seenText(management[0]![0]!)).not.toContain("Zorgplan");
  });

  it("repeats nothing after a restart", async () => {
    const { staff } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    env.clock.advance(minutes(31));
    await env.tick();
    const sent =
      env.org.standIn.successfulCallsTo("sendToConversation").length +
      env.org.standIn.successfulCallsTo("createConversation").length;
    const updates = env.org.standIn.successfulCallsTo("updateActivity").length;

    await env.restart();
    await env.tick();
    await env.settle();
    expect(
      env.org.standIn.successfulCallsTo("sendToConversation").length +
        env.org.standIn.successfulCallsTo("createConversation").length,
    ).toBe(sent);
    expect(env.org.standIn.successfulCallsTo("updateActivity").length).toBe(updates);
    expect(await env.database.prisma.outboxMessage.count({ where: { status: { not: "delivered" } } })).toBe(0);
  });
});
