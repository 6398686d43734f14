// What every listener and service gets: settings, storage, time, logging,
// the register, and a way to wake the outbox worker.
import type { Logger } from "pino";
import { rolesOf, type TRole, type TRoleDirectory } from "../domain/roles/roles.ts";
import type { Clock } from "../domain/time/clock.ts";
import type { TLocale } from "../domain/time/formatLocal.ts";
import type { TRegister } from "../register/loadRegister.ts";
import type { TSettings } from "../settings/loadSettings.ts";
import type { Database } from "../storage/openDatabase.ts";

export interface TBotContext {
  settings: TSettings;
  database: Database;
  clock: Clock;
  logger: Logger;
  register: TRegister;
  locale: TLocale;
  /** Asks the outbox worker to deliver now rather than at its next tick. */
  wakeOutbox(): void;
}

export function isDpo(context: TBotContext, userId: string): boolean {
  return context.settings.DPO_USER_IDS.includes(userId);
}

export function roleDirectory(context: TBotContext): TRoleDirectory {
  return {
    dpoUserIds: context.settings.DPO_USER_IDS,
    adminUserIds: context.settings.ADMIN_USER_IDS,
    managementUserIds: context.settings.MANAGEMENT_USER_IDS,
    systemOwnerIds: context.register.systems.map((system) => system.owner),
  };
}

export function userRoles(context: TBotContext, userId: string): TRole[] {
  return rolesOf(userId, roleDirectory(context));
}
