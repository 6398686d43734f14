// GET /healthz: answers within a second, always. 503 when the database does
// not answer in 500 ms; otherwise 200 with "ok", or "degraded" and the
// reasons when the bot runs but cannot do all its work (a configured channel
// it is not in, messages parked after a permanent Slack error).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { THealthReason } from "../slack/setup/SlackSetupMonitor.ts";
import type { Database } from "../core/storage/openDatabase.ts";

const DATABASE_DEADLINE_MS = 500;
const PARKED_DEADLINE_MS = 300;

/** Resolves with the work's result, or with `fallback` when it takes longer than `ms`. */
export function withDeadline<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

export function createHealthRoute(options: { database: Database; reasons: () => THealthReason[] }) {
  const { database } = options;
  return {
    path: "/healthz",
    method: ["GET"],
    handler: async (_request: IncomingMessage, response: ServerResponse) => {
      const reachable = await withDeadline(database.ping(), DATABASE_DEADLINE_MS, false);
      if (!reachable) {
        response.writeHead(503, { "content-type": "application/json" });
        response.end(JSON.stringify({ status: "unavailable", database: database.kind, reasons: ["database does not answer"] }));
        return;
      }
      const reasons = [...options.reasons()];
      const parked = await withDeadline(
        database.prisma.outboxMessage.count({ where: { status: "failed" } }),
        PARKED_DEADLINE_MS,
        0,
      );
      if (parked > 0)
        reasons.push({
          code: "parked_messages",
          count: parked,
          message: `${parked} message(s) parked after a permanent Slack error; fix the cause, then run: npx datalek outbox retry (see npx datalek outbox list)`,
        });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          status: reasons.length > 0 ? "degraded" : "ok",
          database: database.kind,
          ...(reasons.length ? { reasons } : {}),
        }),
      );
    },
  };
}
