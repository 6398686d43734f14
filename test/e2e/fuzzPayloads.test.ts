// Hostile and broken input: thousands of random and mutated payloads, each
// properly signed (so they get past the signature check and reach the
// listeners), must never crash the bot, never answer with a server error and
// never leave a half-written record. Bounded: 2,000 payloads.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import { verifyAuditChain } from "../../src/core/audit/verifyAuditChain.ts";
import { INCIDENT_POST_KIND } from "../../src/features/paging/pagingMessages.ts";
import { reportModalState, signSlackRequest } from "../support/slackRequests.ts";
import { SlackStandIn } from "../support/slackStandIn.ts";
import {
  DPO_CHANNEL,
  DPO_ID,
  STAFF_ID,
  startTestBot,
  startWorkspaceStandIn,
  TEST_SIGNING_SECRET,
  type TTestBot,
} from "../support/startTestBot.ts";
import { createTestDatabase, type TTestDatabase } from "../support/testDatabases.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
const BATCHES = Number(process.env.FUZZ_BATCHES ?? 10);
const BATCH_SIZE = Number(process.env.FUZZ_BATCH_SIZE ?? 200);
// A whole batch at once: payloads no listener acknowledges wait for Bolt's
// three-second timeout, and must not wait in line.
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 200);

const ACTION_IDS = [
  "incident_take",
  "incident_details",
  "checklist_breach_types",
  "checklist_people_affected",
  "checklist_people_affected_save",
  "assessment_confirm",
  "assessment_override",
  "decision_ap_notified",
  "decision_not_notifiable",
  "decision_not_a_breach",
  "draft_ap_notification",
  "measure_add",
  "measure_done",
  "retention_done",
  "retention_snooze_day",
  "evaluation_start",
  "home_report",
  "home_open_thread",
];
const CALLBACK_IDS = ["datalek_report", "assessment_override", "incident_details_modal", "evaluation_submit", "measure_add"];

const nasty = fc.constantFrom(
  "",
  "DL-2026-0001",
  "dl-2026-0001",
  "DL-9999-99999999",
  "<!channel> <@U0DPO0001>",
  "enc:v1:kabcdef:AAAA:AAAA:AAAA",
  "'; DROP TABLE incident; --",
  "\u0000\u0001",
  "x".repeat(5000),
  "details DL-2026-0001",
  "details",
  "help",
);
const text = fc.oneof(nasty, fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 300 }));
const anyJson = fc.jsonValue({ maxDepth: 3 });
const userId = fc.constantFrom(STAFF_ID, DPO_ID, "U0RANDOM1", "", "not-a-user");
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

type TRequest = { body: string; contentType: string };
const form = (fields: Record<string, unknown>): TRequest => ({
  body: new URLSearchParams(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  ).toString(),
  contentType: "application/x-www-form-urlencoded",
});
const payload = (value: unknown): TRequest => form({ payload: JSON.stringify(value) });

const validState = reportModalState({
  what_happened: "Synthetisch: fuzz",
  discovered_at: Math.floor(NOW.getTime() / 1000) - 60,
  system: "zivver",
  data_kinds: ["health"],
  people_affected: "3",
  stopped: "yes",
  recipient: "known",
} as never) as Record<string, Record<string, unknown>>;

const slashCommand = fc
  .record({
    user_id: userId,
    text: maybe(text),
    command: fc.constantFrom("/datalek", "/other", ""),
    trigger_id: maybe(fc.string()),
  })
  .map((fields) =>
    form({ token: "x", team_id: "T0TEAM", channel_id: "C0GENERAL", response_url: "http://127.0.0.1:9/x", ...fields }),
  );

const mutatedReport = fc
  .record({
    user: userId,
    callback: fc.oneof(fc.constantFrom(...CALLBACK_IDS), fc.string({ maxLength: 20 })),
    mutations: fc.dictionary(fc.constantFrom(...Object.keys(validState)), fc.oneof(anyJson, fc.constant(undefined))),
    viewId: fc.oneof(fc.constant("V0FUZZSAME"), fc.string({ maxLength: 12 })),
    breakView: fc.boolean(),
  })
  .map(({ user, callback, mutations, viewId, breakView }) => {
    const values: Record<string, unknown> = { ...validState };
    for (const [key, value] of Object.entries(mutations)) {
      if (value === undefined) delete values[key];
      else values[key] = value;
    }
    return payload({
      type: "view_submission",
      team: { id: "T0TEAM" },
      user: { id: user },
      view: breakView ? values : { id: viewId, callback_id: callback, state: { values }, private_metadata: "{}" },
    });
  });

const blockAction = fc
  .record({
    user: userId,
    actionId: fc.oneof(fc.constantFrom(...ACTION_IDS), fc.string({ maxLength: 30 })),
    value: maybe(text),
    selected: maybe(anyJson),
    withChannel: fc.boolean(),
  })
  .map(({ user, actionId, value, selected, withChannel }) =>
    payload({
      type: "block_actions",
      user: { id: user },
      team: { id: "T0TEAM" },
      trigger_id: "1.2.fuzz",
      ...(withChannel
        ? {
            channel: { id: DPO_CHANNEL },
            container: { type: "message", channel_id: DPO_CHANNEL, message_ts: "1.000100" },
            message: { ts: "1.000100", text: "" },
          }
        : {}),
      actions: [{ action_id: actionId, block_id: "b", type: "button", value, selected_option: selected, action_ts: "1" }],
    }),
  );

