// The database fails for real: the bot's connections to PostgreSQL go
// through a TCP proxy that stalls them (every byte held) or cuts them. A
// report sent meanwhile gets a clear answer in the form within Slack's three
// seconds, the late write is rolled back rather than completed silently,
// /healthz says 503 at once, and after recovery the same form stores the
// report once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock.ts";
import type { SlackStandIn } from "../support/slackStandIn.ts";
import { DPO_CHANNEL, startTestBot, startWorkspaceStandIn, type TTestBot } from "../support/startTestBot.ts";
import { TcpProxy } from "../support/tcpProxy.ts";
import { createTestDatabase, type TTestDatabase } from "../support/testDatabases.ts";
import { reportModalState } from "../support/slackRequests.ts";

let views = 0;
/** A report through the form; the same view id is the same form submitted again. */
function submitReport(harness: TTestBot, now: Date, viewId = `V0FAULT${++views}`) {
  const fields = {
    what_happened: "Medicatieoverzicht in de verkeerde groepsapp gedeeld (synthetisch voorbeeld).",
    discovered_at: Math.floor(now.getTime() / 1000) - 3600,
    system: "siilo",
    data_kinds: ["health"],
    people_affected: "2",
    stopped: "yes",
    recipient: "known",
  };
  return harness.slack.viewSubmission({
    userId: "U0STAFF01",
    view: { id: viewId, callback_id: "datalek_report", state: { values: reportModalState(fields as never) } },
  });
}

const NOW = new Date("2026-11-23T09:00:00Z");

describe("a stalled or dropped PostgreSQL server", () => {
  let standIn: SlackStandIn;
  let testDatabase: TTestDatabase;
  let proxy: TcpProxy;
  let harness: TTestBot;

  beforeEach(async () => {
    standIn = await startWorkspaceStandIn();
    testDatabase = await createTestDatabase("postgresql");
    if (testDatabase.options.kind !== "postgresql") throw new Error("expected a server database");
    const direct = new URL(testDatabase.options.url);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(testDatabase.options.url);
    proxied.port = String(proxy.port);
    harness = await startTestBot({
      databaseOptions: { kind: "postgresql", url: proxied.toString(), poolSize: 5 },
      standIn,
      clock: new ManualClock(NOW),
    });
  });
  afterEach(async () => {
    proxy.resume();
    await harness.stop().catch(() => undefined);
    await proxy.close();
    await testDatabase.drop();
    await standIn.close();
  });

  const health = async () => (await fetch(`${harness.url}/healthz`, { signal: AbortSignal.timeout(1500) })).status;

  it("answers a report in the form while the database hangs, rolls the late write back, and stores it once after", async () => {
    proxy.stall();
    const answer = await submitReport(harness, NOW, "V0STALLED");
    // Acknowledged by the bot (Bolt itself would have answered 404 after three seconds): the form keeps the text.
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ response_action: "errors" });
    expect(JSON.stringify(answer.body)).toContain("Opslaan lukte niet");
    // Health answers at once, and says the database does not answer.
    expect(await health()).toBe(503);

    proxy.resume();
    await expect.poll(health, { timeout: 10_000 }).toBe(200);
    // The write that was too late did not complete.
    expect(await harness.database.prisma.incident.count()).toBe(0);

    // The reporter tries again with the same form: stored once, paged once.
    const again = await submitReport(harness, NOW, "V0STALLED");
    expect(again.body).toMatchObject({ response_action: "update" });
    expect(JSON.stringify(again.body)).toContain("DL-2026-0001");
    await standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL);
    expect(await harness.database.prisma.incident.count()).toBe(1);
  });

  it("gives a transaction's connection back to the pool when it is cut in the middle", async () => {
    // The bot's pool here has five connections: six cut transactions would
    // take them all for good if a cut one were kept, and the report below
    // would find no connection.
    for (let cut = 0; cut < 6; cut++) {
      await expect(
        harness.database.prisma.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          proxy.drop();
          await tx.$queryRaw`SELECT 1`;
        }),
      ).rejects.toThrow();
    }
    const answer = await submitReport(harness, NOW);
    expect(answer.body).toMatchObject({ response_action: "update" });
    expect(await harness.database.prisma.incident.count()).toBe(1);
  });

  it("takes a report after its connections were cut", async () => {
    proxy.drop();
    const answer = await submitReport(harness, NOW);
    // A cut connection is replaced: stored, or at worst a clear "try again"; never a 500.
    expect(answer.status).toBe(200);
    if ((answer.body as { response_action?: string }).response_action === "errors") {
      const again = await submitReport(harness, NOW);
      expect(again.body).toMatchObject({ response_action: "update" });
    } else {
      expect(answer.body).toMatchObject({ response_action: "update" });
    }
    expect(await harness.database.prisma.incident.count()).toBe(1);
  });
});
