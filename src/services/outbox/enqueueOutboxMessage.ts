// Every message to Slack is first written here, inside the transaction of
// the change it reports; the outbox worker delivers it.
import type { Prisma } from "../../storage/generated/client.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";

export interface TOutboxMessageInput {
  kind: string;
  payload: Prisma.InputJsonValue;
  incidentId?: string;
  notBefore: Date;
}

export async function enqueueOutboxMessages(tx: TDbTransaction, messages: TOutboxMessageInput[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.outboxMessage.createMany({
    data: messages.map((message) => ({
      kind: message.kind,
      payload: message.payload,
      incidentId: message.incidentId ?? null,
      nextAttemptAt: message.notBefore,
    })),
  });
}
