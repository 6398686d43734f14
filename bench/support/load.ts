// Drives requests at a server and records each one's latency, measured by
// the client from sending the request to reading the whole answer.
import { performance } from "node:perf_hooks";

/** One request; throws when the answer is not what the scenario expects. */
export type TRequest = (index: number) => Promise<void>;

export interface TLoadResult {
  latenciesMs: number[];
  failures: string[];
}

async function timed(request: TRequest, index: number, result: TLoadResult): Promise<void> {
  const started = performance.now();
  try {
    await request(index);
    result.latenciesMs.push(performance.now() - started);
  } catch (error) {
    result.failures.push((error as Error).message);
  }
}

/** `count` requests one after another. */
export async function runSequential(count: number, request: TRequest, firstIndex = 0): Promise<TLoadResult> {
  const result: TLoadResult = { latenciesMs: [], failures: [] };
  for (let index = 0; index < count; index++) await timed(request, firstIndex + index, result);
  return result;
}

/** `clients` clients at once, each sending its share of `total` requests one after another. */
export async function runConcurrent(clients: number, total: number, request: TRequest, firstIndex = 0): Promise<TLoadResult> {
  const result: TLoadResult = { latenciesMs: [], failures: [] };
  let next = 0;
  const client = async () => {
    // Bounded: each client stops when the shared budget is spent.
    while (next < total) {
      const index = next++;
      await timed(request, firstIndex + index, result);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return result;
}