const event = fc
  .record({ eventId: fc.string({ maxLength: 20 }), inner: anyJson, type: fc.constantFrom("app_home_opened", "message", "x") })
  .map(({ eventId, inner, type }) => ({
    body: JSON.stringify({
      type: "event_callback",
      team_id: "T0TEAM",
      event_id: eventId,
      event: { type, user: STAFF_ID, tab: "home", inner },
    }),
    contentType: "application/json",
  }));

const randomPayload = anyJson.map((value) => payload(value));
const garbage = fc.oneof(fc.string({ maxLength: 200 }), fc.constant("payload=%7B"), fc.constant("payload=null")).map((body) => ({
  body,
  contentType: fc.sample(fc.constantFrom("application/x-www-form-urlencoded", "application/json"), 1)[0]!,
}));

const request = fc.oneof(
  { arbitrary: mutatedReport, weight: 4 },
  { arbitrary: blockAction, weight: 4 },
  { arbitrary: slashCommand, weight: 3 },
  { arbitrary: event, weight: 2 },
  { arbitrary: randomPayload, weight: 1 },
  { arbitrary: garbage, weight: 1 },
);

describe("fuzzing the Slack endpoint (pglite)", () => {
  let standIn: SlackStandIn;
  let testDatabase: TTestDatabase;
  let harness: TTestBot;
  const processErrors: unknown[] = [];
  const onError = (error: unknown) => processErrors.push(error);

  beforeAll(async () => {
    standIn = await startWorkspaceStandIn();
    testDatabase = await createTestDatabase("pglite");
    harness = await startTestBot({
      databaseOptions: testDatabase.options,
      standIn,
      clock: new ManualClock(NOW),
      // Mutated reports by the same few users must not all hit the rate limit.
      settings: { REPORT_RATE_LIMIT_PER_HOUR: "1000" },
    });
    process.on("uncaughtException", onError);
    process.on("unhandledRejection", onError);
  });
  afterAll(async () => {
    process.off("uncaughtException", onError);
    process.off("unhandledRejection", onError);
    await harness.stop();
    await testDatabase.drop();
    await standIn.close();
  }, 120_000);

  it("stays healthy and consistent under 2,000 random and mutated signed payloads", { timeout: 180_000 }, async () => {
    // One real incident, so references in the payloads can hit something.
    await harness.slack.viewSubmission({
      userId: STAFF_ID,
      view: { id: "V0FUZZREAL", callback_id: "datalek_report", state: { values: validState as never } },
    });
    let timestamp = Math.floor(Date.now() / 1000);
    const hung: string[] = [];
    const serverErrors: string[] = [];
    const send = async ({ body, contentType }: TRequest) => {
      // A fresh timestamp per request: identical bodies are not replays here.
      const signed = signSlackRequest(TEST_SIGNING_SECRET, body, Math.min(++timestamp, Math.floor(Date.now() / 1000) + 200));
      let response: Response;
      try {
        response = await fetch(`${harness.url}/slack/events`, {
          method: "POST",
          headers: { "content-type": contentType, ...signed },
          body,
          // Slack gives up after three seconds; a request still open after ten hangs.
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        hung.push(body.slice(0, 2000));
        return 599;
      }
      await response.text();
      if (response.status >= 500) serverErrors.push(`${response.status} ${body.slice(0, 1500)}`);
      return response.status;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH_SIZE, maxLength: BATCH_SIZE }), async (batch) => {
        const statuses: number[] = [];
        for (let start = 0; start < batch.length; start += CONCURRENCY) {
          statuses.push(...(await Promise.all(batch.slice(start, start + CONCURRENCY).map(send))));
        }
        expect(hung, "requests without an answer").toEqual([]);
        expect(serverErrors, "server errors").toEqual([]);
        expect(statuses.every((status) => status < 500)).toBe(true);
        expect((await fetch(`${harness.url}/healthz`)).status).toBe(200);
        expect(processErrors).toEqual([]);
        if (process.env.FUZZ_DEBUG) console.log(`batch done at ${new Date().toISOString()}`);
      }),
      { numRuns: BATCHES, endOnFailure: true, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );

    // No half-written records: every incident has its reported timeline
    // entry, its audit entry and its channel post in the outbox, and reads back.
    await harness.bot.slack.outbox.kick();
    const prisma = harness.database.prisma;
    const incidents = await prisma.incident.findMany({ include: { timeline: true, outbox: true } });
    expect(incidents.length).toBeGreaterThanOrEqual(1);
    for (const incident of incidents) {
      expect(
        incident.timeline.filter((entry) => entry.kind === "reported"),
        incident.reference,
      ).toHaveLength(1);
      expect(
        incident.outbox.some((message) => message.kind === INCIDENT_POST_KIND),
        incident.reference,
      ).toBe(true);
      expect(incident.whatHappened.length).toBeGreaterThan(0);
      expect(incident.whatHappened.length).toBeLessThanOrEqual(3000);
    }
    const reportedAudits = await prisma.auditEntry.count({ where: { action: "reported" } });
    expect(reportedAudits).toBe(incidents.length);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });
});
