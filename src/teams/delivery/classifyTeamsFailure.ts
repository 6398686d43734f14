// What a failed Connector call means for the outbox, from the status codes
// Teams documents (msteams-docs, bots/how-to/conversations/conversation-messages.md,
// "Status codes from bot conversational APIs"; bots/how-to/rate-limit.md):
// 429 is a rate limit with Retry-After; 412, 500, 502, 503 and 504 are worth
// trying again with back-off; 400, 401, 403, 404 and 413 are not healed by
// waiting (the app is not installed, the user blocked the bot, the bot is
// not in the team, the message is too big), so the message is parked with
// the reason until an administrator fixes it and re-queues it.
import type { TDeliveryFailure } from "../../core/outbox/OutboxWorker.ts";
import { UndeliverableError } from "./deliveryErrors.ts";
import { TeamsTokenError } from "../client/createTeamsApp.ts";

export interface TConnectorError {
  status: number;
  code: string | undefined;
  message: string;
  retryAfterSeconds: number | undefined;
}

/** The status, code and Retry-After of a failed call made through the SDK's HTTP client (axios). */
export function connectorErrorOf(error: unknown): TConnectorError | undefined {
  const response = (error as { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> } }).response;
  if (!response || typeof response.status !== "number") return undefined;
  const data = response.data as { error?: { code?: string; message?: string }; message?: string } | undefined;
  const retryAfter = Number(response.headers?.["retry-after"]);
  return {
    status: response.status,
    code: data?.error?.code,
    message: data?.error?.message ?? data?.message ?? `HTTP ${response.status}`,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

const RETRYABLE = new Set([412, 500, 502, 503, 504]);

export function classifyTeamsFailure(error: unknown): TDeliveryFailure {
  if (error instanceof UndeliverableError) return { kind: "permanent", message: error.message };
  if (error instanceof TeamsTokenError)
    return error.status >= 500 ? { kind: "transient", message: error.message } : { kind: "permanent", message: error.message };
  const connector = connectorErrorOf(error);
  if (!connector) return { kind: "transient", message: (error as Error).message ?? String(error) };
  const message = `teams ${connector.status} ${connector.code ?? ""}: ${connector.message}`.replace(/\s+/g, " ");
  if (connector.status === 429) return { kind: "rate_limited", retryAfterSeconds: connector.retryAfterSeconds ?? 1, message };
  if (RETRYABLE.has(connector.status)) return { kind: "transient", message };
  return { kind: "permanent", message };
}
