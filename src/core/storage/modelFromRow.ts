// A row read straight through the driver (snake_case columns) as the Prisma
// model it is (camelCase fields), its encrypted fields decrypted as the
// client's extension would: for reads where Prisma's mapping costs more
// than the database (the export's pages, each delivered message's incident).
import { decryptJson, decryptText, isCiphertext, isEncryptedJson, type TKeyRing } from "../security/fieldCipher.ts";
import { encryptedFieldsOf } from "../security/encryptedFields.ts";

export type TRawRow = Record<string, unknown>;

const CAMEL_NAMES = new Map<string, string>();
function camelName(column: string): string {
  let name = CAMEL_NAMES.get(column);
  if (name === undefined) CAMEL_NAMES.set(column, (name = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())));
  return name;
}

/**
 * A row of Database.sql or readRows (snake_case, Prisma's types) as the Prisma
 * model (camelCase); without a key ring, encrypted fields stay as stored.
 */
export function modelFromRow<T>(model: string, row: TRawRow, ring: TKeyRing | undefined): T {
  const out: Record<string, unknown> = {};
  for (const column in row) out[camelName(column)] = row[column];
  if (ring) {
    for (const [field, kind] of Object.entries(encryptedFieldsOf(model) ?? {})) {
      const value = out[field];
      if (kind === "text" && isCiphertext(value)) out[field] = decryptText(ring, value);
      if (kind === "json" && isEncryptedJson(value)) out[field] = decryptJson(ring, value);
    }
  }
  return out as T;
}
