// The loop behind every background worker: rounds never overlap, a round
// that found work goes round again, a kick during a round adds one more, and
// a worker whose claim is a plain LIMIT stops after a short round.
import pino from "pino";
import { describe, expect, it } from "vitest";
import { PollingWorker } from "../../src/core/jobs/PollingWorker.ts";

const logger = pino({ level: "silent" });

/** A queue of `due` items taken `batch` at a time; counts the rounds. */
function queueWorker(due: number, batch: number, drainedWhenShort: boolean) {
  let left = due;
  let rounds = 0;
  let overlapping = false;
  let inRound = false;
  const worker = new PollingWorker({
    name: "test",
    batchSize: batch,
    drainedWhenShort,
    logger,
    round: async () => {
      if (inRound) overlapping = true;
      inRound = true;
      rounds += 1;
      await new Promise((resolve) => setImmediate(resolve));
      const taken = Math.min(batch, left);
      left -= taken;
      inRound = false;
      return taken;
    },
  });
  return { worker, rounds: () => rounds, overlapping: () => overlapping, add: (n: number) => (left += n) };
}

describe("PollingWorker", () => {
  it("goes round until a round finds nothing, by default", async () => {
    const queue = queueWorker(45, 20, false);
    expect(await queue.worker.kick()).toBe(45);
    // 20, 20, 5, then an empty round.
    expect(queue.rounds()).toBe(4);
  });

  it("stops after a short round when the claim is a plain LIMIT", async () => {
    const queue = queueWorker(45, 20, true);
    expect(await queue.worker.kick()).toBe(45);
    expect(queue.rounds()).toBe(3);
    // Nothing due: one round.
    expect(await queue.worker.kick()).toBe(0);
    expect(queue.rounds()).toBe(4);
  });

  it("runs one more round for a kick during a round, never two at once", async () => {
    const queue = queueWorker(5, 20, true);
    const first = queue.worker.kick();
    queue.add(3);
    const second = queue.worker.kick();
    expect(second).toBe(first);
    expect(await first).toBe(8);
    expect(queue.rounds()).toBe(2);
    expect(queue.overlapping()).toBe(false);
  });
});
