// The local Slack stand-in, for the demo (`datalek demo`). It lives with the
// tests (test/support/slackStandIn.ts); this re-export lets src/ use it
// without reaching into test/ in more than one place.
export * from "../../test/support/slackStandIn.ts";
