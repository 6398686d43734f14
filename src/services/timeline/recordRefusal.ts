// Someone who may not do something (not a DPO, not the owner, too late)
// tried anyway: it is recorded in the timeline (and so in the audit trail)
// and they are told, ephemerally, where they clicked or in the thread.
import type { TBotContext } from "../../app/botContext.ts";
import type { Incident, Prisma } from "../../storage/generated/client.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "./appendTimelineEntry.ts";

export interface TRefusal {
  incident: Pick<Incident, "id" | "reference" | "channelId" | "threadTs">;
  userId: string;
  /** Timeline kind, e.g. take_refused, checklist_answer_refused. */
  kind: string;
  /** Notice from src/slack/messages/notices.ts, e.g. dpo_only, checklist_locked. */
  notice: string;
  details?: Prisma.InputJsonValue;
  /** Where to show the notice; defaults to the incident's thread. */
  channelId?: string | null;
  /** The thread to show it in; undefined: the incident's thread; null: none (in the channel). */
  threadTs?: string | null;
}

/** Inside the caller's transaction. */
export async function recordRefusalIn(tx: TDbTransaction, refusal: TRefusal, now: Date): Promise<void> {
  const { incident } = refusal;
  await appendTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    actorId: refusal.userId,
    kind: refusal.kind,
    details: refusal.details ?? {},
  });
  const channelId = refusal.channelId ?? incident.channelId;
  if (!channelId) return;
  await enqueueOutboxMessages(tx, [
    {
      kind: OUTBOX_KINDS.ephemeralNotice,
      payload: {
        userId: refusal.userId,
        channelId,
        threadTs: refusal.threadTs === undefined ? incident.threadTs : refusal.threadTs,
        notice: refusal.notice,
        params: { reference: incident.reference },
      },
      incidentId: incident.id,
      notBefore: now,
    },
  ]);
}

/** In a transaction of its own, then wakes the outbox. */
export async function recordRefusal(context: TBotContext, refusal: TRefusal): Promise<void> {
  const now = context.clock.now();
  await context.database.prisma.$transaction((tx) => recordRefusalIn(tx, refusal, now));
  context.wakeOutbox();
}
