// Prometheus metrics for the administrator (GET /metrics): incidents by
// status, due and late scheduled work, the outbox backlog (computed from the
// database at scrape time, so every replica reports the same truth), Slack
// API errors by method, and how long the bot takes to acknowledge Slack.
// One registry per bot, so several bots in one process (tests) do not clash.
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyMiddlewareArgs, AllMiddlewareArgs, Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Clock } from "../core/time/clock.ts";
import { INCIDENT_STATUSES } from "../core/incidents/decisions.ts";
import { LATE_AFTER_SECONDS } from "../core/scheduler/runDueJobs.ts";
import type { Database } from "../core/storage/openDatabase.ts";

export interface TBotMetrics {
  registry: Registry;
  slackApiErrors: Counter<"method" | "error">;
  outboxFailures: Counter<"kind" | "failure">;
  outboxParked: Counter<"kind">;
  /** Sets datalek_slack_channel_usable from the setup monitor's checks. */
  recordChannelChecks(checks: readonly { setting: string; state: string }[]): void;
  ackLatency: Histogram<"type">;
  /** Counts failed Web API calls of this client by method (wraps apiCall once). */
  instrumentClient(client: WebClient): void;
  /** Times every POST from arrival to response (= ack in HTTP mode); call before the receiver starts. */
  instrumentReceiver(receiver: { requestListener: (request: IncomingMessage, response: ServerResponse) => void }): void;
  /** Bolt global middleware: names the request type for the ack timing; instruments listener clients. */
  ackMiddleware: Middleware<AnyMiddlewareArgs>;
  /** The GET /metrics route for Bolt's customRoutes. */
  route: { path: string; method: string[]; handler: (request: IncomingMessage, response: ServerResponse) => Promise<void> };
}

const INSTRUMENTED = Symbol("datalek.metrics.instrumented");

function slackErrorCode(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string } };
  return e.data?.error ?? e.code ?? "unknown";
}

