// The overview's action ids.
/** Opens the report form. */
export const OVERVIEW_REPORT_ACTION = "home_report";
/** A link button to an incident's thread (only acknowledged). */
export const OVERVIEW_OPEN_THREAD_ACTION = "home_open_thread";
/** Sends parked messages again (privacy officers and administrators). */
export const OVERVIEW_RETRY_PARKED_ACTION = "home_outbox_retry";
