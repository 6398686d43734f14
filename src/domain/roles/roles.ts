// Who someone is to the bot. Roles come from the settings (DPOs,
// administrators, management) and the register (system owners); everyone
// else is staff. A person can hold several roles.
export const ROLES = ["staff", "dpo", "management", "admin", "system_owner"] as const;
export type TRole = (typeof ROLES)[number];

export interface TRoleDirectory {
  dpoUserIds: readonly string[];
  adminUserIds: readonly string[];
  managementUserIds: readonly string[];
  systemOwnerIds: readonly string[];
}

export function rolesOf(userId: string, directory: TRoleDirectory): TRole[] {
  const roles: TRole[] = ["staff"];
  if (directory.dpoUserIds.includes(userId)) roles.push("dpo");
  if (directory.managementUserIds.includes(userId)) roles.push("management");
  if (directory.adminUserIds.includes(userId)) roles.push("admin");
  if (directory.systemOwnerIds.includes(userId)) roles.push("system_owner");
  return roles;
}

export function hasRole(userId: string, directory: TRoleDirectory, role: TRole): boolean {
  return rolesOf(userId, directory).includes(role);
}
