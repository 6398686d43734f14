// Awareness correction, the notification drafts, the AP follow-up and the
// notice to the people concerned, end to end over HTTP.
import { describe, expect, it } from "vitest";
import { selectedOption, type StateValues } from "../support/slackRequests.ts";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { DPO_CHANNEL, DPO_ID, STAFF_ID } from "../support/startTestBot.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { HOUR, reportAndPost, runScheduler, seconds, settleOutbox, threadReminders } from "../scheduler/countdownHarness.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
const DISCOVERED = new Date(NOW.getTime() - 2 * HOUR);

describe.each(DATABASE_KINDS)("notifications on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW });

  const click = (userId: string, actionId: string, reference: string, threadTs: string) =>
    env.harness.slack.blockAction({
      userId,
      channelId: DPO_CHANNEL,
      messageTs: threadTs,
      actions: [{ action_id: actionId, value: reference }],
    });
  const submit = (userId: string, callbackId: string, reference: string, values: StateValues) =>
    env.harness.slack.viewSubmission({
      userId,
      view: { callback_id: callbackId, private_metadata: reference, state: { values } },
    });
  const awarenessValues = (awarenessAt: Date | null, reason: string | null): StateValues => ({
    awareness_at: { awareness_at: { type: "datetimepicker", selected_date_time: awarenessAt ? seconds(awarenessAt) : null } },
    reason: { reason: { type: "plain_text_input", value: reason } },
  });

  it("puts the awareness and draft buttons on the channel post", async () => {
    const { reference } = await reportAndPost(env.harness, DISCOVERED);
    const post = env.standIn.successfulCallsTo("chat.postMessage").find((call) => call.args.channel === DPO_CHANNEL)!;
    const buttons = (post.args.blocks as { elements?: { action_id?: string; value?: string }[] }[]).flatMap(
      (b) => b.elements ?? [],
    );
    for (const id of ["incident_take", "awareness_correct", "draft_ap_notification"]) {
      expect(buttons.find((button) => button.action_id === id)?.value, id).toBe(reference);
    }
  });

  it("lets a DPO correct the awareness time, which moves the deadline and every reminder", async () => {
    const { reference, threadTs, incidentId } = await reportAndPost(env.harness, DISCOVERED, {
      occurred_at: seconds(new Date(NOW.getTime() - 40 * HOUR)),
    });
    // A staff member may not.
    await click(STAFF_ID, "awareness_correct", reference, threadTs);
    const refusal = await env.standIn.waitForCall("chat.postEphemeral");
    expect(refusal.args.user).toBe(STAFF_ID);
    expect(env.standIn.callsTo("views.open")).toHaveLength(0);

    await click(DPO_ID, "awareness_correct", reference, threadTs);
    const opened = await env.standIn.waitForCall("views.open");
    const view = opened.args.view as {
      callback_id: string;
      blocks: { block_id?: string; element?: { type: string; action_id: string } }[];
    };
    expect(view.callback_id).toBe("awareness_correction");
    expect(view.blocks.find((block) => block.block_id === "awareness_at")?.element).toMatchObject({
      type: "datetimepicker",
      action_id: "awareness_at",
    });

    // Field by field: in the future; before the occurrence; no reason.
    const future = await submit(
      DPO_ID,
      "awareness_correction",
      reference,
      awarenessValues(new Date(NOW.getTime() + 10 * 60_000), "x"),
    );
    expect(Object.keys((future.body as { errors: object }).errors)).toEqual(["awareness_at"]);
    const early = await submit(
      DPO_ID,
      "awareness_correction",
      reference,
      awarenessValues(new Date(NOW.getTime() - 41 * HOUR), "x"),
    );
    expect(Object.keys((early.body as { errors: object }).errors)).toEqual(["awareness_at"]);
    const noReason = await submit(
      DPO_ID,
      "awareness_correction",
      reference,
      awarenessValues(new Date(NOW.getTime() - 30 * HOUR), " "),
    );
    expect(Object.keys((noReason.body as { errors: object }).errors)).toEqual(["reason"]);
    const skew = await submit(
      DPO_ID,
      "awareness_correction",
      reference,
      awarenessValues(new Date(NOW.getTime() + 4 * 60_000), ""),
    );
    expect(Object.keys((skew.body as { errors: object }).errors)).toEqual(["reason"]);

    // Aware 30 hours ago: the deadline is 42 hours from now.
    const corrected = await submit(
      DPO_ID,
      "awareness_correction",
      reference,
      awarenessValues(new Date(NOW.getTime() - 30 * HOUR), "Teamleider wist het al uit een telefoontje (synthetisch)."),
    );
    expect(corrected.status).toBe(200);
    expect(corrected.body).toBe("");
    const incident = await env.harness.database.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(incident.awarenessAt.toISOString()).toBe(new Date(NOW.getTime() - 30 * HOUR).toISOString());
    expect(incident.deadlineAt.toISOString()).toBe(new Date(NOW.getTime() + 42 * HOUR).toISOString());
    const entry = await env.harness.database.prisma.timelineEntry.findFirstOrThrow({
      where: { incidentId, kind: "awareness_corrected" },
    });
    expect(entry.actorId).toBe(slackPerson(DPO_ID));
    expect(entry.details).toMatchObject({ reason: "Teamleider wist het al uit een telefoontje (synthetisch)." });

    // The channel post shows the new deadline (Wed 25 Nov 04:00 Amsterdam); the thread is told, without the reason.
    const update = await env.standIn.waitForCall("chat.update", (call) =>
      JSON.stringify(call.args).includes("wo 25 nov 2026 04:00"),
    );
    expect(update.args.ts).toBe(threadTs);
    await runScheduler(env.harness);
    const threadPosts = env.standIn.successfulCallsTo("chat.postMessage").filter((call) => call.args.thread_ts === threadTs);
    expect(JSON.stringify(threadPosts.map((call) => call.args))).not.toContain("telefoontje");
    expect(JSON.stringify(threadPosts.map((call) => call.args))).toContain("gecorrigeerd");

    // The 48-hour mark of the new deadline has passed: that one reminder at once.
    const reminders = threadReminders(env.standIn, threadTs);
    expect(reminders).toHaveLength(1);
    expect(JSON.stringify(reminders[0]!.args)).toContain("nog 42 uur tot de deadline");
    const jobs = await env.harness.database.prisma.scheduledJob.findMany({ where: { incidentId, kind: "countdown.reminder" } });
    const oldSeries = jobs.filter((job) => job.dedupeKey.includes("2026-11-26T07:00:00.000Z"));
    expect(oldSeries.map((job) => job.status).sort()).toEqual(Array(6).fill("cancelled"));

    // The new 24-hour mark comes 18 hours from now; the old one (46 hours) never.
    env.clock.set(new Date(NOW.getTime() + 18 * HOUR));
    await runScheduler(env.harness);
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(2);
    expect(JSON.stringify(threadReminders(env.standIn, threadTs)[1]!.args)).toContain("nog 24 uur tot de deadline");
    env.clock.set(new Date(NOW.getTime() + 42 * HOUR));
    await runScheduler(env.harness);
    const atDeadline = threadReminders(env.standIn, threadTs).length;
    env.clock.set(new Date(NOW.getTime() + 46 * HOUR));
    await runScheduler(env.harness);
    expect(threadReminders(env.standIn, threadTs)).toHaveLength(atDeadline);
    expect(String(threadReminders(env.standIn, threadTs).at(-1)!.args.text)).toContain("verstreken");
  });

  it("drafts the AP notification as a DM and a file, for a DPO only", async () => {
    const { reference, threadTs, incidentId } = await reportAndPost(env.harness, DISCOVERED);
    await click(STAFF_ID, "draft_ap_notification", reference, threadTs);
    await env.standIn.waitForCall("chat.postEphemeral");
    // A checklist answer, as the checklist (issue 3) stores it.
    await env.harness.database.prisma.checklistAnswer.create({
      data: {
        incidentId,
        questionId: "breach_types",
        value: ["confidentiality"],
        answeredBy: slackPerson(DPO_ID),
        answeredAt: NOW,
      },
    });
    await click(DPO_ID, "draft_ap_notification", reference, threadTs);
    const dm = await env.standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.channel === DPO_ID && /Concept melding/.test(String(call.args.text)),
    );
    const dmText = JSON.stringify(dm.args.blocks);
    // Where the DPO clicked, they are told where the draft went (issue 11: every click answered).
    const told = await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === DPO_ID);
    expect(JSON.stringify(told.args)).toContain("staat in je privéberichten");
    expect(dmText).toContain("Over deze melding");
    // The DPO may read the report's text; in a DM only.
    expect(dmText).toContain("collega-instelling");
    await env.standIn.waitForCalls("files.completeUploadExternal", 1);
    expect(env.standIn.uploads).toHaveLength(1);
    const upload = env.standIn.uploads[0]!;
    expect(upload.channel_id).toBe(env.standIn.dmChannelFor(DPO_ID));
    expect(upload.filename).toBe(`concept-melding-AP-${reference}.txt`);
    const order = [
      "Over deze melding",
      "Contactgegevens",
      "Tijdlijn",
      "Aard van het datalek",
      "Persoonsgegevens",
      "Betrokkenen",
      "Maatregelen vooraf",
      "Gevolgen",
    ];
    const positions = order.map((title, index) => upload.content.indexOf(`${index + 1}. ${title}\n`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(upload.content).toContain("Inzage of verstrekking aan onbevoegden");
    // Zivver's security measures from the register are the measures before.
    expect(upload.content).toContain("End-to-end encryptie van berichten");
    expect(upload.content).toContain("NOG INVULLEN");
    const timeline = await env.harness.database.prisma.timelineEntry.findMany({ where: { incidentId }, orderBy: { id: "asc" } });
    expect(timeline.map((entry) => [entry.kind, entry.actorId])).toEqual(
      expect.arrayContaining([
        ["draft_ap_notification_refused", slackPerson(STAFF_ID)],
        ["draft_requested", slackPerson(DPO_ID)],
      ]),
    );
  });

  it("records follow-up notifications and a withdrawal against the AP reference", async () => {
    const { reference, threadTs, incidentId } = await reportAndPost(env.harness, DISCOVERED);
    // Before the AP was notified, a follow-up does not apply: the click is answered, no form opens.
    await click(DPO_ID, "ap_followup", reference, threadTs);
    const notYet = await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === DPO_ID);
    expect(JSON.stringify(notYet.args)).toContain("doet niets meer");
    expect(env.standIn.callsTo("views.open")).toHaveLength(0);
    // The decision modal (issue 3) recorded the AP notification.
    await env.harness.database.prisma.incident.update({
      where: { id: incidentId },
      data: {
        decision: "ap_notified",
        apReference: "AP-2026-4711",
        decidedAt: NOW,
        decidedBy: slackPerson(DPO_ID),
        status: "decided",
      },
    });
    env.clock.advanceHours(20);
    await click(DPO_ID, "ap_followup", reference, threadTs);
    const opened = await env.standIn.waitForCall("views.open");
    expect((opened.args.view as { callback_id: string }).callback_id).toBe("ap_followup");
    expect(JSON.stringify(opened.args.view)).toContain("AP-2026-4711");

    const values = (kindValue: string | null, apReference: string, text: string): StateValues => ({
      kind: { kind: { type: "static_select", selected_option: kindValue ? selectedOption(kindValue) : null } },
      ap_reference: { ap_reference: { type: "plain_text_input", value: apReference } },
      text: { text: { type: "plain_text_input", value: text } },
    });
    const invalid = await submit(DPO_ID, "ap_followup", reference, values(null, "", ""));
    expect(Object.keys((invalid.body as { errors: object }).errors).sort()).toEqual(["ap_reference", "kind", "text"]);
    const refused = await submit(STAFF_ID, "ap_followup", reference, values("followup", "AP-2026-4711", "x"));
    expect(refused.body).toMatchObject({ response_action: "errors" });

    expect(
      (
        await submit(
          DPO_ID,
          "ap_followup",
          reference,
          values("followup", "AP-2026-4711", "Aantal betrokkenen bijgesteld naar 6."),
        )
      ).status,
    ).toBe(200);
    env.clock.advanceHours(24);
    expect(
      (await submit(DPO_ID, "ap_followup", reference, values("withdrawal", "AP-2026-4711", "Bleek geen datalek."))).status,
    ).toBe(200);

    const history = await env.harness.database.prisma.apNotification.findMany({
      where: { incidentId },
      orderBy: { sequence: "asc" },
    });
    expect(history.map((row) => [row.sequence, row.kind, row.apReference, row.notifiedAt.toISOString(), row.details])).toEqual([
      [0, "initial", "AP-2026-4711", NOW.toISOString(), null],
      [1, "followup", "AP-2026-4711", new Date(NOW.getTime() + 20 * HOUR).toISOString(), "Aantal betrokkenen bijgesteld naar 6."],
      [2, "withdrawal", "AP-2026-4711", new Date(NOW.getTime() + 44 * HOUR).toISOString(), "Bleek geen datalek."],
    ]);
    const kinds = (
      await env.harness.database.prisma.timelineEntry.findMany({ where: { incidentId }, orderBy: { id: "asc" } })
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["ap_followup", "ap_withdrawal"]));
    await settleOutbox(env.harness);
    const notices = env.standIn.successfulCallsTo("chat.postMessage").filter((call) => call.args.thread_ts === threadTs);
    expect(notices.map((call) => String(call.args.text)).join("\n")).toMatch(/vervolgmelding.*AP-2026-4711[\s\S]*ingetrokken/);
    expect(JSON.stringify(notices.map((call) => call.args))).not.toContain("Bleek geen datalek");

    // The AP draft is now a follow-up on that reference.
    await click(DPO_ID, "draft_ap_notification", reference, threadTs);
    await env.standIn.waitForCalls("files.completeUploadExternal", 1);
    expect(env.standIn.uploads.at(-1)!.content).toContain("vervolgmelding");
    expect(env.standIn.uploads.at(-1)!.content).toContain("AP-2026-4711");
  });

  it("drafts the notice to the people concerned and records that it was sent", async () => {
    const { reference, threadTs, incidentId } = await reportAndPost(env.harness, DISCOVERED);
    await click(DPO_ID, "draft_subject_notice", reference, threadTs);
    await env.standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.channel === DPO_ID && /Concept bericht/.test(String(call.args.text)),
    );
    await env.standIn.waitForCalls("files.completeUploadExternal", 1);
    const upload = env.standIn.uploads.at(-1)!;
    for (const part of [
      "Wat is er gebeurd?",
      "Wat kan dit voor u betekenen?",
      "Wat hebben wij gedaan?",
      "Wat kunt u zelf doen?",
      "Vragen?",
    ]) {
      expect(upload.content, part).toContain(part);
    }

    await click(DPO_ID, "record_subject_notice", reference, threadTs);
    const opened = await env.standIn.waitForCall("views.open");
    expect((opened.args.view as { callback_id: string }).callback_id).toBe("record_subject_notice");
    const values = (method: string | null, count: string, sentAt: Date): StateValues => ({
      sent_at: { sent_at: { type: "datetimepicker", selected_date_time: seconds(sentAt) } },
      method: { method: { type: "static_select", selected_option: method ? selectedOption(method) : null } },
      recipients_count: { recipients_count: { type: "number_input", value: count } },
      note: { note: { type: "plain_text_input", value: null } },
    });
    const invalid = await submit(DPO_ID, "record_subject_notice", reference, values(null, "0", new Date(NOW.getTime() + HOUR)));
    expect(Object.keys((invalid.body as { errors: object }).errors).sort()).toEqual(["method", "recipients_count", "sent_at"]);
    const sentAt = new Date(NOW.getTime() - 10 * 60_000);
    expect((await submit(DPO_ID, "record_subject_notice", reference, values("letter", "4", sentAt))).status).toBe(200);
    const notices = await env.harness.database.prisma.subjectNotice.findMany({ where: { incidentId } });
    expect(notices.map((row) => [row.method, row.recipientsCount, row.sentAt.toISOString(), row.recordedBy])).toEqual([
      ["letter", 4, sentAt.toISOString(), slackPerson(DPO_ID)],
    ]);
    const entry = await env.harness.database.prisma.timelineEntry.findFirstOrThrow({
      where: { incidentId, kind: "subject_notice_sent" },
    });
    expect(entry.details).toMatchObject({ method: "letter", recipientsCount: 4 });
    // The thread is told with the method's label, never its code.
    await settleOutbox(env.harness);
    const told = env.standIn
      .successfulCallsTo("chat.postMessage")
      .filter((call) => call.args.thread_ts === threadTs && /betrokkenen geïnformeerd/.test(String(call.args.text)));
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]!.args.blocks)).toContain("brief, 4 personen");
    expect(JSON.stringify(told[0]!.args.blocks)).not.toContain("letter");
  });
});
