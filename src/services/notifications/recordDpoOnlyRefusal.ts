// Someone who is not a privacy officer pressed a DPO-only button: recorded
// and told where they clicked (src/services/timeline/recordRefusal.ts).
import type { TBotContext } from "../../app/botContext.ts";
import { recordRefusal } from "../timeline/recordRefusal.ts";

export interface TDpoOnlyRefusal {
  incident: { id: string; reference: string; channelId: string | null; threadTs: string | null };
  userId: string;
  /** What was attempted, e.g. draft_ap_notification. */
  action: string;
  channelId?: string | null;
  threadTs?: string | null;
}

export async function recordDpoOnlyRefusal(context: TBotContext, refusal: TDpoOnlyRefusal): Promise<void> {
  await recordRefusal(context, {
    ...refusal,
    threadTs: refusal.threadTs ?? undefined,
    kind: "action_refused",
    notice: "dpo_only",
    details: { action: refusal.action, reason: "not_a_dpo" },
  });
}
