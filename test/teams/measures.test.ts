// After the decision, from Teams, on PGlite and PostgreSQL: a measure added
// through its dialog (the owner picked with Teams' people picker, an Entra
// object id), the owner told in their personal chat and marking it done
// there, and the incident closed through the close dialog.
import { describe, expect, it } from "vitest";
import { announceInstallation } from "../../src/devtools/teams/teamsOrganisation.ts";
import { teamsPerson } from "../../src/teams/identity.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { cardOf, actionsOf, personalChat, seenText, useTeamsBotPerTest } from "./support/teamsHarness.ts";
import { takeAndDecide, thread } from "./support/teamsChecklist.ts";
import { dialogOf, executeVerb, openDialogByAction, reportThroughDialog, submitDialog } from "./support/teamsPeople.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe.each(DATABASE_KINDS)("Teams measures and closing on %s", (kind) => {
  const env = useTeamsBotPerTest(kind, { now: NOW });

  it("adds a measure through its dialog, its owner marks it done in the personal chat, and the incident is closed", async () => {
    const { staff, dpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    await takeAndDecide(env, dpo);
    const post = () => env.org.standIn.activity(env.org.dpoChannelId, thread(env)[0]!.id)!;

    const measureDialog = dialogOf(await openDialogByAction(env, dpo, post(), "measure_add"));
    const owner = JSON.stringify(measureDialog.card).includes('"dataset":"graph.microsoft.com/users"');
    expect(owner, "the owner is picked with Teams' people picker").toBe(true);
    const added = await submitDialog(
      env,
      dpo,
      measureDialog,
      { measure_what: "Zivver: ontvangerscontrole aanzetten", measure_owner: staff.aadObjectId, measure_due: "2026-12-07" },
      env.org.dpoChannelId,
    );
    expect(added.status).toBe(200);
    await env.settle();
    const measure = await env.database.prisma.correctiveMeasure.findFirstOrThrow();
    expect(measure.ownerId).toBe(teamsPerson(staff.aadObjectId));

    const told = personalChat(env.org, staff).find((message) =>
      actionsOf(cardOf(message)).some((action) => action.verb === "measure_done"),
    );
    expect(told, "the owner is told in the personal chat").toBeDefined();
    expect(seenText(told!)).toContain("ontvangerscontrole");
    await executeVerb(env, staff, told!, "measure_done");
    await env.settle();
    expect((await env.database.prisma.correctiveMeasure.findFirstOrThrow()).doneBy).toBe(teamsPerson(staff.aadObjectId));

    const closeAnswer = await openDialogByAction(env, dpo, post(), "incident_close");
    const closeDialog = dialogOf(closeAnswer);
    // High risk and the people concerned not recorded as informed: the dialog asks for the art. 34(3) exemption.
    const exemption = {
      art34_ground: "subsequent_measures",
      art34_reason: "De ontvanger heeft de e-mail aantoonbaar verwijderd.",
    };
    const closed = await submitDialog(env, dpo, closeDialog, exemption, env.org.dpoChannelId);
    expect(closed.status).toBe(200);
    await env.settle();
    const incident = await env.database.prisma.incident.findFirstOrThrow();
    expect(incident.closedBy).toBe(teamsPerson(dpo.aadObjectId));
    for (const message of thread(env)) expect(seenText(message)).not.toContain("Zorgplan");
  });

  it("refuses a dialog to someone who is not a privacy officer, and tells them why in their chat", async () => {
    const { staff, dpo, manager } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await announceInstallation(env.org, env.botUrl, manager);
    await reportThroughDialog(env, staff);
    await takeAndDecide(env, dpo);
    const post = env.org.standIn.activity(env.org.dpoChannelId, thread(env)[0]!.id)!;
    const answer = await openDialogByAction(env, manager, post, "measure_add");
    expect((answer.body as { task: { type: string } }).task.type).toBe("message");
    await env.settle();
    expect(await env.database.prisma.correctiveMeasure.count()).toBe(0);
    expect(seenText(personalChat(env.org, manager).at(-1)!)).toMatch(/privacyfunctionaris/);
  });
});
