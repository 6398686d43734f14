// Helpers for the App Home, status/list and export tests: a signed Events
// API request (app_home_opened) and a valid report.
import { reportModalState, signSlackRequest } from "../support/slackRequests.ts";
import { STAFF_ID, TEST_SIGNING_SECRET, type TTestBot } from "../support/startTestBot.ts";

export const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function sendEvent(harness: TTestBot, event: Record<string, unknown>) {
  const body = JSON.stringify({
    token: "verificationtoken0000000",
    team_id: "T0TEAM",
    api_app_id: "A0DATALEK",
    type: "event_callback",
    event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  return harness.slack.raw(body, { ...signSlackRequest(TEST_SIGNING_SECRET, body), "Content-Type": "application/json" });
}

export function openHome(harness: TTestBot, userId: string) {
  return sendEvent(harness, {
    type: "app_home_opened",
    user: userId,
    channel: `D${userId.slice(1)}`,
    tab: "home",
    event_ts: "1.1",
  });
}

let viewCounter = 0;
export function submitReport(harness: TTestBot, now: Date, overrides: Record<string, unknown> = {}, userId = STAFF_ID) {
  const fields = {
    what_happened: "Zorgplan per ongeluk naar de verkeerde ouder gemaild (synthetisch voorbeeld).",
    discovered_at: seconds(new Date(now.getTime() - 2 * 3_600_000)),
    system: "zivver",
    data_kinds: ["health", "identity_contact"],
    people_affected: "3",
    stopped: "yes",
    recipient: "known",
    ...overrides,
  };
  return harness.slack.viewSubmission({
    userId,
    view: {
      id: `V0HOME${++viewCounter}${Date.now()}`,
      callback_id: "datalek_report",
      state: { values: reportModalState(fields as never) },
    },
  });
}
