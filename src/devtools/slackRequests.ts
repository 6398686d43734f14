// Signed Slack requests (slash commands, view submissions, block actions),
// for the demo. Re-exported from the tests' simulator.
export * from "../../test/support/slackRequests.ts";
