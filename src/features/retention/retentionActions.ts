// The action ids of the retention nudge (a stable interface) and the keys
// of the messages it is posted under. The buttons carry the review's id.
export const RETENTION_ACTIONS = {
  done: "retention_done",
  snoozeDay: "retention_snooze_day",
  snoozeWeek: "retention_snooze_week",
} as const;

export const retentionMessageKeys = {
  /** The first nudge (0) and each reminder after a snooze (1, 2, ...), in the owner's direct messages. */
  nudge: (reviewId: string, count: number) => `retention:${reviewId}:nudge:${count}`,
  /** Every nudge of one review. */
  nudges: (reviewId: string) => `retention:${reviewId}:nudge:`,
};
