// A click nobody listens for (a button from an earlier release, a forged
// action) and a form nobody handles are acknowledged at once, not left to
// Bolt's three-second timeout and a 404; the person is told the button no
// longer does anything.
import { describe, expect, it } from "vitest";
import { DPO_CHANNEL, STAFF_ID } from "../support/startTestBot.ts";
import { useBotPerTest } from "../support/useBotPerTest.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe("unmatched interactions", () => {
  const env = useBotPerTest("pglite", { now: NOW });

  it("acknowledges an unknown button at once and tells the person it no longer applies", async () => {
    const response = await env.harness.slack.blockAction({
      userId: STAFF_ID,
      channelId: DPO_CHANNEL,
      actions: [{ action_id: "button_from_an_older_release", value: "x" }],
    });
    // Unacknowledged, Bolt would have answered 404 after its three-second timeout.
    expect(response.status).toBe(200);
    const notice = await env.standIn.waitForCall("chat.postEphemeral", (call) => call.args.user === STAFF_ID);
    expect(String(notice.args.text)).toContain("doet niets meer");
  });

  it("acknowledges a form nobody handles", async () => {
    const response = await env.harness.slack.viewSubmission({
      userId: STAFF_ID,
      view: { callback_id: "form_from_an_older_release", state: { values: {} } },
    });
    expect(response.status).toBe(200);
  });

  it("still hands known buttons to their listener", async () => {
    const response = await env.harness.slack.blockAction({
      userId: STAFF_ID,
      channelId: DPO_CHANNEL,
      actions: [{ action_id: "incident_take", value: "DL-2026-0404" }],
    });
    expect(response.status).toBe(200);
    // Answered by the take listener (the incident is not found), not as an unknown button.
    await env.harness.bot.slack.outbox.kick();
    const notices = env.standIn.successfulCallsTo("chat.postEphemeral").map((call) => String(call.args.text));
    expect(notices).toEqual(["Incident DL-2026-0404 niet gevonden."]);
  });
});
