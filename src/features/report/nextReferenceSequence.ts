// The next reference number of a year, for callers that write an incident
// through the ORM (the demo's and the tests' fixtures). A report takes its
// number inside receiveReport's one statement.
import type { TDbTransaction } from "../../core/storage/transaction.ts";

/** Hands out the next number of the year; the row lock serialises writers. */
export async function nextReferenceSequence(tx: TDbTransaction, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO reference_counter (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = reference_counter.last + 1
    RETURNING last`;
  return Number(rows[0]!.last);
}
