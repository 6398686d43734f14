// The floor to compare against: a bare Bolt app in HTTP mode whose listeners
// only ack(). Run as a child process by bench/ack.ts (PORT, SIGNING_SECRET);
// /healthz only tells the bench it is listening.
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const signingSecret = process.env.SIGNING_SECRET ?? "";
const port = Number(process.env.PORT ?? 0);

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
const app = new App({ signingSecret, authorize: async () => ({ botToken: "xoxb-x" }), receiver, logLevel: LogLevel.ERROR });
app.command("/datalek", async ({ ack }) => {
  await ack();
});
app.view("datalek_report", async ({ ack }) => {
  await ack();
});

await app.start(port);
process.once("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
