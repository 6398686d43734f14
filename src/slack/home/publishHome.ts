// Renders one person's App Home from the database and publishes it
// (views.publish). Used when the tab is opened and by the outbox kind
// home.refresh when an incident changes.
import type { WebClient } from "@slack/web-api";
import { roleDirectory, type TBotContext } from "../../app/botContext.ts";
import { HOME_AUDIENCE_OVERSEERS } from "../../services/home/enqueueHomeRefresh.ts";
import { loadHomeData } from "../../services/home/loadHomeData.ts";
import { localeFor } from "../i18n/localeFor.ts";
import { buildHomeView } from "./homeView.ts";

export async function publishHome(context: TBotContext, client: WebClient, userId: string): Promise<void> {
  const [locale, data] = await Promise.all([localeFor(context, userId), loadHomeData(context, userId)]);
  const view = buildHomeView(data, { register: context.register, locale, zone: context.settings.TIMEZONE });
  await client.views.publish({ user_id: userId, view });
}

/** The people a refresh target stands for: one user, or all privacy officers, administrators and management. */
export function homeRefreshUsers(context: TBotContext, target: string): string[] {
  if (target !== HOME_AUDIENCE_OVERSEERS) return [target];
  const directory = roleDirectory(context);
  return [...new Set([...directory.dpoUserIds, ...directory.adminUserIds, ...directory.managementUserIds])];
}
