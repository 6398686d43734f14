// Re-encrypts every value of ENCRYPTED_FIELDS under the key ring's current
// key (and encrypts text left in clear from before encryption existed).
// Works on a plain (non-encrypting) client, value by value, each update its
// own statement: an interrupted rotation keeps what it did, and running it
// again finishes the rest. Old keys must stay in DATALEK_OLD_KEYS until it
// reports nothing left.
import type { PrismaClient } from "../storage/generated/client.ts";
import { ENCRYPTED_FIELDS } from "./encryptedFields.ts";
import { CIPHERTEXT_PREFIX, decryptText, DecryptionError, encryptText, isEncryptedJson, type TKeyRing } from "./fieldCipher.ts";

export interface TRotationReport {
  reencrypted: number;
  encryptedFromClear: number;
  /** Values that could not be decrypted (unknown key or altered), by model.field. */
  failed: Record<string, number>;
}

type TDelegate = {
  findMany(args: unknown): Promise<Record<string, unknown>[]>;
  updateMany(args: unknown): Promise<{ count: number }>;
};

export async function rotateEncryptedFields(
  prisma: PrismaClient,
  ring: TKeyRing,
  options: { batchSize?: number; onProgress?: (line: string) => void } = {},
): Promise<TRotationReport> {
  const batchSize = options.batchSize ?? 200;
  const currentPrefix = `${CIPHERTEXT_PREFIX}${ring.currentKeyId}:`;
  const report: TRotationReport = { reencrypted: 0, encryptedFromClear: 0, failed: {} };
  for (const [model, fields] of Object.entries(ENCRYPTED_FIELDS)) {
    const delegate = (prisma as unknown as Record<string, TDelegate | undefined>)[model.charAt(0).toLowerCase() + model.slice(1)];
    if (!delegate) continue; // a model listed before its migration exists here
    for (const [field, kind] of Object.entries(fields)) {
      const failedValues: string[] = [];
      const fail = () => (report.failed[`${model}.${field}`] = (report.failed[`${model}.${field}`] ?? 0) + 1);
      let moved = 0;
      if (kind === "text") {
        for (;;) {
          const rows = await delegate.findMany({
            where: {
              AND: [
                { [field]: { gte: "" } },
                { NOT: { [field]: { startsWith: currentPrefix } } },
                { [field]: { notIn: failedValues } },
              ],
            },
            select: { [field]: true },
            distinct: [field],
            take: batchSize,
          });
          if (rows.length === 0) break;
          for (const row of rows) {
            const value = row[field] as string;
            let plaintext: string;
            const fromClear = !value.startsWith(CIPHERTEXT_PREFIX);
            try {
              plaintext = fromClear ? value : decryptText(ring, value);
            } catch (error) {
              if (!(error instanceof DecryptionError)) throw error;
              failedValues.push(value);
              fail();
              continue;
            }
            const updated = await delegate.updateMany({
              where: { [field]: value },
              data: { [field]: encryptText(ring, plaintext) },
            });
            if (fromClear) report.encryptedFromClear += updated.count;
            else report.reencrypted += updated.count;
            moved += updated.count;
          }
        }
      } else {
        const skip = new Set<string>();
        for (;;) {
          const rows = await delegate.findMany({
            where: {
              AND: [
                { [field]: { path: ["enc"], string_starts_with: CIPHERTEXT_PREFIX } },
                { NOT: { [field]: { path: ["enc"], string_starts_with: currentPrefix } } },
              ],
            },
            select: { [field]: true },
            take: batchSize + skip.size,
          });
          const pending = rows.filter((row) => isEncryptedJson(row[field]) && !skip.has((row[field] as { enc: string }).enc));
          if (pending.length === 0) break;
          for (const row of pending) {
            const value = row[field] as { enc: string };
            let plaintext: string;
            try {
              plaintext = decryptText(ring, value.enc);
            } catch (error) {
              if (!(error instanceof DecryptionError)) throw error;
              skip.add(value.enc);
              fail();
              continue;
            }
            const updated = await delegate.updateMany({
              where: { [field]: { equals: value } },
              data: { [field]: { enc: encryptText(ring, plaintext) } },
            });
            report.reencrypted += updated.count;
            moved += updated.count;
          }
        }
      }
      if (moved > 0) options.onProgress?.(`${model}.${field}: ${moved}`);
    }
  }
  return report;
}
