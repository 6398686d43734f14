// AES-256-GCM for single values. A ciphertext names the key it was made
// with, so old keys keep working while `datalek rotate-key` moves every
// value to the current one:
//   enc:v1:<keyId>:<iv base64>:<tag base64>:<data base64>
import crypto from "node:crypto";

export const CIPHERTEXT_PREFIX = "enc:v1:";
const CIPHERTEXT_PATTERN = /^enc:v1:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]*)$/;

export interface TKeyRing {
  /** New values are encrypted under this key. */
  currentKeyId: string;
  /** Every key that may still be found in the database, by id (the current one included). */
  keys: ReadonlyMap<string, Buffer>;
}

/** The id of a key: derived from the key itself, so nobody has to name keys. */
export function keyIdOf(key: Buffer): string {
  return `k${crypto.createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
}

export function createKeyRing(currentKey: Buffer, oldKeys: Buffer[] = []): TKeyRing {
  for (const key of [currentKey, ...oldKeys]) {
    if (key.length !== 32) throw new Error("an encryption key must be 32 bytes (base64 of 32 random bytes)");
  }
  const keys = new Map<string, Buffer>();
  for (const key of [currentKey, ...oldKeys]) keys.set(keyIdOf(key), key);
  return { currentKeyId: keyIdOf(currentKey), keys };
}

export function isCiphertext(value: unknown): value is string {
  return typeof value === "string" && CIPHERTEXT_PATTERN.test(value);
}

/** The key id a ciphertext was made with, or undefined for anything else. */
export function ciphertextKeyId(value: unknown): string | undefined {
  return typeof value === "string" ? CIPHERTEXT_PATTERN.exec(value)?.[1] : undefined;
}

export function encryptText(ring: TKeyRing, plaintext: string): string {
  const key = ring.keys.get(ring.currentKeyId)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${CIPHERTEXT_PREFIX}${ring.currentKeyId}:${iv.toString("base64")}:${tag.toString("base64")}:${data.toString("base64")}`;
}

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

/** Throws DecryptionError for an unknown key or a value that was altered. */
export function decryptText(ring: TKeyRing, ciphertext: string): string {
  const match = CIPHERTEXT_PATTERN.exec(ciphertext);
  if (!match) throw new DecryptionError("not a datalek ciphertext");
  const [, keyId, iv, tag, data] = match;
  const key = ring.keys.get(keyId!);
  if (!key) {
    throw new DecryptionError(`value encrypted with unknown key ${keyId}: add it to DATALEK_OLD_KEYS (see SECURITY.md)`);
  }
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv!, "base64"));
    decipher.setAuthTag(Buffer.from(tag!, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data!, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError(`encrypted value under key ${keyId} fails authentication (altered or wrong key)`);
  }
}

/** A Json field's whole value, encrypted into { enc }. */
export function encryptJson(ring: TKeyRing, value: unknown): { enc: string } {
  return { enc: encryptText(ring, JSON.stringify(value)) };
}

export function isEncryptedJson(value: unknown): value is { enc: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    isCiphertext((value as { enc?: unknown }).enc)
  );
}

export function decryptJson(ring: TKeyRing, value: { enc: string }): unknown {
  return JSON.parse(decryptText(ring, value.enc));
}
