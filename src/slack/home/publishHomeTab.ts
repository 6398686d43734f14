// Publishes one person's App Home tab: their overview, in their language.
import type { WebClient } from "@slack/web-api";
import type { Clock } from "../../core/time/clock.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import { loadOverview } from "../../features/overview/loadOverview.ts";
import { overviewBlocks } from "../../features/overview/overviewBlocks.ts";
import type { TRegister } from "../../features/register/loadRegister.ts";
import { SLACK_PLATFORM, slackPerson } from "../identity.ts";
import type { SlackLocales } from "../locale/SlackLocales.ts";
import { findPostedRefs } from "../../core/outbox/postedMessages.ts";
import { renderBlocks, textsOf } from "../render/renderMessage.ts";
import { linkedKeys } from "../render/mrkdwn.ts";
import { SLACK_LIMITS } from "../render/slackLimits.ts";
import { textsFor } from "../../texts/index.ts";
import { archiveUrl } from "../delivery/deliverToSlack.ts";

export interface THomeTabDeps {
  client: WebClient;
  database: Database;
  clock: Clock;
  roles: TRoleDirectory;
  register: TRegister;
  locales: SlackLocales;
  zone: string;
}

export async function publishHomeTab(deps: THomeTabDeps, userId: string): Promise<void> {
  const [locale, overview] = await Promise.all([deps.locales.of(userId), loadOverview(deps, slackPerson(userId))]);
  const texts = textsFor(locale);
  const blocks = overviewBlocks(overview, { texts, locale, zone: deps.zone, register: deps.register });
  const links = new Map<string, string>();
  const refs = await findPostedRefs(deps.database, [...linkedKeys(textsOf({ summary: "", blocks }))], SLACK_PLATFORM);
  for (const [key, ref] of refs) {
    const url = archiveUrl(ref);
    if (url) links.set(key, url);
  }
  await deps.client.views.publish({
    user_id: userId,
    view: {
      type: "home",
      callback_id: "datalek_home",
      blocks: renderBlocks(blocks, { links, someone: texts.common.someone }, SLACK_LIMITS.viewBlocks),
    },
  });
}
