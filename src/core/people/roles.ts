// Who someone is to the bot. Roles come from the settings (privacy
// officers, administrators, management) and the register (system owners),
// as person ids; everyone else is staff. A person can hold several roles.
import type { TPersonId } from "./person.ts";

export const ROLES = ["staff", "dpo", "management", "admin", "system_owner"] as const;
export type TRole = (typeof ROLES)[number];

export interface TRoleDirectory {
  dpos: readonly TPersonId[];
  admins: readonly TPersonId[];
  /** Management members by name; empty means "whoever is in the management channel". */
  management: readonly TPersonId[];
  systemOwners: readonly TPersonId[];
}

export function rolesOf(person: TPersonId, directory: TRoleDirectory): TRole[] {
  const roles: TRole[] = ["staff"];
  if (directory.dpos.includes(person)) roles.push("dpo");
  if (directory.management.includes(person)) roles.push("management");
  if (directory.admins.includes(person)) roles.push("admin");
  if (directory.systemOwners.includes(person)) roles.push("system_owner");
  return roles;
}

export function isDpo(person: TPersonId, directory: TRoleDirectory): boolean {
  return directory.dpos.includes(person);
}

/** Privacy officers and administrators: they see incidents and parked messages. */
export function isOverseer(person: TPersonId, directory: TRoleDirectory): boolean {
  return directory.dpos.includes(person) || directory.admins.includes(person);
}

/** Everyone the overseers' audience stands for: privacy officers, administrators and management. */
export function overseers(directory: TRoleDirectory): TPersonId[] {
  return [...new Set([...directory.dpos, ...directory.admins, ...directory.management])];
}
