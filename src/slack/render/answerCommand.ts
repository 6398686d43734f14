// Shows a command's answer in Slack: a reply as the command's ephemeral
// acknowledgement, a view or a form as a modal opened with the trigger.
import type { AckFn, RespondArguments } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { TCommandAnswer } from "../../features/commands/command.ts";
import type { TMrkdwnContext } from "./mrkdwn.ts";
import { renderForm, renderFormDone } from "./renderForm.ts";
import { renderMessage } from "./renderMessage.ts";

export async function answerCommand(
  answer: TCommandAnswer,
  slack: { ack: AckFn<string | RespondArguments>; client: WebClient; triggerId: string },
  context: TMrkdwnContext,
): Promise<void> {
  if (answer.kind === "reply") {
    const rendered = renderMessage(answer.message, context);
    await slack.ack({ response_type: "ephemeral", text: rendered.text, blocks: rendered.blocks });
    return;
  }
  // The trigger dies three seconds after the command: acknowledge, then open at once.
  await slack.ack();
  const view = answer.kind === "view" ? renderFormDone(answer.view, context) : renderForm(answer.form, context);
  await slack.client.views.open({ trigger_id: slack.triggerId, view });
}
