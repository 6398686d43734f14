// The owner of a system in the register, as a person. The register file
// names owners the way the chat front end writes them (Slack user ids);
// the app turns each into a person id for the role directory
// (rolesFromSettings in src/app/createBot.ts builds `systemOwners` from
// `register.systems`, in the same order). Features take the owner from
// there, so nothing here parses a chat platform's ids.
import type { TPersonId } from "../../core/people/person.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import type { TRegister } from "./loadRegister.ts";

export function systemOwnerPerson(
  deps: { register: TRegister; roles: TRoleDirectory },
  systemKey: string,
): TPersonId | undefined {
  const index = deps.register.systems.findIndex((system) => system.key === systemKey);
  // A directory not built from this register cannot be read by position.
  if (index < 0 || deps.roles.systemOwners.length !== deps.register.systems.length) return undefined;
  return deps.roles.systemOwners[index];
}
