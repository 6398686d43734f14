// The app installed for a person (personal scope): their personal chat is
// remembered (rememberSender), messages that were parked because it did not
// exist yet go back in the queue, and they get a welcome with their overview.
import { TEAMS_PLATFORM } from "../identity.ts";
import type { TRenderedActivity } from "../render/renderCard.ts";
import { localeOf, readIncoming } from "./incoming.ts";
import { overviewMessage } from "./overviewMessage.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

export function installation(deps: TTeamsListenerDeps) {
  return async (activity: unknown, send: (activity: TRenderedActivity) => Promise<unknown>): Promise<void> => {
    const incoming = readIncoming(activity);
    if (!incoming?.actor || !incoming.personal) return;
    // Parked for this person: the app was not installed for them then.
    const requeued = await deps.database.prisma.$executeRaw`
      UPDATE outbox_message SET status = 'pending', attempts = 0, attempted_at = NULL, last_error = NULL, next_attempt_at = ${deps.clock.now()}
      WHERE platform = ${TEAMS_PLATFORM} AND status = 'failed' AND target->>'person' = ${incoming.actor}`;
    if (requeued > 0) {
      deps.logger.info({ count: requeued }, "messages parked for a person without the app went back in the queue");
      deps.wakeOutbox();
    }
    const locale = localeOf(incoming, deps.defaultLocale);
    const message = await overviewMessage(deps, incoming.actor, locale, { welcome: true });
    await send(await deps.delivery.render(message, locale));
  };
}
