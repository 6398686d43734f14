import type { PrismaClient } from "./generated/client.ts";

/** The client handed to a `$transaction` callback. */
export type TDbTransaction = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * True when a unique index refused the row: Prisma's P2002 for a typed call,
 * PostgreSQL's 23505 as a raw statement reports it (through either driver).
 */
export function isUniqueViolation(error: unknown): boolean {
  const failure = error as {
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
    message?: string;
  } | null;
  return (
    failure?.code === "P2002" ||
    // The driver's own error (src/core/storage/sql.ts).
    failure?.code === "23505" ||
    failure?.meta?.code === "23505" ||
    failure?.meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    /23505|unique constraint/i.test(failure?.message ?? "")
  );
}
