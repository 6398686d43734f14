// Who is asked to evaluate a closed incident: the privacy officer who
// closed it, else the one who took it, else the first privacy officer.
import type { TPersonId } from "../../core/people/person.ts";
import { isDpo, type TRoleDirectory } from "../../core/people/roles.ts";

export function whoEvaluates(
  incident: { closedBy: string | null; ownerId: string | null },
  roles: TRoleDirectory,
): TPersonId | undefined {
  if (incident.closedBy && isDpo(incident.closedBy, roles)) return incident.closedBy;
  return incident.ownerId ?? roles.dpos[0];
}
