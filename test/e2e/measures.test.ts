// Corrective measures, closing and the evaluation after closing, end to end
// (issue 5): a DPO adds a measure from the incident's channel post, its
// owner is reminded on the due date and when overdue and confirms it, the
// thread shows progress; closing needs the decision and measures (or the
// reason none are needed); 14 days later the DPO is asked for the
// evaluation of protocol section 8 and the answer is recorded.
import { describe, expect, it } from "vitest";
import { reportModalState } from "../support/slackRequests.ts";
import { type RecordedCall } from "../support/slackStandIn.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { DPO_CHANNEL, DPO_ID, STAFF_ID } from "../support/startTestBot.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import { answeredByDm } from "../support/answeredByDm.ts";
import { useBotPerTest } from "../support/useBotPerTest.ts";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");
const OWNER = "U0OWNER01";

type TButton = { action_id: string; value: string };
const buttonsOf = (call: RecordedCall): TButton[] =>
  ((call.args.blocks as { elements?: TButton[] }[] | undefined) ?? [])
    .flatMap((block) => block.elements ?? [])
    .filter((e) => e.action_id);
const textOf = (call: RecordedCall) => JSON.stringify(call.args);

describe.each(DATABASE_KINDS)("measures and closing on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW });

  const until = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return read();
  };
  const runAt = async (at: string) => {
    env.clock.set(at);
    await env.harness.bot.scheduler.tick();
    await env.harness.bot.slack.outbox.kick();
  };
  const click = async (
    userId: string,
    actionId: string,
    value: string,
    where: { channel: string; ts?: string },
    triggerId?: string,
  ) => {
    const response = await env.harness.slack.blockAction({
      userId,
      actions: [{ action_id: actionId, value }],
      channelId: where.channel,
      messageTs: where.ts,
      ...(triggerId ? { triggerId } : {}),
    });
    expect(response.status).toBe(200);
    await env.harness.bot.slack.outbox.kick();
  };
  const submitView = (userId: string, callbackId: string, reference: string, values: Record<string, Record<string, unknown>>) =>
    env.harness.slack.viewSubmission({
      userId,
      view: { callback_id: callbackId, private_metadata: reference, state: { values: values as never } },
    });
  const incident = (reference: string) => env.harness.database.prisma.incident.findUniqueOrThrow({ where: { reference } });

  /** Reports an incident and lets a DPO take it; returns the reference and its channel post. */
  const reportAndTake = async () => {
    await env.harness.slack.viewSubmission({
      userId: STAFF_ID,
      view: {
        callback_id: "datalek_report",
        state: {
          values: reportModalState({
            what_happened: "Synthetisch voorbeeld: rooster met initialen naar een verkeerde collega gestuurd.",
            discovered_at: Math.floor(env.clock.now().getTime() / 1000) - 3600,
            system: "zivver",
            data_kinds: ["identity_contact"],
            people_affected: "2",
            stopped: "yes",
            recipient: "known",
          }),
        },
      },
    });
    const post = await env.standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.channel === DPO_CHANNEL && !call.args.thread_ts,
    );
    const reference = buttonsOf(post).find((button) => button.action_id === "incident_take")!.value;
    const where = { channel: DPO_CHANNEL, ts: post.response!.ts as string };
    expect(buttonsOf(post).map((button) => button.action_id)).not.toContain("measure_add");
    await click(DPO_ID, "incident_take", reference, where);
    const updated = await env.standIn.waitForCall(
      "chat.update",
      (call) => call.args.ts === where.ts && textOf(call).includes("measure_add"),
    );
    expect(buttonsOf(updated).map((button) => [button.action_id, button.value])).toEqual(
      expect.arrayContaining([
        ["measure_add", reference],
        ["incident_close", reference],
      ]),
    );
    return { reference, where };
  };
  const recordDecision = async (reference: string) => {
    // The decision buttons are issue 3's; here the decision is recorded directly.
    await env.harness.database.prisma.incident.update({
      where: { reference },
      data: {
        decision: "not_notifiable",
        decidedAt: env.clock.now(),
        decidedBy: slackPerson(DPO_ID),
        decisionReason: "Synthetisch: geen risico.",
        status: "decided",
      },
    });
  };

  it("adds a measure, reminds its owner on the due date and when overdue, and records completion", async () => {
    const { reference, where } = await reportAndTake();

    // Staff may not add measures.
    await click(STAFF_ID, "measure_add", reference, where);
    const refusal = await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === STAFF_ID);
    expect(String(refusal.args.text)).toContain("Alleen een privacyfunctionaris");

    const measureTrigger = env.standIn.issueTriggerId();
    await click(DPO_ID, "measure_add", reference, where, measureTrigger);
    const opened = await env.standIn.waitForCall("views.open", (call) => call.args.trigger_id === measureTrigger);
    const view = opened.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string; element?: { type: string; action_id: string } }[];
    };
    expect([view.callback_id, view.private_metadata]).toEqual(["measure_add", reference]);
    expect(
      view.blocks
        .filter((block) => block.element)
        .map((block) => [block.block_id, block.element!.type, block.element!.action_id]),
    ).toEqual([
      ["measure_what", "plain_text_input", "measure_what"],
      ["measure_owner", "users_select", "measure_owner"],
      ["measure_due", "datepicker", "measure_due"],
    ]);

    const values = (what: string, due: string) => ({
      measure_what: { measure_what: { type: "plain_text_input", value: what } },
      measure_owner: { measure_owner: { type: "users_select", selected_user: OWNER } },
      measure_due: { measure_due: { type: "datepicker", selected_date: due } },
    });
    const past = await submitView(DPO_ID, "measure_add", reference, values("Zivver-instructie herhalen", "2026-11-20"));
    expect(past.body).toMatchObject({ response_action: "errors", errors: { measure_due: expect.any(String) } });
    const empty = await submitView(DPO_ID, "measure_add", reference, values("", "2026-12-04"));
    expect(Object.keys((empty.body as { errors: object }).errors)).toEqual(["measure_what"]);

    const added = await submitView(
      DPO_ID,
      "measure_add",
      reference,
      values("Zivver-instructie herhalen voor het team", "2026-12-04"),
    );
    expect(added.status).toBe(200);
    expect((added.body as { response_action?: string }).response_action).toBeUndefined();
    const measure = await env.harness.database.prisma.correctiveMeasure.findFirstOrThrow();
    expect([measure.ownerId, measure.dueDate, measure.createdBy]).toEqual([
      slackPerson(OWNER),
      "2026-12-04",
      slackPerson(DPO_ID),
    ]);

    const assigned = await env.standIn.waitForCall("chat.postMessage", (call) => call.args.channel === OWNER);
    expect(textOf(assigned)).toContain(reference);
    expect(buttonsOf(assigned).map((button) => [button.action_id, button.value])).toEqual([["measure_done", measure.id]]);
    const progress = await env.standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.thread_ts === where.ts && textOf(call).includes("Opvolging"),
    );
    expect(textOf(progress)).toContain("0 van 1 maatregel afgerond");

    // Due Friday 4 December: reminded at 09:00 that day, not before.
    await runAt("2026-12-04T07:59:00Z");
    const reminders = () => env.standIn.successfulCallsTo("chat.postMessage").filter((call) => call.args.channel === OWNER);
    expect(reminders()).toHaveLength(1);
    await runAt("2026-12-04T08:00:00Z");
    await until(
      async () => reminders().length,
      (count) => count === 2,
    );
    expect(textOf(reminders()[1]!)).toContain("Vandaag");
    // Overdue: the next working day is Monday 7 December (not the weekend).
    await runAt("2026-12-05T10:00:00Z");
    expect(reminders()).toHaveLength(2);
    await runAt("2026-12-07T08:00:00Z");
    await until(
      async () => reminders().length,
      (count) => count === 3,
    );
    expect(textOf(reminders()[2]!)).toContain("Te laat");

    // Staff may not confirm it; the owner does.
    const dm = { channel: assigned.response!.channel as string, ts: assigned.response!.ts as string };
    await click(STAFF_ID, "measure_done", measure.id, dm);
    // Staff are not in the owner's DM: the refusal reaches them by DM.
    await answeredByDm(env.standIn, STAFF_ID, "eigenaar van deze maatregel");
    env.clock.set("2026-12-07T10:00:00Z");
    await click(OWNER, "measure_done", measure.id, dm);
    const done = await until(
      () => env.harness.database.prisma.correctiveMeasure.findUniqueOrThrow({ where: { id: measure.id } }),
      (row) => row.doneAt !== null,
    );
    expect([done.doneBy, done.doneAt?.toISOString()]).toEqual([slackPerson(OWNER), "2026-12-07T10:00:00.000Z"]);
    await env.standIn.waitForCall(
      "chat.update",
      (call) => call.args.ts === progress.response!.ts && textOf(call).includes("1 van 1 maatregel afgerond"),
    );

    // A button whose value names no measure (a broken or forged click) is answered as well.
    await click(OWNER, "measure_done", "not-a-measure", dm);
    await env.standIn.waitForCall(
      "chat.postEphemeral",
      (call) => call.args.user === OWNER && String(call.args.text).includes("doet niets meer"),
    );

    // No more reminders once done.
    await runAt("2026-12-14T08:00:00Z");
    expect(reminders()).toHaveLength(3);
    const kinds = (
      await env.harness.database.prisma.timelineEntry.findMany({
        where: { incidentId: measure.incidentId },
        orderBy: { id: "asc" },
      })
    ).map((entry) => [entry.kind, entry.actorId]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ["measure_add_refused", slackPerson(STAFF_ID)],
        ["measure_added", slackPerson(DPO_ID)],
        ["measure_due_reminder", "bot"],
        ["measure_overdue_reminder", "bot"],
        ["measure_done_refused", slackPerson(STAFF_ID)],
        ["measure_done", slackPerson(OWNER)],
      ]),
    );
  });

  it("closes only with a decision and measures or a reason, then asks for the evaluation after 14 days", async () => {
    const { reference, where } = await reportAndTake();

    // No decision yet: refused with a notice, no modal.
    const earlyTrigger = env.standIn.issueTriggerId();
    await click(DPO_ID, "incident_close", reference, where, earlyTrigger);
    const notice = await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === DPO_ID);
    expect(String(notice.args.text)).toContain("besluit");
    expect(env.standIn.callsTo("views.open").filter((call) => call.args.trigger_id === earlyTrigger)).toHaveLength(0);

    await recordDecision(reference);
    // Staff may not close.
    await click(STAFF_ID, "incident_close", reference, where);
    await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === STAFF_ID);

    // Tuesday 8 December 11:00.
    env.clock.set("2026-12-08T10:00:00Z");
    const closeTrigger = env.standIn.issueTriggerId();
    await click(DPO_ID, "incident_close", reference, where, closeTrigger);
    const opened = await env.standIn.waitForCall("views.open", (call) => call.args.trigger_id === closeTrigger);
    expect((opened.args.view as { callback_id: string }).callback_id).toBe("incident_close");

    // No measures: a reason is required.
    const noReason = await submitView(DPO_ID, "incident_close", reference, {
      close_reason: { close_reason: { type: "plain_text_input", value: "" } },
    });
    expect(noReason.body).toMatchObject({ response_action: "errors", errors: { close_reason: expect.any(String) } });
    expect((await incident(reference)).closedAt).toBeNull();

    const closed = await submitView(DPO_ID, "incident_close", reference, {
      close_reason: { close_reason: { type: "plain_text_input", value: "Eenmalige vergissing; instructie volstaat." } },
    });
    expect((closed.body as { response_action?: string }).response_action).toBeUndefined();
    const record = await incident(reference);
    expect([record.status, record.closedBy, record.closedAt?.toISOString()]).toEqual([
      "closed",
      slackPerson(DPO_ID),
      "2026-12-08T10:00:00.000Z",
    ]);
    const followUp = await env.harness.database.prisma.incidentFollowUp.findUniqueOrThrow({ where: { incidentId: record.id } });
    expect(followUp.noMeasuresReason).toBe("Eenmalige vergissing; instructie volstaat.");
    // 14 days later, in working hours: Tuesday 22 December 11:00.
    expect(followUp.evaluationDueAt?.toISOString()).toBe("2026-12-22T10:00:00.000Z");
    // The channel post loses its buttons and says it is closed; the reason stays out of the channel post.
    const closedPost = await env.standIn.waitForCall(
      "chat.update",
      (call) => call.args.ts === where.ts && textOf(call).includes("Afgesloten door"),
    );
    expect(buttonsOf(closedPost).map((button) => button.action_id)).not.toContain("incident_close");
    expect(textOf(closedPost)).not.toContain("Eenmalige vergissing");

    // Closing twice is refused.
    await click(DPO_ID, "incident_close", reference, where);
    await env.standIn.waitForCall(
      "chat.postEphemeral",
      (call) => call.args.user === DPO_ID && String(call.args.text).includes("al afgesloten"),
    );

    await runAt("2026-12-22T09:59:00Z");
    const asks = () =>
      env.standIn.successfulCallsTo("chat.postMessage").filter((call) => textOf(call).includes(`Evaluatie van ${reference}`));
    expect(asks()).toHaveLength(0);
    await runAt("2026-12-22T10:00:00Z");
    await until(
      async () => asks().length,
      (count) => count === 1,
    );
    const ask = asks()[0]!;
    expect(ask.args.channel).toBe(DPO_ID);
    expect(textOf(ask)).toContain("Hebben de genomen maatregelen gewerkt");
    expect(buttonsOf(ask).map((button) => [button.action_id, button.value])).toEqual([["evaluation_start", reference]]);

    // Someone else clicking in the privacy officer's direct message is answered too (in their own DM).
    await click(STAFF_ID, "evaluation_start", reference, {
      channel: ask.response!.channel as string,
      ts: ask.response!.ts as string,
    });
    await env.standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.channel === STAFF_ID && String(call.args.text).includes("Alleen een privacyfunctionaris"),
    );
    expect(
      env.standIn
        .callsTo("chat.postEphemeral")
        .filter((call) => call.args.user === STAFF_ID && call.args.channel === ask.response!.channel)
        .map((call) => call.error),
    ).toEqual(["user_not_in_channel"]);

    const evaluationTrigger = env.standIn.issueTriggerId();
    await click(
      DPO_ID,
      "evaluation_start",
      reference,
      { channel: ask.response!.channel as string, ts: ask.response!.ts as string },
      evaluationTrigger,
    );
    const evaluationView = await env.standIn.waitForCall("views.open", (call) => call.args.trigger_id === evaluationTrigger);
    expect((evaluationView.args.view as { callback_id: string }).callback_id).toBe("evaluation_submit");

    const unanswered = await submitView(DPO_ID, "evaluation_submit", reference, {});
    expect(Object.keys((unanswered.body as { errors: object }).errors).sort()).toEqual([
      "evaluation_measures_worked",
      "evaluation_procedure_change",
    ]);
    const option = (value: string) => ({
      type: "radio_buttons",
      selected_option: { value, text: { type: "plain_text", text: value } },
    });
    env.clock.set("2026-12-22T11:00:00Z");
    const answered = await submitView(DPO_ID, "evaluation_submit", reference, {
      evaluation_measures_worked: { evaluation_measures_worked: option("none_taken") },
      evaluation_procedure_change: { evaluation_procedure_change: option("yes") },
      evaluation_notes: { evaluation_notes: { type: "plain_text_input", value: "Checklist voor mailen aanvullen." } },
    });
    expect((answered.body as { response_action?: string }).response_action).toBeUndefined();
    const evaluated = await env.harness.database.prisma.incidentFollowUp.findUniqueOrThrow({ where: { incidentId: record.id } });
    expect([
      evaluated.measuresWorked,
      evaluated.procedureChange,
      evaluated.evaluatedBy,
      evaluated.evaluatedAt?.toISOString(),
    ]).toEqual(["none_taken", "yes", slackPerson(DPO_ID), "2026-12-22T11:00:00.000Z"]);
    const kinds = (
      await env.harness.database.prisma.timelineEntry.findMany({ where: { incidentId: record.id }, orderBy: { id: "asc" } })
    ).map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(["close_refused", "closed", "evaluation_requested", "evaluation"]));
  });

  /** What an opened form asks: its input blocks' ids and element types. */
  const inputsOf = (call: RecordedCall) =>
    ((call.args.view as { blocks: { type: string; block_id?: string; element?: { type: string } }[] }).blocks ?? [])
      .filter((block) => block.type === "input")
      .map((block) => [block.block_id, block.element!.type]);
  const openClose = async (reference: string, where: { channel: string; ts?: string }) => {
    const trigger = env.standIn.issueTriggerId();
    await click(DPO_ID, "incident_close", reference, where, trigger);
    return trigger;
  };

  it("refuses closing without the AP reference or with an open measure, and closes a high-risk incident only with an Art. 34(3) exemption", async () => {
    const { reference, where } = await reportAndTake();
    const record = await incident(reference);
    // A measure for the owner, due in two weeks.
    const added = await submitView(DPO_ID, "measure_add", reference, {
      measure_what: { measure_what: { type: "plain_text_input", value: "Zivver-instructie herhalen" } },
      measure_owner: { measure_owner: { type: "users_select", selected_user: OWNER } },
      measure_due: { measure_due: { type: "datepicker", selected_date: "2026-12-07" } },
    });
    expect((added.body as { response_action?: string }).response_action).toBeUndefined();
    const measure = await env.harness.database.prisma.correctiveMeasure.findFirstOrThrow({ where: { incidentId: record.id } });

    // "Notified to the AP" without the AP's reference: refused, with the reason, no form.
    await env.harness.database.prisma.incident.update({
      where: { reference },
      data: { decision: "ap_notified", decidedAt: env.clock.now(), decidedBy: slackPerson(DPO_ID), status: "decided" },
    });
    const noReference = await openClose(reference, where);
    await env.standIn.waitForCall(
      "chat.postEphemeral",
      (call) => call.args.user === DPO_ID && String(call.args.text).includes("kenmerk van de AP"),
    );
    // The reference given: the open measure still stops it.
    await env.harness.database.prisma.incident.update({ where: { reference }, data: { apReference: "M-2026-123456" } });
    const openMeasure = await openClose(reference, where);
    await env.standIn.waitForCall(
      "chat.postEphemeral",
      (call) => call.args.user === DPO_ID && String(call.args.text).includes("maatregelen die niet zijn afgerond"),
    );
    const refusedTriggers = [noReference, openMeasure];
    expect(env.standIn.callsTo("views.open").filter((call) => refusedTriggers.includes(call.args.trigger_id as string))).toEqual(
      [],
    );

    // The owner confirms the measure; the assessment says high risk and nobody recorded informing the people concerned.
    const assigned = await env.standIn.waitForCall("chat.postMessage", (call) => call.args.channel === OWNER);
    await click(OWNER, "measure_done", measure.id, {
      channel: assigned.response!.channel as string,
      ts: assigned.response!.ts as string,
    });
    await until(
      () => env.harness.database.prisma.correctiveMeasure.findUniqueOrThrow({ where: { id: measure.id } }),
      (row) => row.doneAt !== null,
    );
    // The owner's message loses its button once done.
    const doneMessage = await env.standIn.waitForCall(
      "chat.update",
      (call) => call.args.ts === assigned.response!.ts && textOf(call).includes("afgerond door"),
    );
    expect(buttonsOf(doneMessage)).toEqual([]);
    await env.harness.database.prisma.incidentAssessment.create({
      data: {
        incidentId: record.id,
        level: "high_risk",
        result: { level: "high_risk", exemptions: ["subsequent_measures"] },
        assessedAt: env.clock.now(),
      },
    });

    // The form asks only what applies: no "why no measures" (there is one), but the Art. 34(3) exemption.
    const formTrigger = await openClose(reference, where);
    const form = await env.standIn.waitForCall("views.open", (call) => call.args.trigger_id === formTrigger);
    expect(inputsOf(form)).toEqual([
      ["art34_ground", "radio_buttons"],
      ["art34_reason", "plain_text_input"],
    ]);
    expect(textOf(form)).toContain("art. 34");
    expect(textOf(form)).not.toContain("Waarom zijn geen maatregelen nodig");
    // The assessment's finding is named, not chosen for the privacy officer.
    expect(textOf(form)).toContain("De beoordeling wijst op: b.");
    expect(JSON.stringify(form.args.view)).not.toContain("initial_option");

    const unanswered = await submitView(DPO_ID, "incident_close", reference, {
      art34_ground: { art34_ground: { type: "radio_buttons", selected_option: null } },
      art34_reason: { art34_reason: { type: "plain_text_input", value: "" } },
    });
    expect(Object.keys((unanswered.body as { errors: object }).errors).sort()).toEqual(["art34_ground", "art34_reason"]);
    expect((await incident(reference)).closedAt).toBeNull();

    const reason = "Ontvanger heeft schriftelijk bevestigd dat het bestand is verwijderd.";
    const closed = await submitView(DPO_ID, "incident_close", reference, {
      art34_ground: {
        art34_ground: {
          type: "radio_buttons",
          selected_option: { value: "subsequent_measures", text: { type: "plain_text", text: "b" } },
        },
      },
      art34_reason: { art34_reason: { type: "plain_text_input", value: reason } },
    });
    expect((closed.body as { response_action?: string }).response_action).toBeUndefined();
    expect((await incident(reference)).closedBy).toBe(slackPerson(DPO_ID));
    const timeline = await env.harness.database.prisma.timelineEntry.findMany({
      where: { incidentId: record.id },
      orderBy: { id: "asc" },
    });
    expect(
      timeline.filter((entry) => entry.kind === "close_refused").map((entry) => (entry.details as { reason: string }).reason),
    ).toEqual(["needs_ap_reference", "open_measures"]);
    expect(timeline.find((entry) => entry.kind === "closed")!.details).toMatchObject({
      level: "high_risk",
      subjectsInformedAt: null,
      art34Exemption: { ground: "subsequent_measures", reason },
    });
  });

  it("asks nothing about Art. 34 once the people concerned were informed; the thread says when the evaluation will be asked", async () => {
    const { reference, where } = await reportAndTake();
    const record = await incident(reference);
    await recordDecision(reference);
    await env.harness.database.prisma.incidentAssessment.create({
      data: { incidentId: record.id, level: "risk", overrideLevel: "high_risk", result: {}, assessedAt: env.clock.now() },
    });
    await env.harness.database.prisma.subjectNotice.create({
      data: {
        incidentId: record.id,
        sentAt: new Date("2026-11-23T12:00:00Z"),
        method: "letter",
        recipientsCount: 2,
        recordedBy: slackPerson(DPO_ID),
        recordedAt: env.clock.now(),
      },
    });
    const trigger = await openClose(reference, where);
    const form = await env.standIn.waitForCall("views.open", (call) => call.args.trigger_id === trigger);
    // No measures: why; the people concerned were informed: nothing about the exemption.
    expect(inputsOf(form)).toEqual([["close_reason", "plain_text_input"]]);
    expect(textOf(form)).toContain("geïnformeerd op ma 23 nov 2026 13:00");

    const closed = await submitView(DPO_ID, "incident_close", reference, {
      close_reason: { close_reason: { type: "plain_text_input", value: "Eenmalige vergissing; instructie volstaat." } },
    });
    expect((closed.body as { response_action?: string }).response_action).toBeUndefined();
    // Closed Monday 23 November 10:00: the evaluation is asked 14 days later; the thread says so, not "asked".
    const progress = await env.standIn.waitForCall(
      "chat.postMessage",
      (call) => call.args.thread_ts === where.ts && textOf(call).includes("Opvolging"),
    );
    expect(textOf(progress)).toContain("Op ma 7 dec 2026 10:00 vraag ik");
    expect(textOf(progress)).not.toContain("Evaluatie gevraagd");
    // No free text in the channel's thread.
    expect(textOf(progress)).not.toContain("Eenmalige vergissing");
    await runAt("2026-12-07T09:00:00Z");
    const asked = await env.standIn.waitForCall(
      "chat.update",
      (call) => call.args.ts === progress.response!.ts && textOf(call).includes("Evaluatie gevraagd"),
    );
    expect(textOf(asked)).toContain("ma 7 dec 2026 10:00");
  });
});
