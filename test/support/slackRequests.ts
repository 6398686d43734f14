// The Slack request simulator lives in src/devtools/slack/; this re-export keeps the tests' imports working.
export * from "../../src/devtools/slack/slackRequests.ts";
