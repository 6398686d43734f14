// "The overview refreshes when something changes" (Slack: the App Home tab):
// every timeline entry asks for the overviews of the people concerned
// (reporter, owner, and the privacy officers, administrators and management
// as one audience) to be shown again. Debounced per person: one row per
// target (overview_refresh_request), so any number of changes before the
// refresher comes round give one refresh, which shows the state at that
// moment. Kept out of the outbox: its rows are messages, and an overview is
// a view that is also shown whenever it is opened.
import type { TCommitTail } from "../storage/commitTail.ts";
import type { TSql } from "../storage/sql.ts";

/** The audience of privacy officers, administrators and management, expanded by the front end. */
export const OVERVIEW_AUDIENCE_OVERSEERS = "overseers";

const pendingByTransaction = new WeakMap<object, { incidentIds: Set<string>; now: Date }>();

export async function requestOverviewRefresh(tx: TSql, incidentId: string, now: Date): Promise<void> {
  // In a transaction of the database: collected, and written once at its end.
  const pending = pendingByTransaction.get(tx);
  if (pending) {
    pending.incidentIds.add(incidentId);
    pending.now = now;
    return;
  }
  await writeRefreshRequests(tx, [incidentId], now);
}

/** One statement for all of a transaction's incidents; targets in order, so two transactions never lock them crosswise. */
async function writeRefreshRequests(tx: TSql, incidentIds: readonly string[], now: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO overview_refresh_request (target, requested_at)
    SELECT DISTINCT target, ${now}::timestamptz
    FROM incident, unnest(ARRAY[incident.reporter_id, incident.owner_id, ${OVERVIEW_AUDIENCE_OVERSEERS}]) AS target
    WHERE incident.id = ANY(${[...incidentIds]}::uuid[]) AND target IS NOT NULL
    ORDER BY target
    ON CONFLICT (target) DO NOTHING`;
}

/** The refresh requests are written together at the end of each transaction (src/core/storage/commitTail.ts). */
export const overviewRefreshCommitTail: TCommitTail = {
  begin: (tx) => pendingByTransaction.set(tx, { incidentIds: new Set(), now: new Date(0) }),
  async flush(tx) {
    const pending = pendingByTransaction.get(tx);
    pendingByTransaction.delete(tx);
    if (pending && pending.incidentIds.size > 0) await writeRefreshRequests(tx as TSql, [...pending.incidentIds], pending.now);
  },
};
