// The hash of an audit entry: sha256 over a canonical serialisation of its
// content and the previous entry's hash. Canonical = keys sorted at every
// level, dates as ISO strings, so the database's JSON storage (which may
// reorder keys) does not change it.
import crypto from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface TAuditContent {
  at: Date;
  actorId: string;
  action: string;
  incidentId: string | null;
  details: unknown;
  prevHash: string;
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function sha256Hex(text: string): string {
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

function auditEntryCanonical(entry: TAuditContent): string {
  return canonicalJson({
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    incidentId: entry.incidentId,
    details: entry.details ?? {},
    prevHash: entry.prevHash,
  });
}

export function auditEntryHash(entry: TAuditContent): string {
  return sha256Hex(auditEntryCanonical(entry));
}

const PREV_HASH_TAIL = `"prevHash":""}`;

/**
 * The canonical text of an entry up to its previous hash: prevHash sorts
 * last, so the text is this, then the previous hash, then `"}`. The
 * database completes and hashes it where the previous hash is (the append
 * needs no read of it first); auditEntryHash gives the same.
 */
export function auditEntryHead(entry: Omit<TAuditContent, "prevHash">): string {
  const text = auditEntryCanonical({ ...entry, prevHash: "" });
  if (!text.endsWith(PREV_HASH_TAIL)) throw new Error("the audit entry's previous hash must be its last member");
  return text.slice(0, -2);
}
