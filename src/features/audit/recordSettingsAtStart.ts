// At every start the settings that decide who may do what (roles, channels,
// terms) and the register are compared with what the audit trail last
// recorded; a difference is recorded as settings_changed, with the names of
// what changed. Secrets are recorded only as short digests, never in clear.
import { canonicalJson, sha256Hex } from "../../core/audit/auditHash.ts";
import { recordAuditEvent } from "../../core/audit/recordAuditEvent.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import type { TRegister } from "../register/loadRegister.ts";

export interface TSettingsAuditDeps {
  database: Database;
  clock: Clock;
  register: TRegister;
}

const SECRET_SETTINGS = new Set([
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "DATABASE_URL",
  "DATALEK_ENCRYPTION_KEY",
  "DATALEK_ENCRYPTION_KEY_FILE",
  "DATALEK_OLD_KEYS",
]);
export const SETTINGS_ACTION = "settings_changed";
export const SYSTEM_ACTOR = "system";

export function settingsFingerprint(settings: object, register: TRegister): Record<string, string> {
  const fingerprint: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings as Record<string, unknown>)) {
    if (value === undefined) continue;
    // Values are shown as they are (user and channel ids, numbers); secrets as a digest.
    fingerprint[name] = SECRET_SETTINGS.has(name) ? `sha256:${sha256Hex(String(value)).slice(0, 12)}` : canonicalJson(value);
  }
  fingerprint.REGISTER = `sha256:${sha256Hex(canonicalJson(register)).slice(0, 12)}`;
  return fingerprint;
}

/** `settings`: every setting as loaded; secrets are recorded only as digests. */
export async function recordSettingsAtStart(context: TSettingsAuditDeps, settings: object): Promise<{ changed: string[] }> {
  const current = settingsFingerprint(settings, context.register);
  return context.database.prisma.$transaction(async (tx) => {
    const last = await tx.auditEntry.findFirst({ where: { action: SETTINGS_ACTION }, orderBy: { seq: "desc" } });
    const previous = ((last?.details as { settings?: Record<string, string> } | null)?.settings ?? {}) as Record<string, string>;
    const names = new Set([...Object.keys(previous), ...Object.keys(current)]);
    const changed = [...names].filter((name) => previous[name] !== current[name]).sort();
    if (changed.length === 0) return { changed };
    await recordAuditEvent(tx, {
      at: context.clock.now(),
      actorId: SYSTEM_ACTOR,
      action: SETTINGS_ACTION,
      details: { first: last === null, changed, settings: current },
    });
    return { changed };
  });
}
