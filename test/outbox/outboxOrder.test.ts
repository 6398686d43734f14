// The outbox worker on its own (no chat platform: a recording delivery), on
// both databases: an incident's messages go out in order, a message that
// must wait holds back the ones behind it (and only those), two workers
// never send the same message, and the claim stays quick with tens of
// thousands of messages waiting and no table statistics yet.
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutboxWorker, type TClaimedOutboxMessage, type TDeliveryOutcome } from "../../src/core/outbox/OutboxWorker.ts";
import type { Database } from "../../src/core/storage/openDatabase.ts";
import { ManualClock } from "../../src/core/time/clock.ts";
import { DATABASE_KINDS, openMigratedTestDatabase } from "../support/testDatabases.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe.each(DATABASE_KINDS)("the outbox worker on %s", (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  const clock = new ManualClock(NOW);

  beforeEach(async () => {
    ({ database, cleanup } = await openMigratedTestDatabase(kind));
    clock.set(NOW.toISOString());
  });
  afterEach(async () => {
    await cleanup();
  });

  const incident = async (reference: string) => {
    const [row] = await database.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO incident (id, reference, submission_key, reporter_id, what_happened, discovered_at, awareness_at,
        deadline_at, system, data_kinds, people_affected, stopped, recipient, created_at)
      VALUES (gen_random_uuid(), ${reference}, ${reference}, 'slack:U0STAFF01', 'x', ${NOW}, ${NOW}, ${NOW}, 'zivver',
        ARRAY['health'], 1, 'yes', 'known', ${NOW})
      RETURNING id::text AS id`;
    return row!.id;
  };

  const message = (incidentId: string | null, label: string, dueInSeconds = 0) =>
    database.prisma.outboxMessage.create({
      data: {
        platform: "slack",
        kind: "test",
        target: { to: "channel", channel: "dpo" },
        payload: { label },
        incidentId,
        nextAttemptAt: new Date(NOW.getTime() + dueInSeconds * 1000),
      },
    });

  const worker = (deliver: (message: TClaimedOutboxMessage) => Promise<TDeliveryOutcome>) =>
    new OutboxWorker({
      platform: "slack",
      database,
      clock,
      logger: pino({ level: "silent" }),
      deliver: async (claimed, hooks) => {
        await hooks.beforeSend();
        return deliver(claimed);
      },
      classifyFailure: () => ({ kind: "transient", message: "test" }),
    });

  const label = (claimed: TClaimedOutboxMessage) => (claimed.payload as { label: string }).label;

  it("sends an incident's messages in order, in one round, and holds back what follows a message that must wait", async () => {
    const first = await incident("DL-2026-0001");
    const second = await incident("DL-2026-0002");
    await message(first, "a1");
    await message(first, "a2");
    await message(first, "a3-later", 60);
    await message(first, "a4");
    await message(second, "b1");
    await message(null, "n1");
    const sent: string[] = [];
    const handled = await worker(async (claimed) => {
      sent.push(label(claimed));
      return { status: "delivered" };
    }).deliverDue();
    // a4 waits behind a3, which is not due; the rest went out, a1 before a2.
    expect(sent.filter((name) => name.startsWith("a"))).toEqual(["a1", "a2"]);
    expect(new Set(sent)).toEqual(new Set(["a1", "a2", "b1", "n1"]));
    expect(handled).toBe(4);
    const pending = await database.prisma.outboxMessage.findMany({ where: { status: "pending" }, orderBy: { id: "asc" } });
    expect(pending.map((row) => (row.payload as { label: string }).label)).toEqual(["a3-later", "a4"]);
    expect(pending.every((row) => row.claimedBy === null && row.attemptedAt === null)).toBe(true);

    clock.advance(61_000);
    sent.length = 0;
    await worker(async (claimed) => {
      sent.push(label(claimed));
      return { status: "delivered" };
    }).deliverDue();
    expect(sent).toEqual(["a3-later", "a4"]);
  });

  it("gives back the rest of an incident's chain, unsent and as it was, when one of its messages must wait", async () => {
    const first = await incident("DL-2026-0001");
    await message(first, "a1");
    await message(first, "a2");
    await message(first, "a3");
    const sent: string[] = [];
    await worker(async (claimed) => {
      sent.push(label(claimed));
      return label(claimed) === "a2" ? { status: "wait", retryInSeconds: 5 } : { status: "delivered" };
    }).deliverDue();
    expect(sent).toEqual(["a1", "a2"]);
    const rows = await database.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.status, row.attempts, row.claimedBy, row.attemptedAt])).toEqual([
      ["delivered", 1, null, null],
      ["pending", 0, null, null],
      ["pending", 0, null, null],
    ]);
  });

  it("records a round's deliveries together: each its own time and result, and the last place a keyed message went", async () => {
    const first = await incident("DL-2026-0001");
    const keyed = (labelText: string) =>
      database.prisma.outboxMessage.create({
        data: {
          platform: "slack",
          kind: "test",
          target: { to: "channel", channel: "dpo" },
          payload: { label: labelText },
          incidentId: first,
          messageKey: `incident:${first}`,
          nextAttemptAt: NOW,
        },
      });
    await keyed("post");
    await keyed("repost");
    await message(first, "page");
    let ts = 0;
    await worker(async (claimed) => {
      clock.advance(1_000);
      ts += 1;
      return { status: "delivered", result: { label: label(claimed) }, ...(claimed.key ? { posted: `C0DPO/${ts}` } : {}) };
    }).deliverDue();
    const rows = await database.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.status, row.deliveredAt?.toISOString(), row.result, row.claimedBy, row.attemptedAt])).toEqual([
      ["delivered", "2026-11-23T09:00:01.000Z", { label: "post" }, null, null],
      ["delivered", "2026-11-23T09:00:02.000Z", { label: "repost" }, null, null],
      ["delivered", "2026-11-23T09:00:03.000Z", { label: "page" }, null, null],
    ]);
    const posted = await database.prisma.postedMessage.findMany();
    expect(posted.map((row) => [row.key, row.platform, row.ref])).toEqual([[`incident:${first}`, "slack", "C0DPO/2"]]);
  });

  it("never lets two workers send the same message", async () => {
    const incidents = await Promise.all(Array.from({ length: 10 }, (_, index) => incident(`DL-2026-${1000 + index}`)));
    for (const id of incidents) for (const part of ["x", "y", "z"]) await message(id, `${id}:${part}`);
    const sent: string[] = [];
    const record = async (claimed: TClaimedOutboxMessage): Promise<TDeliveryOutcome> => {
      sent.push(label(claimed));
      await new Promise((resolve) => setImmediate(resolve));
      return { status: "delivered" };
    };
    const [a, b] = [worker(record), worker(record)];
    await Promise.all([a.kick(), b.kick(), a.kick(), b.kick()]);
    expect(sent).toHaveLength(30);
    expect(new Set(sent).size).toBe(30);
    // Each incident's messages in their order.
    for (const id of incidents) expect(sent.filter((name) => name.startsWith(id))).toEqual([`${id}:x`, `${id}:y`, `${id}:z`]);
  });

  it("claims a batch among 24,000 waiting messages by index, without statistics", async () => {
    await database.prisma.$executeRawUnsafe(`
      INSERT INTO incident (id, reference, submission_key, reporter_id, what_happened, discovered_at, awareness_at,
        deadline_at, system, data_kinds, people_affected, stopped, recipient, created_at)
      SELECT gen_random_uuid(), 'DL-2026-' || g, 'V' || g, 'slack:U1', 'x', now(), now(), now(), 'zivver',
        ARRAY['health'], 1, 'yes', 'known', now()
      FROM generate_series(1, 6000) g`);
    await database.prisma.$executeRawUnsafe(`
      INSERT INTO outbox_message (platform, kind, target, payload, incident_id, next_attempt_at)
      SELECT 'slack', 'test', '{"to":"channel","channel":"dpo"}', '{"label":"bulk"}', incident.id, timestamptz '2026-11-22T09:00:00Z'
      FROM incident, generate_series(1, 4) ORDER BY incident.created_at`);
    // The plan of the claim's heads reads the claim index in order and stops: no sort of every due message.
    const plan = await database.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`
      EXPLAIN SELECT head.id FROM outbox_message head
      WHERE head.platform = 'slack' AND head.status = 'pending' AND head.next_attempt_at <= now()
      ORDER BY head.next_attempt_at, head.id LIMIT 20`);
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("outbox_message_platform_status_next_attempt_at_id_idx");
    expect(text).not.toMatch(/\bSort\b/);
    let delivered = 0;
    const handled = await worker(async () => {
      delivered += 1;
      return { status: "delivered" };
    }).deliverDue();
    expect(handled).toBe(delivered);
    expect(handled).toBeGreaterThanOrEqual(20);
  }, 60_000);
});
