// A DPO-only button that opens a modal: find the incident, and refuse (and
// record) anyone who is not a privacy officer.
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { recordDpoOnlyRefusal } from "./recordDpoOnlyRefusal.ts";

export interface TDpoActionInput {
  reference: string;
  userId: string;
  action: string;
  channelId?: string | null;
  threadTs?: string | null;
}

export async function findIncidentForDpoAction(
  context: TBotContext,
  input: TDpoActionInput,
): Promise<{ outcome: "allowed"; incident: Incident } | { outcome: "refused" | "not_found" }> {
  const incident = await context.database.prisma.incident.findUnique({ where: { reference: input.reference } });
  if (!incident) return { outcome: "not_found" };
  if (!isDpo(context, input.userId)) {
    await recordDpoOnlyRefusal(context, { incident, ...input });
    return { outcome: "refused" };
  }
  return { outcome: "allowed", incident };
}
