// The Slack stand-in lives in src/devtools/slack/; this re-export keeps the tests' imports working.
export * from "../../src/devtools/slack/slackStandIn.ts";
