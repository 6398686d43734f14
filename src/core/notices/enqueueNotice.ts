// A short answer to one person where they acted (a refusal, "already
// taken"): through the outbox, so it is sent once the change is committed.
import { z } from "zod";
import type { TDbTransaction } from "../storage/transaction.ts";
import { enqueueMessages, type TMessaging } from "../outbox/enqueueMessages.ts";
import { toNotice } from "../outbox/target.ts";
import type { TPersonId } from "../people/person.ts";
import type { TNoticeName, TNoticeParams } from "../../texts/notices.ts";

export const NOTICE_KIND = "notice";

export const ZNoticePayload = z.object({
  notice: z.string(),
  params: z.object({
    reference: z.string().optional(),
    system: z.string().optional(),
    owner: z.string().optional(),
    question: z.string().optional(),
  }),
});

export interface TNotice {
  person: TPersonId;
  notice: TNoticeName;
  params?: TNoticeParams;
  /** The front end's note of where the person acted; absent: their direct messages. */
  where?: string | null;
  incidentId?: string;
}

export async function enqueueNotice(tx: TDbTransaction, messaging: TMessaging, notice: TNotice, now: Date): Promise<void> {
  await enqueueMessages(tx, messaging, [
    {
      kind: NOTICE_KIND,
      target: toNotice(notice.person, notice.where),
      payload: { notice: notice.notice, params: { ...notice.params } },
      ...(notice.incidentId ? { incidentId: notice.incidentId } : {}),
      notBefore: now,
    },
  ]);
}
