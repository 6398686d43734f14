// `datalek rotate-key`: re-encrypts every encrypted field under the key in
// DATALEK_ENCRYPTION_KEY (or _FILE); the previous key(s) go in
// DATALEK_OLD_KEYS. In the embedded setup a generated DATA_DIR/encryption.key
// counts as an old key. Safe to interrupt and run again. Speaks the
// organisation's language (DEFAULT_LOCALE, Dutch unless "en").
import fs from "node:fs";
import path from "node:path";
import { recordAuditEvent } from "../core/audit/recordAuditEvent.ts";
import { rotateEncryptedFields } from "../core/security/rotateKeys.ts";
import { GENERATED_KEY_FILE, loadKeyRing } from "../core/security/loadKeyRing.ts";
import { migrateDatabase } from "../core/storage/migrateDatabase.ts";
import { toBotLocale } from "../core/text/locale.ts";
import { textsFor } from "../texts/index.ts";
import { openExistingDatabase } from "./openCliDatabase.ts";
import type { TCommandIo } from "./assessCommand.ts";

export async function rotateKeyCommand(env: NodeJS.ProcessEnv, io: TCommandIo): Promise<number> {
  const t = textsFor(toBotLocale(env.DEFAULT_LOCALE, "nl")).audit.cli;
  const dataDir = env.DATA_DIR || "./data";
  const databaseUrl = env.DATABASE_URL || undefined;
  if (!env.DATALEK_ENCRYPTION_KEY && !env.DATALEK_ENCRYPTION_KEY_FILE) {
    io.stderr.write(`rotate-key: ${t.rotateUsage}\n`);
    return 2;
  }
  const generated = path.join(dataDir, GENERATED_KEY_FILE);
  const oldKeys = [
    env.DATALEK_OLD_KEYS,
    !databaseUrl && fs.existsSync(generated) ? fs.readFileSync(generated, "utf8").trim() : undefined,
  ]
    .filter(Boolean)
    .join(",");
  const keys = loadKeyRing({
    DATALEK_ENCRYPTION_KEY: env.DATALEK_ENCRYPTION_KEY,
    DATALEK_ENCRYPTION_KEY_FILE: env.DATALEK_ENCRYPTION_KEY_FILE,
    DATALEK_OLD_KEYS: oldKeys,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
  });
  if (!keys.ok) {
    for (const problem of keys.problems) io.stderr.write(`rotate-key: ${problem}\n`);
    return 2;
  }
  // A plain client: the rotation reads and writes ciphertext itself.
  const opened = await openExistingDatabase(env, io, "rotate-key");
  if (!opened.ok) return opened.exitCode;
  const database = opened.database;
  try {
    await migrateDatabase(database);
    const report = await rotateEncryptedFields(database.prisma, keys.ring, {
      onProgress: (line) => io.stdout.write(`  ${line}\n`),
    });
    await recordAuditEvent(database.prisma, {
      at: new Date(),
      actorId: "cli",
      action: "key_rotated",
      details: {
        keyId: keys.ring.currentKeyId,
        reencrypted: report.reencrypted,
        encryptedFromClear: report.encryptedFromClear,
        failed: report.failed,
      },
    });
    const failed = Object.entries(report.failed);
    io.stdout.write(
      `${t.rotated({ count: report.reencrypted, keyId: keys.ring.currentKeyId, fromClear: report.encryptedFromClear })}\n`,
    );
    if (failed.length > 0) {
      for (const [field, count] of failed) io.stderr.write(`rotate-key: ${t.rotateFieldFailed({ count, field })}\n`);
      return 1;
    }
    io.stdout.write(`${t.rotateDone}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`rotate-key: ${t.rotateFailed({ error: (error as Error).message })}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
