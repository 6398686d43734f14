// A refusal on the checklist, by incident id: see src/services/timeline/recordRefusal.ts.
import type { TBotContext } from "../../app/botContext.ts";
import type { Prisma } from "../../storage/generated/client.ts";
import { recordRefusalIn } from "../timeline/recordRefusal.ts";

export interface TRecordRefusalInput {
  incidentId: string;
  userId: string;
  /** Timeline kind, e.g. checklist_answer_refused, decision_refused. */
  kind: string;
  /** Notice from src/slack/messages/notices.ts, e.g. dpo_only, checklist_locked. */
  notice: string;
  details?: Prisma.InputJsonValue;
  /** Where to show the notice; defaults to the incident's thread. */
  channelId?: string | null;
}

export async function recordRefusal(context: TBotContext, input: TRecordRefusalInput): Promise<void> {
  const now = context.clock.now();
  await context.database.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: input.incidentId } });
    await recordRefusalIn(tx, { ...input, incident }, now);
  });
}
