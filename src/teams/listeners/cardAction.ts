// A Universal Action (adaptiveCard/action, Action.Execute) on a card the bot
// sent: the use case of its verb runs for the person who clicked, and Teams
// shows a short answer where they clicked. The card itself changes through
// the outbox, in place, for everyone. An action no use case knows any more
// is answered, as in Slack: "this button no longer does anything".
import { z } from "zod";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import { isOverseer } from "../../core/people/roles.ts";
import { REFRESH_VERB } from "../delivery/deliverToTeams.ts";
import { findPostedKey } from "./findPostedKey.ts";
import { textsFor } from "../../texts/index.ts";
import { findCardAction } from "./actions/cardActions.ts";
import { localeOf, readIncoming } from "./incoming.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

const ZExecute = z
  .object({
    action: z
      .object({ type: z.literal("Action.Execute"), verb: z.string().max(255), data: z.record(z.string(), z.unknown()).catch({}) })
      .loose(),
  })
  .loose();

export type TCardActionAnswer =
  | { statusCode: number; type: "application/vnd.microsoft.activity.message"; value: string }
  /** "an Adaptive Card that the client should display in place of the current one" (a refresh). */
  | { statusCode: number; type: "application/vnd.microsoft.card.adaptive"; value: Record<string, unknown> };

export function cardAction(deps: TTeamsListenerDeps) {
  return async (activity: unknown): Promise<TCardActionAnswer> => {
    const incoming = readIncoming(activity);
    const parsed = ZExecute.safeParse(incoming?.value);
    const texts = textsFor(incoming ? localeOf(incoming, deps.defaultLocale) : deps.defaultLocale);
    const answer = (value: string): TCardActionAnswer => ({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value,
    });
    if (!incoming?.actor || !parsed.success) return answer(texts.teams.clickDone);
    const { verb, data } = parsed.data.action;
    if (verb === REFRESH_VERB) {
      // A client asks for this reader's version of a card (User Specific Views).
      const key = incoming.replyToId
        ? await findPostedKey(deps.database, incoming.conversationId, incoming.replyToId)
        : undefined;
      const card = key
        ? await deps.delivery.cardForReader(key, localeOf(incoming, deps.defaultLocale), isOverseer(incoming.actor, deps.roles))
        : undefined;
      if (card) return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card };
      return answer(texts.teams.clickDone);
    }
    const execute = findCardAction(verb);
    if (!execute) {
      const actor = incoming.actor;
      await deps.database.prisma.$transaction((tx) =>
        enqueueNotice(
          tx,
          deps.messaging,
          { person: actor, notice: "no_longer_applies", where: incoming.where },
          deps.clock.now(),
        ),
      );
      deps.wakeOutbox();
      return answer(texts.teams.clickAnsweredInChat);
    }
    const outcome = await execute(deps, {
      actor: incoming.actor,
      verb,
      data,
      conversationId: incoming.conversationId,
      replyToId: incoming.replyToId,
      where: incoming.where,
    });
    deps.logger.info({ verb, outcome }, "card action");
    deps.wakeOutbox();
    return answer(texts.teams.clickAnsweredInChat);
  };
}
