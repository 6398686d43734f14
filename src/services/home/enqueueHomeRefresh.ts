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
  // One statement on the hot path (it runs with every timeline entry): the
  // targets are read from the incident row inside the insert.
  await tx.$executeRaw`
    INSERT INTO home_refresh_request (target, requested_at)
    SELECT DISTINCT target, ${now}::timestamptz
    FROM incident, unnest(ARRAY[incident.reporter_id, incident.owner_id, ${HOME_AUDIENCE_OVERSEERS}]) AS target
    WHERE incident.id = ${incidentId}::uuid AND target IS NOT NULL
    ON CONFLICT (target) DO NOTHING`;
}