export function createMetrics(options: { database: Database; clock: Clock }): TBotMetrics {
  const { database, clock } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "datalek_process_" });

  new Gauge({
    name: "datalek_incidents",
    help: "Incidents in the register by status (reported, taken, decided, closed).",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await database.prisma.$queryRaw<{ status: string; count: bigint }[]>`
        SELECT CASE WHEN closed_at IS NOT NULL THEN 'closed' ELSE status END AS status, count(*) AS count
        FROM incident GROUP BY 1`;
      this.reset();
      for (const status of INCIDENT_STATUSES) this.set({ status }, 0);
      for (const row of rows) this.set({ status: row.status }, Number(row.count));
    },
  });

  new Gauge({
    name: "datalek_incidents_overdue",
    help: "Open incidents past their 72-hour deadline without a recorded decision.",
    registers: [registry],
    async collect() {
      this.set(
        await database.prisma.incident.count({ where: { decision: null, closedAt: null, deadlineAt: { lt: clock.now() } } }),
      );
    },
  });

  new Gauge({
    name: "datalek_scheduled_jobs",
    help: "Pending scheduled work that is due now, and the part of it that is late (due more than a minute ago).",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const now = clock.now();
      const lateBefore = new Date(now.getTime() - LATE_AFTER_SECONDS * 1000);
      const [due, late] = await Promise.all([
        database.prisma.scheduledJob.count({ where: { status: "pending", dueAt: { lte: now } } }),
        database.prisma.scheduledJob.count({ where: { status: "pending", dueAt: { lt: lateBefore } } }),
      ]);
      this.set({ state: "due" }, due);
      this.set({ state: "late" }, late);
    },
  });

  new Gauge({
    name: "datalek_outbox_messages",
    help: "Messages to Slack in the outbox: pending (the backlog) and failed permanently.",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const [pending, failed] = await Promise.all([
        database.prisma.outboxMessage.count({ where: { status: "pending" } }),
        database.prisma.outboxMessage.count({ where: { status: "failed" } }),
      ]);
      this.set({ status: "pending" }, pending);
      this.set({ status: "failed" }, failed);
    },
  });

  const slackApiErrors = new Counter({
    name: "datalek_slack_api_errors_total",
    help: "Failed Slack Web API calls by method and error.",
    labelNames: ["method", "error"] as const,
    registers: [registry],
  });
  const outboxFailures = new Counter({
    name: "datalek_outbox_failures_total",
    help: "Failed outbox deliveries by message kind and failure class (rate_limited, transient, permanent).",
    labelNames: ["kind", "failure"] as const,
    registers: [registry],
  });
  const outboxParked = new Counter({
    name: "datalek_outbox_parked_total",
    help: "Outbox messages parked after a permanent Slack error (a revoked token, a channel the bot is not in), by kind.",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const channelUsable = new Gauge({
    name: "datalek_slack_channel_usable",
    help: "1 when the bot is a member of the configured channel (by setting: DPO_CHANNEL_ID, MANAGEMENT_CHANNEL_ID), 0 when not.",
    labelNames: ["setting"] as const,
    registers: [registry],
  });
  function recordChannelChecks(checks: readonly { setting: string; state: string }[]): void {
    for (const check of checks) channelUsable.set({ setting: check.setting }, check.state === "member" ? 1 : 0);
  }
  const ackLatency = new Histogram({
    name: "datalek_ack_latency_seconds",
    help: "Time from a Slack request arriving to its acknowledgement (the HTTP response), by request type.",
    labelNames: ["type"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers: [registry],
  });

  // The client's per-method functions are bound to apiCall when it is built,
  // so wrapping apiCall would miss them. Every call goes through the
  // instance's makeRequest (URL = base + method) and buildResult (the
  // parsed answer, ok: false for an API error), so those are wrapped.
  function instrumentClient(client: WebClient): void {
    const internals = client as unknown as {
      [INSTRUMENTED]?: true;
      makeRequest: (url: string, ...rest: unknown[]) => Promise<{ url?: string; config?: { url?: string } }>;
      buildResult: (response: { url?: string; config?: { url?: string } }) => Promise<{ ok?: boolean; error?: string }>;
    };
    if (internals[INSTRUMENTED]) return;
    internals[INSTRUMENTED] = true;
    const methodOf = (url: string | undefined) => (url ? (url.split("?")[0]!.split("/").pop() ?? "unknown") : "unknown");
    const makeRequest = internals.makeRequest.bind(client);
    const buildResult = internals.buildResult.bind(client);
    const methodsByResponse = new WeakMap<object, string>();
    internals.makeRequest = async (url, ...rest) => {
      try {
        const response = await makeRequest(url, ...rest);
        if (response && typeof response === "object") methodsByResponse.set(response, methodOf(url));
        return response;
      } catch (error) {
        slackApiErrors.inc({ method: methodOf(url), error: slackErrorCode(error) });
        throw error;
      }
    };
    internals.buildResult = async (response) => {
      const result = await buildResult(response);
      if (result && result.ok === false) {
        const method = methodsByResponse.get(response) ?? methodOf(response.url ?? response.config?.url);
        slackApiErrors.inc({ method, error: result.error ?? "unknown" });
      }
      return result;
    };
  }

  // Bolt copies the listener arguments for each middleware, so ack() cannot
  // be wrapped there. The HTTP receiver sends its response at ack() (not
  // after the listener), so the time from request to response IS the ack
  // latency. The request listener is timed; the middleware, running in the
  // same async context, names the request's type.
  const requestSlot = new AsyncLocalStorage<{ type: string }>();
  function instrumentReceiver(receiver: { requestListener: (request: IncomingMessage, response: ServerResponse) => void }): void {
    const original = receiver.requestListener;
    receiver.requestListener = (request, response) => {
      const slot = { type: "other" };
      const started = performance.now();
      if (request.method === "POST") {
        response.once("finish", () => ackLatency.observe({ type: slot.type }, (performance.now() - started) / 1000));
      }
      requestSlot.run(slot, () => original(request, response));
    };
  }

  const ackMiddleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    const withClient = args as AnyMiddlewareArgs & AllMiddlewareArgs;
    instrumentClient(withClient.client);
    const slot = requestSlot.getStore();
    if (slot) {
      const body = args.body as { type?: string; command?: string };
      slot.type = body.command ? "command" : (body.type ?? "other");
    }
    await withClient.next();
  };

  const route = {
    path: "/metrics",
    method: ["GET"],
    handler: async (_request: IncomingMessage, response: ServerResponse) => {
      try {
        const body = await registry.metrics();
        response.writeHead(200, { "content-type": registry.contentType });
        response.end(body);
      } catch (error) {
        response.writeHead(503, { "content-type": "text/plain" });
        response.end(`metrics unavailable: ${(error as Error).message}\n`);
      }
    },
  };

  return {
    registry,
    slackApiErrors,
    outboxFailures,
    outboxParked,
    recordChannelChecks,
    ackLatency,
    instrumentClient,
    instrumentReceiver,
    ackMiddleware,
    route,
  };
}
