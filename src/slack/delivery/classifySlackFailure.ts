// How a failed Web API call should be retried. Slack's own client raises
// typed errors (@slack/web-api ErrorCode).
import { ErrorCode } from "@slack/web-api";
import { ZodError } from "zod";
import type { TDeliveryFailure } from "../../core/outbox/OutboxWorker.ts";
import type { RateLimitedError } from "../../core/outbox/RateLimitPauses.ts";

// Platform errors that will not heal by waiting; everything else may.
export const PERMANENT_PLATFORM_ERRORS = new Set([
  "not_authed",
  "not_allowed_token_type",
  "token_expired",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_blocks",
  "invalid_arguments",
  "msg_too_long",
  "no_text",
  "user_not_found",
  "cant_update_message",
  "message_not_found",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "missing_scope",
]);

export function classifySlackFailure(error: unknown): TDeliveryFailure {
  const failure = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    message?: string;
  };
  const message = failure?.message ?? String(error);
  // A payload that does not parse, or a kind nobody handles, will not heal.
  if (error instanceof ZodError || failure?.code === "datalek_undeliverable") return { kind: "permanent", message };
  switch (failure?.code) {
    case "datalek_rate_limited":
      return { kind: "rate_limited", retryAfterSeconds: Math.max(1, (error as RateLimitedError).retryAfterSeconds), message };
    case ErrorCode.RateLimitedError:
      return { kind: "rate_limited", retryAfterSeconds: Math.max(1, Number(failure.retryAfter ?? 1)), message };
    case ErrorCode.PlatformError:
      return PERMANENT_PLATFORM_ERRORS.has(failure.data?.error ?? "")
        ? { kind: "permanent", message: `slack: ${failure.data?.error}` }
        : { kind: "transient", message: `slack: ${failure.data?.error ?? message}` };
    default:
      return { kind: "transient", message };
  }
}
