// PGlite runs PostgreSQL as WebAssembly in this process: each statement runs
// synchronously to the end, and its promises resolve without waiting on any
// I/O, so a transaction of ten statements never lets the event loop take a
// turn. Meanwhile no HTTP request is even read: a `/datalek` arriving during
// a burst of reports waits behind all of them, and its trigger expires.
// Yielding once before each statement (setImmediate: after pending I/O)
// lets acknowledgements through between statements, at a cost of a few
// microseconds per statement.
import type { PGlite, Transaction } from "@electric-sql/pglite";

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type TQueryable = Pick<PGlite, "query">;

function yieldBeforeQueries<T extends TQueryable | Transaction>(target: T): T {
  const query = target.query.bind(target) as (...args: unknown[]) => Promise<unknown>;
  (target as { query: unknown }).query = async (...args: unknown[]) => {
    await yieldToEventLoop();
    return query(...args);
  };
  return target;
}

/** Makes every statement of `pglite` (also inside transactions) give the event loop a turn first. */
export function yieldingPglite(pglite: PGlite): PGlite {
  yieldBeforeQueries(pglite);
  const transaction = pglite.transaction.bind(pglite);
  (pglite as { transaction: unknown }).transaction = <R>(callback: (tx: Transaction) => Promise<R>) =>
    transaction((tx) => callback(yieldBeforeQueries(tx)));
  return pglite;
}
