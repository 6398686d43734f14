// Someone clicked a button in a conversation they are not in (another
// person's DM). Slack refuses an ephemeral answer there (user_not_in_channel),
// so the bot answers in their own DM: wait for that answer and check that
// the ephemeral was indeed refused.
import { expect } from "vitest";
import type { RecordedCall, SlackStandIn } from "./slackStandIn.ts";

export async function answeredByDm(standIn: SlackStandIn, userId: string, text: string | RegExp): Promise<RecordedCall> {
  const matches = (call: RecordedCall) => {
    const body = String(call.args.text ?? "");
    return typeof text === "string" ? body.includes(text) : text.test(body);
  };
  const answer = await standIn.waitForCall("chat.postMessage", (call) => call.args.channel === userId && matches(call));
  const ephemeral = standIn.callsTo("chat.postEphemeral").find((call) => call.args.user === userId && matches(call));
  expect(ephemeral?.error).toBe("user_not_in_channel");
  return answer;
}
