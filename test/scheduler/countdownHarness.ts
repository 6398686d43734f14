// Shared steps of the countdown tests: report an incident over HTTP, move
// the manual clock, run the scheduler and let the outbox finish, and pick
// the countdown's messages out of what the Slack stand-in recorded.
import { expect } from "vitest";
import { reportModalState } from "../support/slackRequests.ts";
import type { RecordedCall, SlackStandIn } from "../support/slackStandIn.ts";
import { DPO_CHANNEL, STAFF_ID, type TTestBot } from "../support/startTestBot.ts";

export const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
export const HOUR = 3_600_000;

let viewCounter = 0;

export function reportFields(discoveredAt: Date, overrides: Record<string, unknown> = {}) {
  return {
    what_happened: "Overdrachtsverslag van een client naar een verkeerde collega-instelling gestuurd (synthetisch).",
    discovered_at: seconds(discoveredAt),
    system: "zivver",
    data_kinds: ["health", "identity_contact"],
    people_affected: "4",
    stopped: "yes",
    recipient: "known",
    ...overrides,
  };
}

/** Reports an incident and waits until its channel post exists; returns reference and thread ts. */
export async function reportAndPost(
  harness: TTestBot,
  discoveredAt: Date,
  overrides: Record<string, unknown> = {},
): Promise<{ reference: string; threadTs: string; incidentId: string }> {
  const response = await harness.slack.viewSubmission({
    userId: STAFF_ID,
    view: {
      id: `V0COUNT${++viewCounter}`,
      callback_id: "datalek_report",
      state: { values: reportModalState(reportFields(discoveredAt, overrides) as never) },
    },
  });
  expect(response.body).toMatchObject({ response_action: "update" });
  const reference = /DL-\d{4}-\d{4}/.exec(JSON.stringify(response.body))![0];
  const post = await harness.standIn.waitForCall(
    "chat.postMessage",
    (call) => call.args.channel === DPO_CHANNEL && !call.args.thread_ts && JSON.stringify(call.args).includes(reference),
  );
  // Where the post went is kept by its key: its ts is the incident's thread.
  const incident = await waitFor(async () => {
    const found = await harness.database.prisma.incident.findUnique({ where: { reference } });
    if (!found) return undefined;
    const posted = await harness.database.prisma.postedMessage.findUnique({
      where: { key_platform: { key: `incident:${found.id}:post`, platform: "slack" } },
    });
    return posted ? { id: found.id, threadTs: posted.ref.split("/")[1]! } : undefined;
  });
  expect(incident.threadTs).toBe(post.response!.ts);
  return { reference, threadTs: incident.threadTs, incidentId: incident.id };
}

/** Runs everything due by the manual clock and lets the outbox deliver it. */
export async function runScheduler(...harnesses: TTestBot[]): Promise<void> {
  await Promise.all(harnesses.map((harness) => harness.bot.scheduler.tick()));
  await Promise.all(harnesses.map((harness) => harness.bot.slack.outbox.kick()));
  // Messages that waited for the thread get another round.
  await settleOutbox(harnesses[0]!);
}

/** Waits until no outbox message is pending and due by the manual clock. */
export async function settleOutbox(harness: TTestBot, timeoutMs = 8000): Promise<void> {
  const started = Date.now();
  for (;;) {
    await harness.bot.slack.outbox.kick();
    const pending = await harness.database.prisma.outboxMessage.count({
      where: { status: "pending", nextAttemptAt: { lte: harness.clock.now() } },
    });
    if (pending === 0) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${pending} outbox messages still pending`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const isCountdownText = (call: RecordedCall) =>
  /tot de deadline melding AP|deadline melding AP verstreken/.test(String(call.args.text));

/** The countdown reminders (and overdue notices) posted in an incident's thread. */
export function threadReminders(standIn: SlackStandIn, threadTs: string): RecordedCall[] {
  return standIn
    .successfulCallsTo("chat.postMessage")
    .filter((call) => call.args.thread_ts === threadTs && isCountdownText(call));
}

/** The countdown reminders sent to a channel or user (DM) about one incident. */
export function remindersTo(standIn: SlackStandIn, channel: string, reference: string): RecordedCall[] {
  return standIn
    .successfulCallsTo("chat.postMessage")
    .filter(
      (call) =>
        call.args.channel === channel &&
        !call.args.thread_ts &&
        isCountdownText(call) &&
        String(call.args.text).includes(reference),
    );
}

export function actionIds(call: RecordedCall): string[] {
  return (call.args.blocks as { elements?: { action_id?: string }[] }[])
    .flatMap((block) => block.elements ?? [])
    .map((element) => element.action_id)
    .filter((id): id is string => Boolean(id));
}
