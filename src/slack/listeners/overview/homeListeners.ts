// The App Home's listeners: the tab opened (publish it), the big "report"
// button (open the report form at once: the trigger_id lives 3 seconds),
// the link button to a thread (only acknowledged), and "send again" for
// parked messages.
import type { App } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import {
  OVERVIEW_OPEN_THREAD_ACTION,
  OVERVIEW_REPORT_ACTION,
  OVERVIEW_RETRY_PARKED_ACTION,
} from "../../../features/overview/overviewActions.ts";
import { retryParkedMessages } from "../../../features/overview/retryParkedMessages.ts";
import { reportForm } from "../../../features/report/reportForm.ts";
import { textsFor } from "../../../texts/index.ts";
import type { HomeTabViewers } from "../../home/homeTabViewers.ts";
import { publishHomeTab, type THomeTabDeps } from "../../home/publishHomeTab.ts";
import { slackPerson } from "../../identity.ts";
import { renderForm } from "../../render/renderForm.ts";

export interface THomeListenerDeps extends THomeTabDeps {
  logger: Logger;
  wakeOutbox: () => void;
  homeTabViewers: HomeTabViewers;
}

const ZHomeOpened = z.object({ user: z.string().min(1), tab: z.string().optional() });
const ZClick = z.object({ user: z.object({ id: z.string().min(1) }), trigger_id: z.string().catch("") });

export function registerHomeListeners(app: App, deps: THomeListenerDeps): void {
  app.event("app_home_opened", async ({ event }) => {
    const opened = ZHomeOpened.safeParse(event);
    if (!opened.success || opened.data.tab !== "home") return;
    try {
      await Promise.all([
        publishHomeTab(deps, opened.data.user),
        deps.homeTabViewers.recordOpened(opened.data.user, deps.clock.now()),
      ]);
    } catch (error) {
      deps.logger.warn({ error: (error as Error).message }, "publishing the App Home failed");
    }
  });

  app.action(OVERVIEW_REPORT_ACTION, async ({ ack, body, client }) => {
    await ack();
    const click = ZClick.safeParse(body);
    if (!click.success || !click.data.trigger_id) return;
    const texts = textsFor(deps.locales.cached(click.data.user.id));
    await client.views.open({
      trigger_id: click.data.trigger_id,
      view: renderForm(reportForm(deps.register, texts, deps.clock.now()), { links: new Map(), someone: texts.common.someone }),
    });
  });

  app.action(OVERVIEW_OPEN_THREAD_ACTION, async ({ ack }) => {
    await ack();
  });

  app.action(OVERVIEW_RETRY_PARKED_ACTION, async ({ ack, body }) => {
    await ack();
    const click = ZClick.safeParse(body);
    if (!click.success) return;
    const result = await retryParkedMessages(deps, slackPerson(click.data.user.id));
    deps.logger.info({ user: click.data.user.id, ...result }, "parked messages re-queued from the Home tab");
    if (result.outcome === "requeued") deps.wakeOutbox();
    await publishHomeTab(deps, click.data.user.id);
  });
}
