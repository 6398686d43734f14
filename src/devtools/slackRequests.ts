// Signed Slack requests (slash commands, view submissions, block actions, events), for the demo and the tests.
export * from "./slack/slackRequests.ts";
