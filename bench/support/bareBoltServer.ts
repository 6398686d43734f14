// The floor to compare against: a bare Bolt app in HTTP mode whose listeners
// only ack(). Run as a child process by the benches (PORT, SIGNING_SECRET);
// /healthz only tells the bench it is listening. With SLACK_API_URL (and
// BOT_TOKEN) its /datalek also opens a small modal after the ack, as the
// bot does, so "trigger issued -> views.open accepted" has a floor too.
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const signingSecret = process.env.SIGNING_SECRET ?? "";
const port = Number(process.env.PORT ?? 0);
const slackApiUrl = process.env.SLACK_API_URL;
const botToken = process.env.BOT_TOKEN ?? "xoxb-x";

const receiver = new HTTPReceiver({
  signingSecret,
  endpoints: "/slack/events",
  processBeforeResponse: false,
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"status":"ok"}');
      },
    },
  ],
});
const app = new App({
  signingSecret,
  authorize: async () => ({ botToken }),
  receiver,
  logLevel: LogLevel.ERROR,
  ...(slackApiUrl ? { clientOptions: { slackApiUrl } } : {}),
});
app.command("/datalek", async ({ ack, body, client }) => {
  await ack();
  if (!slackApiUrl) return;
  await client.views.open({
    trigger_id: body.trigger_id,
    view: {
      type: "modal",
      callback_id: "datalek_report",
      title: { type: "plain_text", text: "Datalek melden" },
      submit: { type: "plain_text", text: "Versturen" },
      close: { type: "plain_text", text: "Annuleren" },
      blocks: [
        {
          type: "input",
          block_id: "what_happened",
          label: { type: "plain_text", text: "Wat is er gebeurd?" },
          element: { type: "plain_text_input", action_id: "what_happened", multiline: true },
        },
      ],
    },
  });
});
app.view("datalek_report", async ({ ack }) => {
  await ack();
});

await app.start(port);
process.once("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
