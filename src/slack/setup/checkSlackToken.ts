// At start the bot asks Slack who it is (auth.test). A token Slack refuses
// stops the start with one line naming SLACK_BOT_TOKEN; Slack unreachable is
// only a warning: reports are still taken and go out when Slack is back.
import type { WebClient } from "@slack/web-api";

/** auth.test errors that mean the token itself is wrong, revoked or of the wrong kind. */
export const TOKEN_REFUSED_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "not_allowed_token_type",
]);

export type TTokenCheck =
  | { state: "accepted"; botUserId: string; teamId: string }
  | { state: "refused"; error: string }
  | { state: "unreachable"; error: string };

export function slackErrorOf(error: unknown): string | undefined {
  return (error as { data?: { error?: string } } | undefined)?.data?.error;
}

export async function checkSlackToken(client: WebClient): Promise<TTokenCheck> {
  try {
    const answer = await client.auth.test();
    return { state: "accepted", botUserId: answer.user_id ?? "", teamId: answer.team_id ?? "" };
  } catch (error) {
    const slackError = slackErrorOf(error);
    if (slackError && TOKEN_REFUSED_ERRORS.has(slackError)) return { state: "refused", error: slackError };
    return { state: "unreachable", error: slackError ?? (error as Error).message };
  }
}

/** The line printed when Slack refuses the token. */
export function tokenRefusedLine(setting: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN", error: string): string {
  const where =
    setting === "SLACK_BOT_TOKEN"
      ? "copy the Bot User OAuth Token (xoxb-...) from OAuth & Permissions, and reinstall the app if it was revoked"
      : "create an app-level token with the scope connections:write under Basic Information → App-Level Tokens";
  return `${setting} is not accepted by Slack (${error}): ${where}`;
}
