// "The App Home refreshes when something changes": every timeline entry asks
// for the Home tabs of the people concerned (reporter, owner, and the privacy
// officers, administrators and management as one audience) to be published
// again. Debounced per person: one row per target (home_refresh_request), so
// any number of changes before the refresher comes round give one publish,
// which renders the state at that moment. Kept out of the outbox: its rows
// are messages, and a Home tab is a view that is also rendered on every open.
import type { TDbTransaction } from "../../storage/transaction.ts";

/** The audience of privacy officers, administrators and management, expanded at delivery. */
export const HOME_AUDIENCE_OVERSEERS = "overseers";

export async function enqueueHomeRefresh(tx: TDbTransaction, incidentId: string, now: Date): Promise<void> {
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { reporterId: true, ownerId: true } });
  if (!incident) return;
  const targets = [...new Set([incident.reporterId, incident.ownerId, HOME_AUDIENCE_OVERSEERS].filter((t): t is string => !!t))];
  await tx.homeRefreshRequest.createMany({
    data: targets.map((target) => ({ target, requestedAt: now })),
    skipDuplicates: true,
  });
}
