// The App Home's listeners: the tab opened (publish it), the big
// "Datalek melden" button (open the report modal at once: the trigger_id
// lives 3 seconds), and the link button to a thread (only acknowledged).
import type { App } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { cachedLocaleFor } from "../i18n/localeFor.ts";
import { buildReportModal } from "../views/reportModal.ts";
import { HOME_OPEN_THREAD_ACTION_ID, HOME_OUTBOX_RETRY_ACTION_ID, HOME_REPORT_ACTION_ID } from "./homeView.ts";
import { userRoles } from "../../app/botContext.ts";
import { recordAuditEvent } from "../../services/audit/recordAuditEvent.ts";
import { requeueParkedMessages } from "../../services/outbox/requeueParkedMessages.ts";
import { publishHome } from "./publishHome.ts";

export function registerHomeListeners(app: App, context: TBotContext): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    try {
      await publishHome(context, client, event.user);
    } catch (error) {
      context.logger.warn({ error: (error as Error).message }, "publishing the App Home failed");
    }
  });

  app.action(HOME_REPORT_ACTION_ID, async ({ ack, body, client }) => {
    await ack();
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    if (!triggerId) return;
    await client.views.open({
      trigger_id: triggerId,
      view: buildReportModal(context.register, cachedLocaleFor(context, body.user.id), context.clock.now()),
    });
  });

  app.action(HOME_OPEN_THREAD_ACTION_ID, async ({ ack }) => {
    await ack();
  });

  // Parked messages go out again once the cause is fixed (privacy officers and administrators).
  app.action(HOME_OUTBOX_RETRY_ACTION_ID, async ({ ack, body, client }) => {
    await ack();
    const userId = body.user.id;
    const roles = userRoles(context, userId);
    if (!roles.includes("dpo") && !roles.includes("admin")) return;
    const now = context.clock.now();
    const requeued = await requeueParkedMessages(context.database, now);
    await recordAuditEvent(context.database.prisma, {
      at: now,
      actorId: userId,
      action: "outbox_requeued",
      details: { count: requeued },
    });
    context.logger.info({ userId, requeued }, "parked messages re-queued from the Home tab");
    context.wakeOutbox();
    await publishHome(context, client, userId);
  });
}
