// GET /metrics: Prometheus text with incidents by status, overdue incidents,
// due and late scheduled work, the outbox backlog, Slack API errors by
// method, and the ack latency histogram.
import { describe, expect, it } from "vitest";
import { useBotPerTest } from "../support/useBotPerTest.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { DPO_ID, STAFF_ID } from "../support/startTestBot.ts";
import { seconds, submitReport } from "./homeSupport.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

function metricValue(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe.each(DATABASE_KINDS)("metrics on %s", (kind) => {
  const env = useBotPerTest(kind, { now: NOW });

  it("serves Prometheus metrics computed from the database and the Slack traffic", async () => {
    // One failure of chat.postMessage: the outbox retries, and the error is counted by method.
    env.standIn.failNext("chat.postMessage", { error: "internal_error" });
    await submitReport(env.harness, NOW, { discovered_at: seconds(new Date(NOW.getTime() - 80 * 3_600_000)) });
    await submitReport(env.harness, NOW);
    await env.harness.slack.blockAction({
      userId: DPO_ID,
      actions: [{ action_id: "incident_take", value: "DL-2026-0002" }],
      channelId: "C0DPOCHAN",
    });
    await env.harness.slack.slashCommand({ userId: STAFF_ID, text: "help" });
    await env.harness.bot.slack.outbox.kick();
    // Scheduled work: one due an hour ago (late), one due now, one in the future.
    await env.harness.database.prisma.scheduledJob.createMany({
      data: [
        { kind: "test.metrics", dedupeKey: "m1", dueAt: new Date(NOW.getTime() + 3_600_000), status: "pending" },
        { kind: "test.metrics", dedupeKey: "m2", dueAt: new Date(NOW.getTime() + 7_200_000), status: "pending" },
        { kind: "test.metrics", dedupeKey: "m3", dueAt: new Date(NOW.getTime() + 9_000_000), status: "pending" },
      ],
    });
    await env.harness.bot.slack.outbox.stop();
    await env.harness.bot.scheduler.stop();
    env.clock.set(new Date(NOW.getTime() + 2 * 3_600_000));
    // A message still waiting in the outbox is the backlog.
    await env.harness.database.prisma.outboxMessage.create({
      data: { kind: "slack.call", payload: { method: "chat.postMessage", args: {} }, nextAttemptAt: NOW },
    });

    const response = await fetch(`${env.harness.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(metricValue(text, "datalek_incidents", '{status="reported"}')).toBe(1);
    expect(metricValue(text, "datalek_incidents", '{status="taken"}')).toBe(1);
    expect(metricValue(text, "datalek_incidents", '{status="closed"}')).toBe(0);
    expect(metricValue(text, "datalek_incidents_overdue")).toBe(1);
    expect(metricValue(text, "datalek_scheduled_jobs", '{state="due"}')).toBeGreaterThanOrEqual(2);
    expect(metricValue(text, "datalek_scheduled_jobs", '{state="late"}')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, "datalek_outbox_messages", '{status="pending"}')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, "datalek_slack_api_errors_total", '{method="chat.postMessage",error="internal_error"}')).toBe(1);
    const outboxFailures = text.split("\n").filter((line) => line.startsWith("datalek_outbox_failures_total{"));
    expect(outboxFailures.reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0)).toBe(1);
    // Three acknowledged requests: the report twice (view_submission), the button and the command.
    expect(metricValue(text, "datalek_ack_latency_seconds_count", '{type="view_submission"}')).toBe(2);
    expect(metricValue(text, "datalek_ack_latency_seconds_count", '{type="block_actions"}')).toBe(1);
    expect(metricValue(text, "datalek_ack_latency_seconds_count", '{type="command"}')).toBe(1);
    expect(text).toContain("datalek_process_");
  });
});
