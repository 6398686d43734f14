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
}

/** True for a transaction on the driver, false for a Prisma client or transaction. */
export function isSqlTransaction(tx: object): tx is TSqlTransaction {
  return (tx as Partial<TSqlTransaction>).driverTransaction === true;
}

/** A tagged template as the driver wants it: `$1`, `$2`, ... in the text, the values beside it. */
export function parameterised(strings: TemplateStringsArray, values: readonly unknown[]): { text: string; values: unknown[] } {
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
