// Everything a feature's use cases, scheduled jobs and commands may be given.
// Each use case declares the part it needs (a Pick of this); the app builds
// one object with all of it. Platform-neutral: no chat ids, no chat client.
import type { Logger } from "pino";
import type { TMessaging } from "../core/outbox/enqueueMessages.ts";
import type { TRoleDirectory } from "../core/people/roles.ts";
import type { Database } from "../core/storage/openDatabase.ts";
import type { Clock } from "../core/time/clock.ts";
import type { TSettings } from "../settings/loadSettings.ts";
import type { TOrganisation } from "./messageContext.ts";
import type { TRegister } from "./register/loadRegister.ts";
import type { TKeyRing } from "../core/security/fieldCipher.ts";

/** The settings features read: time zone, working hours, the duties' cadences, limits. None names a chat platform. */
export type TFeatureSettings = Omit<
  TSettings,
  | "SLACK_BOT_TOKEN"
  | "SLACK_SIGNING_SECRET"
  | "SLACK_APP_TOKEN"
  | "SLACK_API_URL"
  | "DPO_USER_IDS"
  | "ADMIN_USER_IDS"
  | "MANAGEMENT_USER_IDS"
  | "DPO_CHANNEL_ID"
  | "MANAGEMENT_CHANNEL_ID"
>;

export interface TFeatureDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  roles: TRoleDirectory;
  messaging: TMessaging;
  register: TRegister;
  organisation: TOrganisation;
  settings: TFeatureSettings;
  zone: string;
  limits: { reportsPerHour: number; repageAfterMinutes: number; repageRepeatMinutes: number };
  keyRing?: TKeyRing;
}
