// "The overview refreshes when something changes" (Slack: the App Home tab):
// every timeline entry asks for the overviews of the people concerned
// (reporter, owner, and the privacy officers, administrators and management
// as one audience) to be shown again. Debounced per person: one row per
// target (overview_refresh_request), so any number of changes before the
// refresher comes round give one refresh, which shows the state at that
// moment. Kept out of the outbox: its rows are messages, and an overview is
// a view that is also shown whenever it is opened.
import type { TDbTransaction } from "../storage/transaction.ts";

/** The audience of privacy officers, administrators and management, expanded by the front end. */
export const OVERVIEW_AUDIENCE_OVERSEERS = "overseers";

export async function requestOverviewRefresh(tx: TDbTransaction, incidentId: string, now: Date): Promise<void> {
  // One statement on the hot path (it runs with every timeline entry): the
  // targets are read from the incident row inside the insert.
  await tx.$executeRaw`
    INSERT INTO overview_refresh_request (target, requested_at)
    SELECT DISTINCT target, ${now}::timestamptz
    FROM incident, unnest(ARRAY[incident.reporter_id, incident.owner_id, ${OVERVIEW_AUDIENCE_OVERSEERS}]) AS target
    WHERE incident.id = ${incidentId}::uuid AND target IS NOT NULL
    ON CONFLICT (target) DO NOTHING`;
}
