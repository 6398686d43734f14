// PGlite runs PostgreSQL as WebAssembly in this process: each statement runs
// synchronously to the end, and its promises resolve without waiting on any
// I/O, so a transaction of ten statements never lets the event loop take a
// turn. Meanwhile no HTTP request is even read: a `/datalek` arriving during
// a burst of reports waits behind all of them, and its trigger expires.
// So every statement first gives the event loop a turn (setImmediate: after
// pending I/O), and background work also lets requests that await their
// answer go first (answerFirst.ts), a moment at most. Inside a transaction
// only the turn: it holds the database, and waiting would hold up everyone.
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { databaseTurn } from "../jobs/answerFirst.ts";

/** The longest a background statement waits for requests to be answered (so the outbox never starves). */
const BACKGROUND_WAIT_MS = 20;

type TQueryable = Pick<PGlite, "query">;

function beforeQueries<T extends TQueryable | Transaction>(target: T, turn: () => Promise<void>): T {
  const query = target.query.bind(target) as (...args: unknown[]) => Promise<unknown>;
  (target as { query: unknown }).query = async (...args: unknown[]) => {
    await turn();
    return query(...args);
  };
  return target;
}

/** Makes every statement of `pglite` give the event loop (and requests awaiting their answer) a turn first. */
export function yieldingPglite(pglite: PGlite): PGlite {
  const turn = () => databaseTurn(BACKGROUND_WAIT_MS);
  beforeQueries(pglite, turn);
  const transaction = pglite.transaction.bind(pglite);
  (pglite as { transaction: unknown }).transaction = async <R>(callback: (tx: Transaction) => Promise<R>) => {
    await turn();
    // Inside a transaction: the turn only, no waiting (databaseTurn with no time to wait).
    return transaction((tx) => callback(beforeQueries(tx, () => databaseTurn(0))));
  };
  return pglite;
}
