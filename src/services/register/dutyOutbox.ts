// Builders for the outbox rows of the recurring duties: a duty message
// (rendered by src/slack/duties/renderDutyMessage.ts when delivered) and
// an ephemeral notice (refusals).
import type { Prisma } from "../../storage/generated/client.ts";
import type { TOutboxMessageInput } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";

export type TDutyMessageName =
  | "retention_nudge"
  | "retention_answered"
  | "retention_escalation"
  | "measure_assigned"
  | "measure_reminder"
  | "measure_done"
  | "evaluation_request"
  | "policy_evaluation_request"
  | "policy_evaluation_done"
  | "weekly_digest"
  | "register_broken";

export interface TDutyMessageInput {
  message: TDutyMessageName;
  /** A channel id, or a user id for a direct message. */
  channel: string;
  params: Prisma.InputJsonObject;
  /** Replace this message (chat.update) instead of posting a new one. */
  update?: { channel: string; ts: string };
  incidentId?: string;
  notBefore: Date;
}

export function dutyMessage(input: TDutyMessageInput): TOutboxMessageInput {
  return {
    kind: OUTBOX_KINDS.dutyMessage,
    payload: {
      message: input.message,
      channel: input.channel,
      params: input.params,
      ...(input.update ? { update: input.update } : {}),
    },
    ...(input.incidentId ? { incidentId: input.incidentId } : {}),
    notBefore: input.notBefore,
  };
}

export function noticeMessage(input: {
  userId: string;
  channelId: string;
  threadTs?: string | null;
  notice: string;
  params?: Record<string, string>;
  incidentId?: string;
  notBefore: Date;
}): TOutboxMessageInput {
  return {
    kind: OUTBOX_KINDS.ephemeralNotice,
    payload: {
      userId: input.userId,
      channelId: input.channelId,
      threadTs: input.threadTs ?? null,
      notice: input.notice,
      params: input.params ?? {},
    },
    ...(input.incidentId ? { incidentId: input.incidentId } : {}),
    notBefore: input.notBefore,
  };
}

export function followUpProgressMessage(incidentId: string, notBefore: Date): TOutboxMessageInput {
  return { kind: OUTBOX_KINDS.followUpProgress, payload: { incidentId }, incidentId, notBefore };
}
