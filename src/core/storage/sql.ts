// Raw SQL straight through the driver (pg or PGlite), for the statements
// every report makes: the registration, the outbox's claims and outcomes.
// Through Prisma the same raw statement costs about five times the CPU
// (measured: 0.64 against 0.13 ms a statement, 1.1 against 0.19 ms for a
// statement in a transaction), and a burst of reports is bound by CPU
// (issue 14). Same shape as Prisma's `$queryRaw` / `$executeRaw` tagged
// templates, so a helper that only writes raw SQL takes either a Prisma
// transaction or one of these, and the same types come back (int8 as
// bigint, timestamptz as Date, json parsed).
import type { TKeyRing } from "../security/fieldCipher.ts";

export interface TSql {
  $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

/**
 * A transaction on the driver. Raw statements bypass the client's field
 * encryption: a write of an encrypted field (src/core/security/encryptedFields.ts)
 * encrypts with `keyRing` itself (absent: the database stores plain text).
 */
export interface TSqlTransaction extends TSql {
  readonly driverTransaction: true;
  readonly keyRing?: TKeyRing;
  /** Queues a write for the transaction's next statement (deferredWrites); internal to it. */
  writeLater(strings: readonly string[], values: readonly unknown[]): void;
  /** Sends the queued writes now, on their own (sendDeferredWrites). */
  sendWrites(): Promise<void>;
}

/** What `$executeRaw` of deferredWrites answers: the count is not known when the write is queued. */
export const DEFERRED_COUNT = -1;

/**
 * Writes that need no answer, one round trip fewer each: on a driver
 * transaction each `$executeRaw` is queued and sent with the transaction's
 * next statement, as a data-modifying `WITH` of it (or on their own, before
 * COMMIT or where sendDeferredWrites asks), and answers DEFERRED_COUNT; on a Prisma client or transaction it
 * runs at once. The queued writes and that statement see one snapshot: a
 * queued write must not need what an earlier one in the same queue wrote,
 * nor begin with WITH itself. A failing write fails the statement it rides
 * with, and so the transaction. `$queryRaw` runs at once (with the queue).
 */
export function deferredWrites(tx: TSql): TSql {
  if (!isSqlTransaction(tx)) return tx;
  return {
    $queryRaw: (strings, ...values) => tx.$queryRaw(strings, ...values),
    $executeRaw: async (strings, ...values) => {
      tx.writeLater(strings, values);
      return DEFERRED_COUNT;
    },
  };
}

/**
 * Sends a driver transaction's deferred writes now, before a statement that
 * must not carry them (one that takes a lock nothing may wait under); on
 * Prisma there is nothing queued.
 */
export async function sendDeferredWrites(tx: TSql): Promise<void> {
  if (isSqlTransaction(tx)) await tx.sendWrites();
}

export interface TTemplate {
  strings: readonly string[];
  values: readonly unknown[];
}

const STARTS_WITH_WITH = /^\s*WITH\s/i;
const STARTS_WITH_RECURSIVE = /^\s*WITH\s+RECURSIVE\s/i;

/**
 * The queued writes as data-modifying WITH queries of `statement`, one
 * template: `WITH w0 AS (write), w1 AS (write) statement`, the statement's
 * own WITH list joined to theirs.
 */
export function withWrites(writes: readonly TTemplate[], statement: TTemplate): TTemplate {
  const strings: string[] = [];
  const values: unknown[] = [];
  const [first = "", ...rest] = statement.strings;
  // RECURSIVE belongs to the whole list, so it comes first.
  const recursive = STARTS_WITH_RECURSIVE.test(first);
  let open = recursive ? "WITH RECURSIVE " : "WITH ";
  writes.forEach((write, index) => {
    if (STARTS_WITH_WITH.test(write.strings[0] ?? "")) throw new Error("a deferred write cannot have a WITH of its own");
    const [head = "", ...tail] = write.strings;
    if (strings.length === 0) strings.push(`${open}w${index} AS (${head}`);
    else strings[strings.length - 1] += `${open}w${index} AS (${head}`;
    strings.push(...tail);
    values.push(...write.values);
    strings[strings.length - 1] += ")";
    open = ", ";
  });
  strings[strings.length - 1] += recursive
    ? `, ${first.replace(STARTS_WITH_RECURSIVE, "")}`
    : STARTS_WITH_WITH.test(first)
      ? `, ${first.replace(STARTS_WITH_WITH, "")}`
      : ` ${first}`;
  strings.push(...rest);
  values.push(...statement.values);
  return { strings, values };
}

/** True for a transaction on the driver, false for a Prisma client or transaction. */
export function isSqlTransaction(tx: object): tx is TSqlTransaction {
  return (tx as Partial<TSqlTransaction>).driverTransaction === true;
}

/** A tagged template as the driver wants it: `$1`, `$2`, ... in the text, the values beside it. */
export function parameterised(strings: readonly string[], values: readonly unknown[]): { text: string; values: unknown[] } {
  let text = strings[0] ?? "";
  for (let index = 1; index < strings.length; index++) text += `$${index}${strings[index]}`;
  return { text, values: values.map(driverValue) };
}

/** What both drivers send as Prisma sends it: bigint as text (pg would too; PGlite infers the type). */
function driverValue(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(driverValue);
  return value;
}

/** PostgreSQL's type ids whose parsing differs from Prisma's by default: int8 and int8[]. */
export const INT8_OID = 20;
export const INT8_ARRAY_OID = 1016;

export function parseInt8(text: string): bigint {
  return BigInt(text);
}
