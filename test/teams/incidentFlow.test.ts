// Taking an incident, the checklist in the post's thread, the assessment and
// the decision, from Teams, on PGlite and PostgreSQL: Universal Actions that
// update the cards in place, a dialog for the decision, and refusals told in
// the personal chat.
import { describe, expect, it } from "vitest";
import { announceInstallation } from "../../src/devtools/teams/teamsOrganisation.ts";
import { teamsPerson } from "../../src/teams/identity.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { actionsOf, cardOf, personalChat, seenText, useTeamsBotPerTest } from "./support/teamsHarness.ts";
import { answerNextQuestion, thread } from "./support/teamsChecklist.ts";
import { dialogOf, executeVerb, openDialogByAction, reportThroughDialog, submitDialog } from "./support/teamsPeople.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe.each(DATABASE_KINDS)("Teams incident flow on %s", (kind) => {
  const env = useTeamsBotPerTest(kind, { now: NOW });

  it("refuses a non-privacy officer's Take, and a privacy officer's Take updates the post in place and starts the checklist", async () => {
    const { staff, manager, dpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await announceInstallation(env.org, env.botUrl, manager);
    await reportThroughDialog(env, staff);
    const post = thread(env)[0]!;

    const refused = await executeVerb(env, manager, post, "incident_take");
    expect(refused.status).toBe(200);
    await env.settle();
    let incident = await env.database.prisma.incident.findFirstOrThrow();
    expect(incident.ownerId).toBeNull();
    expect(seenText(personalChat(env.org, manager).at(-1)!)).toMatch(/privacyfunctionaris/);
    expect(thread(env)).toHaveLength(1);

    const page = personalChat(env.org, dpo).at(-1)!;
    await executeVerb(env, dpo, page, "incident_take");
    await env.settle();
    incident = await env.database.prisma.incident.findFirstOrThrow();
    expect(incident.ownerId).toBe(teamsPerson(dpo.aadObjectId));
    const updated = env.org.standIn.activity(env.org.dpoChannelId, post.id)!;
    expect(updated.previousVersions.length).toBeGreaterThan(0);
    expect(actionsOf(cardOf(updated)).some((action) => action.verb === "incident_take")).toBe(false);
    expect(seenText(updated)).toContain("Priya de Boer");
    // The checklist in the post's thread, every card rendered as Teams renders it.
    const replies = thread(env).slice(1);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply.cardProblems).toEqual([]);
    expect(actionsOf(cardOf(replies[0]!)).some((action) => String(action.verb).startsWith("checklist_"))).toBe(true);
  });

  it("answers the checklist in the thread, confirms the assessment and records the decision through its dialog", async () => {
    const { staff, dpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    await executeVerb(env, dpo, personalChat(env.org, dpo).at(-1)!, "incident_take");
    await env.settle();

    let answered = 0;
    while (answered < 40 && (await answerNextQuestion(env, dpo))) {
      answered++;
      await env.settle();
    }
    expect(answered).toBeGreaterThan(5);
    const answers = await env.database.prisma.checklistAnswer.findMany({ where: { prefilled: false } });
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.every((answer) => answer.answeredBy === teamsPerson(dpo.aadObjectId))).toBe(true);

    const assessment = thread(env).find((message) =>
      actionsOf(cardOf(message)).some((action) => action.verb === "assessment_confirm"),
    );
    expect(assessment, "the assessment with its confirm button").toBeDefined();
    await executeVerb(env, dpo, assessment!, "assessment_confirm");
    await env.settle();
    const settled = env.org.standIn.activity(env.org.dpoChannelId, assessment!.id)!;
    const opened = await openDialogByAction(env, dpo, settled, "decision_not_notifiable");
    const dialog = dialogOf(opened);
    // A reason too short is answered under its field, in the dialog.
    const tooShort = dialogOf(await submitDialog(env, dpo, dialog, { reason: "kort" }, env.org.dpoChannelId));
    expect(JSON.stringify(tooShort.card)).toContain('"color":"Attention"');
    const reason = "Versleuteld verstuurd en direct teruggehaald; geen risico voor de betrokkenen.";
    const done = await submitDialog(env, dpo, tooShort, { reason }, env.org.dpoChannelId);
    expect(done.status).toBe(200);
    await env.settle();
    const incident = await env.database.prisma.incident.findFirstOrThrow();
    expect(incident.decision).toBe("not_notifiable");
    expect(incident.decidedBy).toBe(teamsPerson(dpo.aadObjectId));
    // Free text appears in no channel card.
    for (const message of thread(env)) expect(seenText(message)).not.toContain("Zorgplan");
  });
});
