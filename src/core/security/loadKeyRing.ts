// Where the encryption key comes from: DATALEK_ENCRYPTION_KEY (base64 of
// 32 bytes), or a file named by DATALEK_ENCRYPTION_KEY_FILE; older keys for
// reading (during and after a rotation) in DATALEK_OLD_KEYS. The embedded
// setup without a key creates DATA_DIR/encryption.key (mode 0600) and warns:
// a key next to the data it protects only protects against a lost backup
// of the database alone. With a PostgreSQL server a key is required.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createKeyRing, type TKeyRing } from "./fieldCipher.ts";

export interface TKeySettings {
  DATALEK_ENCRYPTION_KEY?: string | undefined;
  DATALEK_ENCRYPTION_KEY_FILE?: string | undefined;
  DATALEK_OLD_KEYS?: string | undefined;
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  /** Embedded setup without a key: create one (default). False only checks, e.g. when the start is refused anyway. */
  generateMissing?: boolean;
}

export type TKeyRingResult = { ok: true; ring: TKeyRing; warnings: string[] } | { ok: false; problems: string[] };

export const GENERATED_KEY_FILE = "encryption.key";

export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, "base64");
  return key.length === 32 ? key : undefined;
}

export function loadKeyRing(settings: TKeySettings): TKeyRingResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  let current: Buffer | undefined;
  if (settings.DATALEK_ENCRYPTION_KEY) {
    current = decodeKey(settings.DATALEK_ENCRYPTION_KEY);
    if (!current) problems.push("DATALEK_ENCRYPTION_KEY must be base64 of 32 bytes (e.g. `openssl rand -base64 32`)");
  } else if (settings.DATALEK_ENCRYPTION_KEY_FILE) {
    try {
      current = decodeKey(fs.readFileSync(settings.DATALEK_ENCRYPTION_KEY_FILE, "utf8"));
      if (!current) problems.push("DATALEK_ENCRYPTION_KEY_FILE must hold base64 of 32 bytes");
    } catch (error) {
      problems.push(`DATALEK_ENCRYPTION_KEY_FILE cannot be read: ${(error as Error).message}`);
    }
  } else if (settings.DATABASE_URL) {
    problems.push(
      "DATALEK_ENCRYPTION_KEY is required with DATABASE_URL (base64 of 32 bytes, kept apart from the database; see SECURITY.md)",
    );
  } else {
    const file = path.join(settings.DATA_DIR, GENERATED_KEY_FILE);
    if (!fs.existsSync(file) && settings.generateMissing === false) return { ok: false, problems };
    if (!fs.existsSync(file)) {
      fs.mkdirSync(settings.DATA_DIR, { recursive: true });
      fs.writeFileSync(file, `${crypto.randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      warnings.push(`generated an encryption key in ${file}`);
    }
    current = decodeKey(fs.readFileSync(file, "utf8"));
    if (!current) problems.push(`DATALEK_ENCRYPTION_KEY is not set and ${file} does not hold base64 of 32 bytes`);
    warnings.push(
      `DATALEK_ENCRYPTION_KEY is not set: free text is encrypted with the key in ${file}, next to the data. ` +
        "Set DATALEK_ENCRYPTION_KEY (kept elsewhere) in production; see SECURITY.md.",
    );
  }
  const old: Buffer[] = [];
  for (const [index, text] of (settings.DATALEK_OLD_KEYS ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .entries()) {
    const key = decodeKey(text);
    if (key) old.push(key);
    else problems.push(`DATALEK_OLD_KEYS entry ${index + 1} must be base64 of 32 bytes`);
  }
  if (problems.length > 0 || !current) return { ok: false, problems };
  return { ok: true, ring: createKeyRing(current, old), warnings };
}
