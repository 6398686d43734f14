// The one way to record who did what for a recurring duty that belongs to
// no incident (incident duties use the timeline). Append-only, written in
// the same transaction as the change it describes.
import type { Prisma } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
export { BOT_ACTOR } from "../people/person.ts";

export interface TDutyEventInput {
  at: Date;
  /** A person id, or BOT_ACTOR for what the bot did on its own. */
  actorId: string;
  duty: "retention_review" | "policy_evaluation" | "weekly_digest" | "register";
  subject: string;
  kind: string;
  details?: Prisma.InputJsonValue;
}

export async function recordDutyEvent(tx: TDbTransaction, event: TDutyEventInput): Promise<void> {
  await tx.dutyEvent.create({
    data: {
      at: event.at,
      actorId: event.actorId,
      duty: event.duty,
      subject: event.subject,
      kind: event.kind,
      details: event.details ?? {},
    },
  });
}
