// Work that every transaction does last, just before it commits, in a fixed
// order: the overview refresh requests, then the audit trail. Both take locks
// that other transactions also need (the refresh row of "overseers", the audit
// chain's lock); taken last and in the same order everywhere, no two
// transactions can end up waiting on each other through them, and they are
// held only for the final statements.
export interface TCommitTail {
  /** Starts collecting for a transaction. */
  begin(tx: object): void;
  /** Writes what was collected (inside the transaction) and forgets it. */
  flush(tx: object): Promise<void>;
}

export function withCommitTail<T extends { $transaction: (...args: never[]) => Promise<unknown> }>(
  prisma: T,
  tails: readonly TCommitTail[],
): T {
  const original = prisma.$transaction.bind(prisma) as (...args: unknown[]) => Promise<unknown>;
  const wrapped = (arg: unknown, ...rest: unknown[]) => {
    if (typeof arg !== "function") return original(arg, ...rest);
    const work = arg as (tx: object) => Promise<unknown>;
    return original(async (tx: object) => {
      for (const tail of tails) tail.begin(tx);
      const result = await work(tx);
      for (const tail of tails) await tail.flush(tx);
      return result;
    }, ...rest);
  };
  (prisma as unknown as { $transaction: unknown }).$transaction = wrapped;
  return prisma;
}
