// A report is stored in one statement before the reporter is answered and
// registered (timeline, messages, countdown) just after. If the process
// dies in between, the report's durable job registers it; whichever of the
// two comes second finds nothing to do, so nothing is lost or doubled.
import { describe, expect, it } from "vitest";
import { receiveReport } from "../../src/features/report/receiveReport.ts";
import { registerReport } from "../../src/features/report/registerReport.ts";
import { REGISTRATION_GRACE_SECONDS } from "../../src/features/report/reportJobKinds.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { DPO_CHANNEL, DPO_ID, SECOND_DPO_ID, STAFF_ID } from "../support/startTestBot.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { submitReport } from "./homeSupport.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

const report = {
  whatHappened: "Medicatieoverzicht naar het verkeerde e-mailadres gestuurd (synthetisch voorbeeld).",
  discoveredAt: new Date("2026-11-23T08:00:00Z"),
  occurredAt: null,
  system: "zivver",
  dataKinds: ["health"],
  peopleAffected: 2,
  stopped: "yes",
  recipient: "known",
} as const;

describe.each(DATABASE_KINDS)("registering a stored report on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW });

  const storeOnly = async () => {
    const result = await receiveReport(env.harness.bot.deps, {
      report: { ...report, dataKinds: [...report.dataKinds] },
      reporter: slackPerson(STAFF_ID),
      submissionKey: "V0CUTOFF",
    });
    if (result.outcome !== "created") throw new Error(`not created: ${result.outcome}`);
    return result.incident;
  };

  it("registers a report whose registration was cut off, by its job, once", async () => {
    const stored = await storeOnly();
    const prisma = env.harness.database.prisma;
    // Stored, answered, and then the process died: nothing else was written.
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      reference: "DL-2026-0001",
      registeredAt: null,
      whatHappened: report.whatHappened,
    });
    expect(await prisma.timelineEntry.count()).toBe(0);
    expect(await prisma.outboxMessage.count()).toBe(0);

    // The job leaves the front end its few seconds first.
    await env.harness.bot.scheduler.tick();
    expect(await prisma.timelineEntry.count()).toBe(0);
    env.clock.advance(REGISTRATION_GRACE_SECONDS * 1000);
    await env.harness.bot.scheduler.tick();
    const registered = await prisma.incident.findUniqueOrThrow({ where: { id: stored.id } });
    expect(registered.registeredAt?.toISOString()).toBe(NOW.toISOString());
    expect(await prisma.timelineEntry.findMany({ select: { kind: true, actorId: true } })).toEqual([
      { kind: "reported", actorId: slackPerson(STAFF_ID) },
    ]);
    expect(await prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: `report.register:${stored.id}` } })).toMatchObject({
      status: "done",
      outcome: { registeredBy: "job" },
    });
    // The post, a page per privacy officer and the receipt, each once.
    await env.harness.bot.slack.outbox.kick();
    const posts = env.standIn.successfulCallsTo("chat.postMessage");
    expect(posts.filter((call) => call.args.channel === DPO_CHANNEL)).toHaveLength(1);
    for (const person of [DPO_ID, SECOND_DPO_ID, STAFF_ID])
      expect(posts.filter((call) => call.args.channel === person)).toHaveLength(1);

    // The front end's registration, arriving late, finds nothing to do.
    expect(await registerReport(env.harness.bot.deps, stored.id)).toBe(false);
    await env.harness.bot.scheduler.tick();
    expect(await prisma.timelineEntry.count()).toBe(0 + 1);
    expect(await prisma.outboxMessage.count()).toBe(4);
  });

  it("marks the job done when the front end registers the report right after answering", async () => {
    // The scheduler's own tick (every few seconds) could fall between the
    // answer and the registration and let the job win, correctly but not
    // what this test looks at: it ticks by hand below.
    await env.harness.bot.scheduler.stop();
    const answer = await submitReport(env.harness, NOW);
    expect(answer.body).toMatchObject({ response_action: "update" });
    await env.standIn.waitForCalls("chat.postMessage", 4);
    const prisma = env.harness.database.prisma;
    const incident = await prisma.incident.findFirstOrThrow();
    expect(incident.registeredAt).not.toBeNull();
    expect(await prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: `report.register:${incident.id}` } })).toMatchObject(
      {
        status: "done",
        outcome: { registeredBy: "front_end" },
      },
    );
    await env.harness.bot.scheduler.tick();
    expect(await prisma.timelineEntry.count({ where: { kind: "reported" } })).toBe(1);
    expect(await prisma.outboxMessage.count()).toBe(4);
  });
});
