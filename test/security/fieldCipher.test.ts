// Encryption of single values and where the key comes from.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ciphertextKeyId,
  createKeyRing,
  decryptJson,
  decryptText,
  DecryptionError,
  encryptJson,
  encryptText,
  isCiphertext,
} from "../../src/core/security/fieldCipher.ts";
import { loadKeyRing } from "../../src/core/security/loadKeyRing.ts";

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe("field cipher", () => {
  it("round-trips text and JSON, with a fresh IV each time and the key id in the value", () => {
    const ring = createKeyRing(keyA);
    const text = "Dossier van cliënt naar verkeerde ouder gemaild ✉️";
    const first = encryptText(ring, text);
    const second = encryptText(ring, text);
    expect(first).not.toBe(second);
    expect(first).not.toContain("Dossier");
    expect(isCiphertext(first)).toBe(true);
    expect(ciphertextKeyId(first)).toBe(ring.currentKeyId);
    expect(first.startsWith(`enc:v1:${ring.currentKeyId}:`)).toBe(true);
    expect(decryptText(ring, first)).toBe(text);
    const json = { reason: "geheim", nested: [1, "twee"] };
    expect(decryptJson(ring, encryptJson(ring, json))).toEqual(json);
  });

  it("refuses an altered value and a value under a key it does not hold", () => {
    const ring = createKeyRing(keyA);
    const value = encryptText(ring, "abc");
    const parts = value.split(":");
    const data = Buffer.from(parts[5]!, "base64");
    data[0] = data[0]! ^ 1;
    parts[5] = data.toString("base64");
    expect(() => decryptText(ring, parts.join(":"))).toThrow(DecryptionError);
    expect(() => decryptText(createKeyRing(keyB), value)).toThrow(/unknown key/);
  });

  it("reads values under old keys after a rotation", () => {
    const old = createKeyRing(keyA);
    const rotated = createKeyRing(keyB, [keyA]);
    expect(rotated.currentKeyId).not.toBe(old.currentKeyId);
    expect(decryptText(rotated, encryptText(old, "oud"))).toBe("oud");
    expect(ciphertextKeyId(encryptText(rotated, "nieuw"))).toBe(rotated.currentKeyId);
  });
});

describe("loadKeyRing", () => {
  it("takes DATALEK_ENCRYPTION_KEY and DATALEK_OLD_KEYS", () => {
    const result = loadKeyRing({
      DATALEK_ENCRYPTION_KEY: keyB.toString("base64"),
      DATALEK_OLD_KEYS: keyA.toString("base64"),
      DATA_DIR: "/nonexistent",
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.ring.keys.size).toBe(2);
      expect(result.warnings).toEqual([]);
    }
  });

  it("refuses a malformed key and a server database without a key, naming DATALEK_ENCRYPTION_KEY", () => {
    const bad = loadKeyRing({ DATALEK_ENCRYPTION_KEY: "c2hvcnQ=", DATA_DIR: "/nonexistent" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^DATALEK_ENCRYPTION_KEY /);
    const server = loadKeyRing({ DATABASE_URL: "postgresql://x@localhost/y", DATA_DIR: "/nonexistent" });
    expect(server.ok).toBe(false);
    if (!server.ok) expect(server.problems[0]).toMatch(/^DATALEK_ENCRYPTION_KEY is required with DATABASE_URL/);
  });

  it("generates a key file (0600) in DATA_DIR for the embedded setup, with a warning, and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-key-"));
    try {
      const first = loadKeyRing({ DATA_DIR: dir });
      expect(first.ok).toBe(true);
      const file = path.join(dir, "encryption.key");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      if (first.ok) expect(first.warnings.join("\n")).toMatch(/DATALEK_ENCRYPTION_KEY is not set/);
      const second = loadKeyRing({ DATA_DIR: dir });
      expect(second.ok && first.ok && second.ring.currentKeyId === first.ring.currentKeyId).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
