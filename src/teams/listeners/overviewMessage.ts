// The overview as a card in the personal chat: what Teams has instead of
// Slack's Home tab. Sent on installation and whenever the person types
// "overzicht"; the same data and blocks as the Home tab (the report button,
// open incidents for the privacy officers, one's own reports).
import type { TMessage } from "../../core/messages/message.ts";
import type { TLocale } from "../../core/text/locale.ts";
import { loadOverview } from "../../features/overview/loadOverview.ts";
import { overviewBlocks } from "../../features/overview/overviewBlocks.ts";
import { textsFor } from "../../texts/index.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

export const OVERVIEW_WORDS = ["overzicht", "overview", "home"];

export async function overviewMessage(
  deps: TTeamsListenerDeps,
  person: string,
  locale: TLocale,
  options: { welcome?: boolean } = {},
): Promise<TMessage> {
  const texts = textsFor(locale);
  const overview = await loadOverview(deps, person);
  const blocks = overviewBlocks(overview, { texts, locale, zone: deps.zone, register: deps.register });
  return {
    summary: options.welcome ? texts.teams.welcome : texts.overview.summary,
    blocks: options.welcome ? [{ kind: "text", text: texts.teams.welcome }, ...blocks] : blocks,
  };
}
