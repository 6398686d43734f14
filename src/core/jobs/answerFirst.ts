// Requests waiting for their answer go first. The embedded database runs
// one statement at a time in this process; during a burst of reports the
// background work (a report's registration after its answer, the outbox,
// the scheduler) would otherwise take turns with the people waiting on
// Slack's three seconds. A front end runs each request in handleRequest and
// marks it answered when it acknowledges; until then the database lets
// background statements wait a moment (bounded, so nothing starves).
import { AsyncLocalStorage } from "node:async_hooks";

interface TRequestState {
  answered: boolean;
}

const requests = new AsyncLocalStorage<TRequestState>();
let unanswered = 0;

/** Runs a request's handling; `markAnswered` is called when it acknowledged (and at the latest when it ends). */
export function handleRequest<T>(work: (markAnswered: () => void) => Promise<T>): Promise<T> {
  const state: TRequestState = { answered: false };
  unanswered += 1;
  const markAnswered = () => {
    if (state.answered) return;
    state.answered = true;
    unanswered -= 1;
  };
  return requests.run(state, () => work(markAnswered)).finally(markAnswered);
}

/** This code runs for a request whose answer is still awaited. */
export function isAwaitingAnswer(): boolean {
  const state = requests.getStore();
  return state !== undefined && !state.answered;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Before a statement: one turn of the event loop, and for background work
 * more while requests await their answers, at most `maxWaitMs`.
 */
export async function databaseTurn(maxWaitMs: number): Promise<void> {
  await nextTurn();
  if (isAwaitingAnswer()) return;
  const until = Date.now() + maxWaitMs;
  while (unanswered > 0 && Date.now() < until) await nextTurn();
}
