// A Prisma Client extension that keeps ENCRYPTED_FIELDS encrypted at rest:
// every write (create, update, upsert, createMany, nested writes) encrypts
// them, every read decrypts whatever ciphertext it returns (also through
// include/select). Services keep reading and writing plain values.
// Raw queries ($queryRaw) bypass it: they must read ids only and load rows
// through Prisma (the outbox worker and the scheduler do).
import { PrismaClient } from "../storage/generated/client.ts";
import { ENCRYPTED_FIELDS, type TEncryptedFieldKind } from "./encryptedFields.ts";
import {
  decryptJson,
  decryptText,
  encryptJson,
  encryptText,
  isCiphertext,
  isEncryptedJson,
  type TKeyRing,
} from "./fieldCipher.ts";

type TRuntimeField = { name: string; kind: string; type: string };
type TRuntimeModels = Record<string, { fields: TRuntimeField[] }>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function withFieldEncryption(prisma: PrismaClient, ring: TKeyRing): PrismaClient {
  const models = ((prisma as unknown as { _runtimeDataModel?: { models: TRuntimeModels } })._runtimeDataModel?.models ??
    {}) as TRuntimeModels;

  const encryptValue = (kind: TEncryptedFieldKind, value: unknown): unknown => {
    if (value === null || value === undefined) return value;
    if (kind === "text") {
      if (typeof value === "string") return isCiphertext(value) ? value : encryptText(ring, value);
      if (isPlainObject(value) && typeof value.set === "string") return { ...value, set: encryptText(ring, value.set) };
      return value;
    }
    // Json: Prisma's JsonNull/DbNull markers are class instances and stay as they are.
    if (
      !isPlainObject(value) &&
      !Array.isArray(value) &&
      typeof value !== "string" &&
      typeof value !== "number" &&
      typeof value !== "boolean"
    ) {
      return value;
    }
    return isEncryptedJson(value) ? value : encryptJson(ring, value);
  };

  /** Encrypts the configured fields of one data object of `model`, and its nested writes. */
  const encryptData = (model: string, data: unknown): unknown => {
    if (Array.isArray(data)) return data.map((item) => encryptData(model, item));
    if (!isPlainObject(data)) return data;
    const fields = ENCRYPTED_FIELDS[model] ?? {};
    const relations = new Map(
      (models[model]?.fields ?? []).filter((field) => field.kind === "object").map((field) => [field.name, field.type]),
    );
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      const kind = fields[key];
      const related = relations.get(key);
      if (kind) out[key] = encryptValue(kind, value);
      else if (related && isPlainObject(value)) out[key] = encryptNestedWrite(related, value);
      else out[key] = value;
    }
    return out;
  };

  const encryptNestedWrite = (model: string, write: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...write };
    if (write.create !== undefined) out.create = encryptData(model, write.create);
    if (isPlainObject(write.createMany))
      out.createMany = { ...write.createMany, data: encryptData(model, write.createMany.data) };
    const each = (value: unknown, map: (item: Record<string, unknown>) => unknown) =>
      Array.isArray(value)
        ? value.map((item) => map(item as Record<string, unknown>))
        : isPlainObject(value)
          ? map(value)
          : value;
    if (write.connectOrCreate !== undefined) {
      out.connectOrCreate = each(write.connectOrCreate, (item) => ({ ...item, create: encryptData(model, item.create) }));
    }
    if (write.upsert !== undefined) {
      out.upsert = each(write.upsert, (item) => ({
        ...item,
        create: encryptData(model, item.create),
        update: encryptData(model, item.update),
      }));
    }
    for (const key of ["update", "updateMany"] as const) {
      if (write[key] === undefined) continue;
      out[key] = each(write[key], (item) =>
        "data" in item ? { ...item, data: encryptData(model, item.data) } : encryptData(model, item),
      );
    }
    return out;
  };

  /** Decrypts every ciphertext in a result, whatever model it came from. */
  const decryptResult = (value: unknown): unknown => {
    if (typeof value === "string") return isCiphertext(value) ? decryptText(ring, value) : value;
    if (Array.isArray(value)) return value.map(decryptResult);
    if (!isPlainObject(value)) return value;
    if (isEncryptedJson(value)) return decryptJson(ring, value);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = decryptResult(item);
    return out;
  };

  const extended = prisma.$extends({
    name: "datalek-field-encryption",
    query: {
      $allModels: {
        async $allOperations({ model, args, query }) {
          const input = args as Record<string, unknown> | undefined;
          if (input && isPlainObject(input)) {
            const next: Record<string, unknown> = { ...input };
            if (input.data !== undefined) next.data = encryptData(model, input.data);
            if (input.create !== undefined) next.create = encryptData(model, input.create);
            if (input.update !== undefined) next.update = encryptData(model, input.update);
            return decryptResult(await query(next as never));
          }
          return decryptResult(await query(args));
        },
      },
    },
  });
  // A query-only extension leaves the client's API as it is.
  return extended as unknown as PrismaClient;
}
