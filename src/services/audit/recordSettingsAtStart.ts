// At every start the settings that decide who may do what (roles, channels,
// terms) and the register are compared with what the audit trail last
// recorded; a difference is recorded as settings_changed, with the names of
// what changed. Secrets are recorded only as short digests, never in clear.
import type { TBotContext } from "../../app/botContext.ts";
import { canonicalJson, sha256Hex } from "./auditHash.ts";
import { recordAuditEvent } from "./recordAuditEvent.ts";

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

export function settingsFingerprint(context: TBotContext): Record<string, string> {
  const fingerprint: Record<string, string> = {};
  for (const [name, value] of Object.entries(context.settings as Record<string, unknown>)) {
    if (value === undefined) continue;
    // Values are shown as they are (user and channel ids, numbers); secrets as a digest.
    fingerprint[name] = SECRET_SETTINGS.has(name) ? `sha256:${sha256Hex(String(value)).slice(0, 12)}` : canonicalJson(value);
  }
  fingerprint.REGISTER = `sha256:${sha256Hex(canonicalJson(context.register)).slice(0, 12)}`;
  return fingerprint;
}

export async function recordSettingsAtStart(context: TBotContext): Promise<{ changed: string[] }> {
  const current = settingsFingerprint(context);
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
