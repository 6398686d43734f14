// The checklist, the assessment and the decision end to end: signed requests
// over HTTP to the real bot, a real database (PGlite and the PostgreSQL
// server), the Slack stand-in recording what the bot sends.
import { describe, expect, it } from "vitest";
import { assessBreach } from "../../src/features/checklist/assessBreach.ts";
import { QUESTION_IDS, type TAnswers } from "../../src/features/checklist/questions.ts";
import { slackPerson } from "../../src/slack/identity.ts";
import type { RecordedCall } from "../support/slackStandIn.ts";
import { reportModalState, type StateValues } from "../support/slackRequests.ts";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { DPO_CHANNEL, DPO_ID, SECOND_DPO_ID, STAFF_ID } from "../support/startTestBot.ts";

// Monday 23 November 2026, 10:00 in Amsterdam (CET, UTC+1).
const NOW = new Date("2026-11-23T09:00:00Z");
const REFERENCE = "DL-2026-0001";
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const REPORT = {
  what_happened: "Overdrachtsverslag van een client naar een verkeerd e-mailadres gestuurd (synthetisch voorbeeld).",
  discovered_at: seconds(new Date(NOW.getTime() - 2 * 3_600_000)),
  system: "zivver",
  data_kinds: ["health", "identity_contact"],
  people_affected: "3",
  stopped: "yes",
  recipient: "known",
};

type TBlock = {
  type: string;
  block_id?: string;
  dispatch_action?: boolean;
  elements?: TElement[];
  element?: TElement;
  text?: { text: string };
};
type TElement = {
  type: string;
  action_id: string;
  value?: string;
  style?: string;
  text?: { text: string };
  options?: { value: string }[];
  initial_options?: { value: string }[];
  initial_value?: string;
};

const elementsOf = (blocks: unknown): TElement[] =>
  (blocks as TBlock[])
    .flatMap((block) => [...(block.elements ?? []), ...(block.element ? [block.element] : [])])
    .filter((element) => typeof element.action_id === "string");

