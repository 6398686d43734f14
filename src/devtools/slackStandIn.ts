// The local Slack stand-in, for the demo (`datalek demo`) and the tests.
export * from "./slack/slackStandIn.ts";
