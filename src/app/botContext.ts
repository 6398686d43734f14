// What every listener and service gets: settings, storage, time, logging,
// the register, and a way to wake the outbox worker.
import type { Logger } from "pino";
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