describe.each(DATABASE_KINDS)("checklist, assessment and decision on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW });
  let threadTs: string;

  const prisma = () => env.harness.database.prisma;
  const incident = () => prisma().incident.findUniqueOrThrow({ where: { reference: REFERENCE } });

  /** Polls the database until the condition holds (the listener acks before it writes). */
  async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean, what: string): Promise<T> {
    const until = Date.now() + 5000;
    for (;;) {
      const value = await read();
      if (holds(value)) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const timelineKinds = async () =>
    (await prisma().timelineEntry.findMany({ where: { incidentId: (await incident()).id }, orderBy: { id: "asc" } })).map(
      (entry) => entry.kind,
    );
  const countTimeline = async (entryKind: string) => (await timelineKinds()).filter((k) => k === entryKind).length;

  const threadPosts = () =>
    env.standIn
      .successfulCallsTo("chat.postMessage")
      .filter((call) => call.args.channel === DPO_CHANNEL && call.args.thread_ts === threadTs);

  /** The latest content of one of the bot's thread messages (post or update). */
  function latest(ts: string): RecordedCall["args"] {
    const updates = env.standIn.successfulCallsTo("chat.update").filter((call) => call.args.ts === ts);
    if (updates.length > 0) return updates.at(-1)!.args;
    return threadPosts().find((call) => call.response?.ts === ts)!.args;
  }

  async function reportAndTake(): Promise<{ group1: string; group2: string }> {
    await env.harness.slack.viewSubmission({
      userId: STAFF_ID,
      view: { id: "V0CHECK1", callback_id: "datalek_report", state: { values: reportModalState(REPORT as never) } },
    });
    const channelPost = await env.standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL);
    threadTs = channelPost.response!.ts as string;
    env.clock.advanceMinutes(5);
    await env.harness.slack.blockAction({
      userId: DPO_ID,
      channelId: DPO_CHANNEL,
      messageTs: threadTs,
      actions: [{ action_id: "incident_take", value: REFERENCE, type: "button" }],
    });
    await env.standIn.waitForCalls("chat.postMessage", 6);
    const posts = await eventually(
      async () => threadPosts(),
      (calls) => calls.length === 2,
      "two checklist messages",
    );
    return { group1: posts[0]!.response!.ts as string, group2: posts[1]!.response!.ts as string };
  }

  const click = (userId: string, action: Record<string, unknown>, stateValues?: StateValues) =>
    env.harness.slack.blockAction({
      userId,
      channelId: DPO_CHANNEL,
      threadTs,
      messageTs: `${threadTs.split(".")[0]}.999999`,
      actions: [action as never],
      ...(stateValues ? { stateValues } : {}),
    });
  const button = (questionId: string, value: string) => ({
    action_id: `checklist_${questionId}_${value}`,
    type: "button",
    value,
  });
  const multi = (questionId: string, values: string[]) => ({
    action_id: `checklist_${questionId}`,
    type: "multi_static_select",
    selected_options: values.map((value) => ({ value, text: { type: "plain_text", text: value } })),
  });
  const numberAction = (value: string, questionId = "people_affected") => ({
    action_id: `checklist_${questionId}`,
    type: "number_input",
    value,
  });

  /** Clicks one answer as the DPO and waits until it is recorded. */
  async function answerAs(userId: string, action: Record<string, unknown>, stateValues?: StateValues) {
    const before = (await timelineKinds()).length;
    await click(userId, action, stateValues);
    await eventually(
      async () => (await timelineKinds()).length,
      (length) => length > before,
      `the answer ${JSON.stringify(action)}`,
    );
  }
  const answer = (action: Record<string, unknown>, stateValues?: StateValues) => answerAs(DPO_ID, action, stateValues);

  const storedAnswers = async (): Promise<TAnswers> => {
    const rows = await prisma().checklistAnswer.findMany({ where: { incidentId: (await incident()).id } });
    return Object.fromEntries(rows.map((row) => [row.questionId, row.value])) as TAnswers;
  };

  /** Every question answered through the thread: buttons, selects and the number. */
  async function answerEverything(overrides: { harm_observed?: string; personal_data?: string } = {}) {
    await answer(button("personal_data", overrides.personal_data ?? "yes"));
    await answer(multi("breach_types", ["confidentiality"]));
    await answer({ action_id: "checklist_data_categories_confirm", type: "button", value: "confirm" });
    await answer(numberAction("12"));
    await answer(button("vulnerable_people", "yes"));
    await answer(button("identifiability", "maximum"));
    await answer(button("unintelligible", "no"));
    await answer(button("recipient", "known"));
    // Issue 11: how many outside the organisation received it (one wrong addressee).
    await answer(numberAction("1", "recipients_count"));
    await answer(button("malicious", "no"));
    await answer(button("availability_impact", "none"));
    await answer(button("contained", "yes"));
    await answer(button("harm_observed", overrides.harm_observed ?? "yes"));
  }

  const assessmentPost = () =>
    eventually(
      async () => threadPosts().find((call) => JSON.stringify(call.args.blocks).includes("Beoordeling DL-2026-0001")),
      (call) => call !== undefined,
      "the assessment message",
    ).then((call) => call!);

  async function settle(actionId: "assessment_confirm") {
    await click(DPO_ID, { action_id: actionId, type: "button", value: REFERENCE });
    await eventually(
      async () => prisma().incidentAssessment.findUnique({ where: { incidentId: (await incident()).id } }),
      (row) => row?.confirmedBy === slackPerson(DPO_ID),
      "the confirmation",
    );
  }

  async function openDecisionModal(actionId: string, userId = DPO_ID) {
    const before = env.standIn.callsTo("views.open").length;
    await click(userId, { action_id: actionId, type: "button", value: REFERENCE });
    const calls = await env.standIn.waitForCalls("views.open", before + 1);
    return calls.at(-1)!.args.view as { callback_id: string; private_metadata: string; blocks: TBlock[] };
  }

  const submitModal = (callbackId: string, values: Record<string, string | null>, userId = DPO_ID, option?: string) =>
    env.harness.slack.viewSubmission({
      userId,
      view: {
        callback_id: callbackId,
        private_metadata: REFERENCE,
        state: {
          values: {
            ...Object.fromEntries(
              Object.entries(values).map(([id, value]) => [id, { [id]: { type: "plain_text_input" as const, value } }]),
            ),
            ...(option
              ? {
                  override_level: {
                    override_level: {
                      type: "static_select" as const,
                      selected_option: { value: option, text: { type: "plain_text" as const, text: option } },
                    },
                  },
                }
              : {}),
          },
        },
      },
    });

  it("posts the checklist on take, prefilled from the report, with an element for every question", async () => {
    const { group1, group2 } = await reportAndTake();
    const elements = [...elementsOf(latest(group1).blocks), ...elementsOf(latest(group2).blocks)];
    for (const id of QUESTION_IDS) {
      expect(
        elements.some((element) => element.action_id.startsWith(`checklist_${id}`)),
        id,
      ).toBe(true);
    }
    const ids = elements.map((element) => element.action_id);
    expect(new Set(elementsOf(latest(group1).blocks).map((element) => element.action_id)).size).toBe(
      elementsOf(latest(group1).blocks).length,
    );
    for (const message of [latest(group1), latest(group2)]) expect((message.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    // Buttons carry the answer values of assessment.md.
    const personalData = elements.filter((element) => element.action_id.startsWith("checklist_personal_data"));
    expect(personalData.map((element) => element.value).sort()).toEqual(["no", "unknown", "yes"]);
    // Several-choice questions are selects with exactly `checklist_<id>`, prefilled from the report.
    const categories = elements.find((element) => element.action_id === "checklist_data_categories")!;
    expect(categories.type).toBe("multi_static_select");
    // Twelve kinds of data since issue 11 added `profile`.
    expect(categories.options).toHaveLength(12);
    expect(categories.initial_options!.map((option) => option.value).sort()).toEqual(["health", "identity_contact"]);
    expect(ids).toContain("checklist_breach_types");
    const number = elements.find((element) => element.action_id === "checklist_people_affected")!;
    expect(number.type).toBe("number_input");
    expect(number.initial_value).toBe("3");
    // Issue 11: the number of recipients, a number of its own.
    const recipients = elements.find((element) => element.action_id === "checklist_recipients_count")!;
    expect(recipients.type).toBe("number_input");
    const inputBlock = (latest(group1).blocks as TBlock[]).find(
      (block) => block.element?.action_id === "checklist_people_affected",
    )!;
    expect(inputBlock.type).toBe("input");
    expect(inputBlock.dispatch_action).toBe(true);
    // Stopped = yes and recipient = known come from the report.
    const group2Elements = elementsOf(latest(group2).blocks);
    expect(group2Elements.find((element) => element.action_id === "checklist_contained_yes")?.style).toBe("primary");
    expect(group2Elements.find((element) => element.action_id === "checklist_recipient_known")?.style).toBe("primary");
    expect(JSON.stringify(latest(group1).blocks)).toContain("Voorgesteld uit de melding");
    // No free text from the report in the thread.
    expect(JSON.stringify(threadPosts())).not.toContain("verkeerd e-mailadres");

    const answers = await storedAnswers();
    expect(answers).toEqual({
      data_categories: ["health", "identity_contact"],
      people_affected: 3,
      contained: "yes",
      recipient: "known",
    });
    const rows = await prisma().checklistAnswer.findMany();
    expect(rows.every((row) => row.prefilled && row.answeredBy === slackPerson(STAFF_ID))).toBe(true);
    // Not complete yet: no assessment.
    expect(await prisma().incidentAssessment.count()).toBe(0);

    // The number also arrives through the small save button, from state.values.
    const typed = (value: string): StateValues => ({
      checklist_people_affected: { checklist_people_affected: { type: "number_input", value } },
    });
    await answer({ action_id: "checklist_people_affected_save", type: "button", value: "save" }, typed("7"));
    expect((await storedAnswers()).people_affected).toBe(7);
    // A negative number is not stored; the DPO is told.
    await click(DPO_ID, numberAction("-4"));
    const notice = await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === DPO_ID);
    expect(String(notice.args.text)).toMatch(/heel getal/);
    expect((await storedAnswers()).people_affected).toBe(7);
  });

  it("records every answer, shows the assessment when complete, and updates it when an answer changes", async () => {
    const { group1 } = await reportAndTake();
    env.clock.advanceMinutes(10);
    await answerEverything();
    const post = await assessmentPost();
    const assessmentTs = post.response!.ts as string;
    const text = JSON.stringify(post.args.blocks);
    // Misuse already seen: the risk has materialised, a high risk (assessment.md).
    expect(text).toContain("Datalek met hoog risico");
    expect(text).toContain("Melden bij de Autoriteit Persoonsgegevens vóór *do 26 nov 2026 08:00*");
    expect(text).toContain("zonder onnodige vertraging");
    expect(text).toContain("ENISA");
    expect(text).toContain("Waarom");
    expect(text).not.toContain("verkeerd e-mailadres");
    const row = await prisma().incidentAssessment.findFirstOrThrow();
    expect(row.level).toBe("high_risk");

    // The answers as given, each with who and when.
    const answers = await storedAnswers();
    expect(answers).toMatchObject({ personal_data: "yes", people_affected: 12, data_categories: ["health", "identity_contact"] });
    const rows = await prisma().checklistAnswer.findMany();
    expect(rows).toHaveLength(13);
    for (const answerRow of rows) {
      expect(answerRow.prefilled, answerRow.questionId).toBe(false);
      expect(answerRow.answeredBy).toBe(slackPerson(DPO_ID));
      expect(answerRow.answeredAt.toISOString()).toBe(new Date(NOW.getTime() + 15 * 60_000).toISOString());
    }
    const kinds = await timelineKinds();
    // 10 new answers (with the number of recipients), 3 prefilled ones confirmed (categories, recipient, contained), the number changed.
    expect(kinds.filter((k) => k === "checklist_answered")).toHaveLength(10);
    expect(kinds.filter((k) => k === "checklist_answer_confirmed")).toHaveLength(3);
    expect(kinds).toContain("assessment_made");
    const entry = await prisma().timelineEntry.findFirstOrThrow({ where: { kind: "checklist_answered" } });
    expect(entry.actorId).toBe(slackPerson(DPO_ID));
    expect(entry.details).toMatchObject({ questionId: "personal_data", value: "yes" });
    // The checklist shows who answered.
    await eventually(
      async () => JSON.stringify(latest(group1).blocks),
      (blocks) => blocks.includes(`<@${DPO_ID}>`),
      "who answered",
    );

    // Change an answer: no misuse seen after all. Contained, a known recipient
    // and no intent: still a high risk (health data of care clients), but the
    // people concerned need not be informed (Art. 34(3)(b)).
    env.clock.advanceMinutes(1);
    await answer(button("harm_observed", "no"));
    const updatedBlocks = await eventually(
      async () => JSON.stringify(latest(assessmentTs).blocks),
      (blocks) => blocks.includes("art. 34 lid 3 onder b"),
      "the updated assessment",
    );
    expect(updatedBlocks).toContain("Datalek met hoog risico");
    expect(updatedBlocks).toContain("hoeven niet persoonlijk te worden geïnformeerd");
    expect(updatedBlocks).not.toContain("zonder onnodige vertraging");
    const expected = assessBreach(await storedAnswers(), { sector: "care" }, "nl");
    const stored = await prisma().incidentAssessment.findFirstOrThrow();
    expect(stored.level).toBe(expected.level);
    expect(stored.result).toMatchObject({ exemptions: ["subsequent_measures"], notify_subjects: false });
    expect(await timelineKinds()).toContain("assessment_updated");
    // Only one assessment message: updated in place, not posted again.
    expect(threadPosts()).toHaveLength(3);
  });

  it("goes to not a breach when no personal data are involved", async () => {
    await reportAndTake();
    await answer(button("personal_data", "no"));
    const post = await assessmentPost();
    expect(JSON.stringify(post.args.blocks)).toContain("Geen datalek");
    expect((await prisma().incidentAssessment.findFirstOrThrow()).level).toBe("not_a_breach");
  });

  it("confirms the assessment, overrides it with a reason, and records that the AP was notified", async () => {
    await reportAndTake();
    await answerEverything();
    const post = await assessmentPost();
    const assessmentTs = post.response!.ts as string;
    // Decision buttons come after the confirmation.
    expect(JSON.stringify(post.args.blocks)).not.toContain("decision_ap_notified");
    env.clock.advanceMinutes(3);
    await settle("assessment_confirm");
    const confirmed = await prisma().incidentAssessment.findFirstOrThrow();
    expect(confirmed.confirmedAt?.toISOString()).toBe(env.clock.now().toISOString());
    expect(await countTimeline("assessment_confirmed")).toBe(1);
    await eventually(
      async () => JSON.stringify(latest(assessmentTs).blocks),
      (blocks) => blocks.includes("decision_ap_notified") && blocks.includes("Bevestigd door"),
      "the decision buttons",
    );

    // Override: a modal with the level and a required reason.
    const view = await openDecisionModal("assessment_override");
    expect(view.callback_id).toBe("assessment_override");
    expect(view.blocks.map((block) => block.block_id)).toEqual(expect.arrayContaining(["override_level", "reason"]));
    const empty = await submitModal("assessment_override", { reason: "" }, DPO_ID);
    expect(empty.body).toMatchObject({ response_action: "errors" });
    expect(Object.keys((empty.body as { errors: object }).errors).sort()).toEqual(["override_level", "reason"]);
    const overridden = await submitModal(
      "assessment_override",
      { reason: "Ontvanger is een zorgverlener met beroepsgeheim; bevestigd verwijderd." },
      DPO_ID,
      "risk",
    );
    expect(overridden.status).toBe(200);
    expect(overridden.body).toBe("");
    const row = await prisma().incidentAssessment.findFirstOrThrow();
    expect(row.overrideLevel).toBe("risk");
    expect(row.overrideReason).toContain("beroepsgeheim");
    expect(await countTimeline("assessment_overridden")).toBe(1);
    await eventually(
      async () => JSON.stringify(latest(assessmentTs).blocks),
      (blocks) => blocks.includes("Niveau aangepast door") && blocks.includes("Datalek met risico"),
      "the override shown",
    );
    // The written reason stays out of the channel.
    expect(JSON.stringify(latest(assessmentTs).blocks)).not.toContain("beroepsgeheim");

    // The AP was notified: the modal asks the AP's reference.
    const apView = await openDecisionModal("decision_ap_notified");
    expect(apView.blocks.find((block) => block.block_id === "ap_reference")?.element?.action_id).toBe("ap_reference");
    const missing = await submitModal(apView.callback_id, { ap_reference: "", reason: "" });
    expect(Object.keys((missing.body as { errors: object }).errors)).toEqual(["ap_reference"]);
    env.clock.advanceMinutes(30);
    const recorded = await submitModal(apView.callback_id, { ap_reference: "AP-2026-123456", reason: null });
    expect(recorded.body).toBe("");
    const decided = await incident();
    expect(decided).toMatchObject({
      decision: "ap_notified",
      decidedBy: slackPerson(DPO_ID),
      apReference: "AP-2026-123456",
      status: "decided",
    });
    expect(decided.decidedAt?.toISOString()).toBe(env.clock.now().toISOString());
    expect(decided.decisionReason).toBeNull();
    // The decision is also the first entry in the history of AP notifications.
    expect(await prisma().apNotification.findMany({ where: { incidentId: decided.id } })).toMatchObject([
      { sequence: 0, kind: "initial", apReference: "AP-2026-123456", recordedBy: slackPerson(DPO_ID) },
    ]);
    // The countdown stops: no reminder is pending any more (stopIncidentCountdown).
    expect(
      await prisma().scheduledJob.count({ where: { incidentId: decided.id, status: "pending", kind: "countdown.reminder" } }),
    ).toBe(0);
    expect(
      await prisma().scheduledJob.count({ where: { incidentId: decided.id, status: "cancelled", kind: "countdown.reminder" } }),
    ).toBeGreaterThan(0);
    // The channel post and both privacy officers' pages are brought up to date.
    const pageUpdates = await prisma().outboxMessage.findMany({
      where: { incidentId: decided.id, kind: "incident.page", nextAttemptAt: { gte: env.clock.now() } },
    });
    expect(pageUpdates.map((row) => (row.payload as { person: string }).person).sort()).toEqual(
      [slackPerson(DPO_ID), slackPerson(SECOND_DPO_ID)].sort(),
    );
    const decisionEntry = await prisma().timelineEntry.findFirstOrThrow({ where: { kind: "decision_recorded" } });
    expect(decisionEntry.details).toMatchObject({
      decision: "ap_notified",
      apReference: "AP-2026-123456",
      contradictsAssessment: false,
    });
    await eventually(
      async () => JSON.stringify(latest(assessmentTs).blocks),
      (blocks) => blocks.includes("AP-2026-123456") && !blocks.includes("decision_ap_notified"),
      "the decision shown",
    );
    // The channel post says what was decided instead of counting down.
    await eventually(
      async () => JSON.stringify(env.standIn.message(DPO_CHANNEL, threadTs)?.blocks ?? []),
      // The decision's one label (texts.vocabulary.decisions), as on the button.
      (blocks) => blocks.includes("Gemeld bij de AP") && blocks.includes("AP-2026-123456") && blocks.includes("aftellen gestopt"),
      "the decision on the channel post",
    );

    // Answers are locked now.
    await click(DPO_ID, button("malicious", "yes"));
    const notice = await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === DPO_ID);
    expect(String(notice.args.text)).toMatch(/besluit .* is vastgelegd/);
    expect((await storedAnswers()).malicious).toBe("no");
    expect(await countTimeline("checklist_answer_refused")).toBe(1);
  });

  it("records 'no notification required' with a reason, required because it contradicts a high risk", async () => {
    await reportAndTake();
    await answerEverything();
    await assessmentPost();
    await settle("assessment_confirm");
    const view = await openDecisionModal("decision_not_notifiable");
    expect(view.callback_id).toBe("decision_not_notifiable");
    const reasonBlock = view.blocks.find((block) => block.block_id === "reason") as TBlock & { optional?: boolean };
    expect(reasonBlock.element?.action_id).toBe("reason");
    // Required: Slack's default, so the renderer leaves `optional` out.
    expect(reasonBlock.optional ?? false).toBe(false);
    expect(JSON.stringify(view.blocks)).toContain("wijkt af van de beoordeling");
    const empty = await submitModal(view.callback_id, { reason: "  " });
    expect(empty.body).toMatchObject({ response_action: "errors", errors: { reason: expect.any(String) } });
    expect((await incident()).decision).toBeNull();
    const recorded = await submitModal(view.callback_id, {
      reason: "Gegevens aantoonbaar ongeopend verwijderd door de ontvanger.",
    });
    expect(recorded.body).toBe("");
    const decided = await incident();
    expect(decided).toMatchObject({
      decision: "not_notifiable",
      status: "decided",
      decidedBy: slackPerson(DPO_ID),
      apReference: null,
    });
    expect(decided.decisionReason).toContain("ongeopend verwijderd");
    const entry = await prisma().timelineEntry.findFirstOrThrow({ where: { kind: "decision_recorded" } });
    expect(entry.details).toMatchObject({ decision: "not_notifiable", effectiveLevel: "high_risk", contradictsAssessment: true });
    // A second decision is refused.
    const again = await submitModal("decision_not_a_breach", { reason: "Toch geen persoonsgegevens, bleek later." });
    expect(again.body).toMatchObject({ response_action: "errors" });
    expect((await incident()).decision).toBe("not_notifiable");
  });

  it("records 'not a data breach' with a reason", async () => {
    await reportAndTake();
    await answer(button("personal_data", "no"));
    await assessmentPost();
    await settle("assessment_confirm");
    const view = await openDecisionModal("decision_not_a_breach");
    expect(view.callback_id).toBe("decision_not_a_breach");
    expect(JSON.stringify(view.blocks)).not.toContain("wijkt af");
    const empty = await submitModal(view.callback_id, { reason: "" });
    expect(empty.body).toMatchObject({ response_action: "errors", errors: { reason: expect.any(String) } });
    const recorded = await submitModal(view.callback_id, { reason: "Het ging om geanonimiseerde testgegevens zonder personen." });
    expect(recorded.body).toBe("");
    expect(await incident()).toMatchObject({ decision: "not_a_breach", status: "decided", decidedBy: slackPerson(DPO_ID) });
    const entry = await prisma().timelineEntry.findFirstOrThrow({ where: { kind: "decision_recorded" } });
    expect(entry.details).toMatchObject({ decision: "not_a_breach", contradictsAssessment: false });
  });

  it("asks a reason for notifying the AP against a 'no risk' level", async () => {
    await reportAndTake();
    await answerEverything();
    await assessmentPost();
    await openDecisionModal("assessment_override");
    await submitModal(
      "assessment_override",
      { reason: "Ontvanger is betrouwbaar en heeft alles verwijderd." },
      DPO_ID,
      "no_risk",
    );
    const view = await openDecisionModal("decision_ap_notified");
    const reasonBlock = view.blocks.find((block) => block.block_id === "reason") as TBlock & { optional?: boolean };
    // Required: Slack's default, so the renderer leaves `optional` out.
    expect(reasonBlock.optional ?? false).toBe(false);
    const noReason = await submitModal(view.callback_id, { ap_reference: "AP-1", reason: "" });
    expect(Object.keys((noReason.body as { errors: object }).errors)).toEqual(["reason"]);
    const recorded = await submitModal(view.callback_id, {
      ap_reference: "AP-1",
      reason: "Uit voorzorg gemeld op verzoek van de directie.",
    });
    expect(recorded.body).toBe("");
    expect(await incident()).toMatchObject({ decision: "ap_notified", apReference: "AP-1" });
  });

  /** Every text a person reads in Block Kit (not action ids or values). */
  function visibleTexts(node: unknown): string[] {
    if (Array.isArray(node)) return node.flatMap(visibleTexts);
    if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      return [
        ...(typeof record.text === "string" ? [record.text] : []),
        ...Object.entries(record)
          .filter(([key]) => key !== "action_id" && key !== "value" && key !== "block_id")
          .flatMap(([, value]) => visibleTexts(value)),
      ];
    }
    return [];
  }
  const RAW_CODES =
    /\b(not_a_breach|no_risk|high_risk|ap_notified|not_notifiable|subsequent_measures|disproportionate_effort|confidentiality|identity_contact|recipients_count|people_affected)\b/;

  it("updates only the message whose question changed, and the assessment only when it changed (issue 11)", async () => {
    const { group1, group2 } = await reportAndTake();
    const updatesOf = (ts: string) => env.standIn.successfulCallsTo("chat.update").filter((call) => call.args.ts === ts).length;
    const settled = async () => {
      await env.harness.bot.slack.outbox.kick();
      await env.harness.bot.slack.outbox.kick();
    };
    await settled();
    const before = { group1: updatesOf(group1), group2: updatesOf(group2) };
    // A question of the first message: only the first message is updated.
    await answer(numberAction("20000"));
    await eventually(
      async () => updatesOf(group1),
      (count) => count > before.group1,
      "the first message updated",
    );
    await settled();
    expect(updatesOf(group2)).toBe(before.group2);
    // Dutch number format in the answer.
    expect(JSON.stringify(latest(group1).blocks)).toContain("20.000");
    // A question of the second message: only the second message.
    const middle = { group1: updatesOf(group1), group2: updatesOf(group2) };
    await answer(button("malicious", "yes"));
    await eventually(
      async () => updatesOf(group2),
      (count) => count > middle.group2,
      "the second message updated",
    );
    await settled();
    expect(updatesOf(group1)).toBe(middle.group1);
    expect(threadPosts()).toHaveLength(2);

    // Complete: the assessment appears. An answer that changes nothing in the
    // assessment (the loss of availability, when nothing was lost but seen)
    // leaves the assessment message alone.
    await answerEverything({ harm_observed: "no" });
    const assessmentTs = (await assessmentPost()).response!.ts as string;
    await settled();
    const assessmentUpdates = updatesOf(assessmentTs);
    const rowBefore = await prisma().incidentAssessment.findFirstOrThrow();
    await answer(button("availability_impact", "restored"));
    await settled();
    expect(updatesOf(assessmentTs)).toBe(assessmentUpdates);
    expect((await prisma().incidentAssessment.findFirstOrThrow()).assessedAt).toEqual(rowBefore.assessedAt);
    // One that changes it updates it.
    await answer(button("identifiability", "limited"));
    await eventually(
      async () => updatesOf(assessmentTs),
      (count) => count > assessmentUpdates,
      "the assessment updated",
    );
  });

  it("shows labels, not codes, and names each decision one way (issue 11)", async () => {
    await reportAndTake();
    await answerEverything({ harm_observed: "no" });
    const post = await assessmentPost();
    const assessmentTs = post.response!.ts as string;
    await settle("assessment_confirm");
    const blocks = await eventually(
      async () => latest(assessmentTs).blocks as TBlock[],
      (current) => JSON.stringify(current).includes("decision_ap_notified"),
      "the decision buttons",
    );
    const texts = visibleTexts(blocks).join("\n");
    expect(texts).not.toMatch(RAW_CODES);
    // The reasons, not the arithmetic behind them.
    expect(texts).not.toMatch(/Basis-DPC|DPC begrensd|EI \d|kans [\d,]+ x ernst/);
    expect(texts).toContain("art. 34 lid 3 onder b");
    expect(texts).not.toContain("blijft daarom reëel");
    for (const message of threadPosts())
      expect(visibleTexts(latest(message.response!.ts as string).blocks).join("\n")).not.toMatch(RAW_CODES);

    // The decision buttons, their forms and the channel post say the same.
    const labels = {
      ap_notified: "Gemeld bij de AP",
      not_notifiable: "Geen melding bij de AP nodig",
      not_a_breach: "Geen datalek",
    };
    const buttons = elementsOf(blocks).filter((element) => element.action_id.startsWith("decision_"));
    expect(Object.fromEntries(buttons.map((element) => [element.action_id, element.text?.text]))).toEqual({
      decision_ap_notified: labels.ap_notified,
      decision_not_notifiable: labels.not_notifiable,
      decision_not_a_breach: labels.not_a_breach,
    });
    for (const [decision, label] of Object.entries(labels)) {
      const view = await openDecisionModal(`decision_${decision}`);
      const shown = visibleTexts(view).join("\n");
      expect(shown).toContain(`DL-2026-0001: ${label}`);
      // Slack adds "(optional)" to an optional field itself.
      expect(shown).not.toMatch(/optioneel|optional/i);
    }
    const apView = await openDecisionModal("decision_ap_notified");
    await submitModal(apView.callback_id, { ap_reference: "AP-2026-7", reason: null });
    await eventually(
      async () => JSON.stringify(env.standIn.message(DPO_CHANNEL, threadTs)?.blocks ?? []),
      (channelPost) => channelPost.includes(labels.ap_notified),
      "the decision on the channel post",
    );
  });

  it("answers a click on the buttons of an incident that does not exist", async () => {
    await reportAndTake();
    for (const actionId of ["assessment_confirm", "decision_not_a_breach", "assessment_override"]) {
      const before = env.standIn.successfulCallsTo("chat.postEphemeral").length;
      await click(DPO_ID, { action_id: actionId, type: "button", value: "DL-2099-9999" });
      const notices = await env.standIn.waitForCalls("chat.postEphemeral", before + 1);
      expect(String(notices.at(-1)!.args.text)).toMatch(/DL-2099-9999 niet gevonden/);
    }
    expect(env.standIn.callsTo("views.open")).toHaveLength(0);
    // An answer clicked in a thread the bot knows no incident of.
    const before = env.standIn.successfulCallsTo("chat.postEphemeral").length;
    await env.harness.slack.blockAction({
      userId: DPO_ID,
      channelId: DPO_CHANNEL,
      threadTs: "1700000000.000001",
      messageTs: "1700000000.000002",
      actions: [button("personal_data", "yes") as never],
    });
    const notices = await env.standIn.waitForCalls("chat.postEphemeral", before + 1);
    expect(String(notices.at(-1)!.args.text)).toMatch(/doet niets meer/);
  });

  it("lets only a DPO answer, confirm, override or decide", async () => {
    await reportAndTake();
    await click(STAFF_ID, button("personal_data", "yes"));
    const notice = await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === STAFF_ID);
    expect(String(notice.args.text)).toMatch(/Alleen een privacyfunctionaris/);
    expect(notice.args.thread_ts).toBe(threadTs);
    await eventually(
      () => countTimeline("checklist_answer_refused"),
      (count) => count === 1,
      "the refusal",
    );
    expect((await storedAnswers()).personal_data).toBeUndefined();
    const refusal = await prisma().timelineEntry.findFirstOrThrow({ where: { kind: "checklist_answer_refused" } });
    expect(refusal.actorId).toBe(slackPerson(STAFF_ID));

    // A second DPO may answer.
    await answerAs(SECOND_DPO_ID, button("personal_data", "no"));
    expect((await storedAnswers()).personal_data).toBe("no");
    await assessmentPost();

    await click(STAFF_ID, { action_id: "assessment_confirm", type: "button", value: REFERENCE });
    await eventually(
      () => countTimeline("assessment_confirm_refused"),
      (count) => count === 1,
      "the confirm refusal",
    );
    await click(STAFF_ID, { action_id: "decision_not_a_breach", type: "button", value: REFERENCE });
    await eventually(
      () => countTimeline("decision_refused"),
      (count) => count === 1,
      "the decision refusal",
    );
    expect(env.standIn.callsTo("views.open")).toHaveLength(0);
    const forged = await submitModal("decision_not_a_breach", { reason: "Geen persoonsgegevens betrokken hierbij." }, STAFF_ID);
    expect(forged.body).toMatchObject({ response_action: "errors" });
    const forgedOverride = await submitModal("assessment_override", { reason: "Een reden van genoeg tekens." }, STAFF_ID, "risk");
    expect(forgedOverride.body).toMatchObject({ response_action: "errors" });
    expect(await incident()).toMatchObject({ decision: null, status: "taken" });
    expect((await prisma().incidentAssessment.findFirstOrThrow()).confirmedBy).toBeNull();
    expect(await countTimeline("decision_refused")).toBe(2);
    expect(await countTimeline("assessment_override_refused")).toBe(1);
  });
});
