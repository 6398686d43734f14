// The kinds of outbox message. Each is rendered and sent by the Slack layer
// (src/slack/delivery/) from the current record when it is delivered.
export const OUTBOX_KINDS = {
  /** The incident's post in the DPO channel; its ts becomes the thread. */
  channelPost: "incident.channel_post",
  /** Re-render the channel post after a change (taken, decided). */
  channelPostUpdate: "incident.channel_post_update",
  /** A direct message to one DPO with a link to the thread. */
  dpoPage: "incident.dpo_page",
  /** The reporter's receipt: reference, deadline, what happens next. */
  reporterReceipt: "incident.reporter_receipt",
  /** A short ephemeral notice to one user: { userId, channelId, threadTs?, notice, params }. */
  ephemeralNotice: "user.ephemeral_notice",
  /** A ready-made Web API call: { method, args }. */
  slackCall: "slack.call",
} as const;

export type TOutboxKind = (typeof OUTBOX_KINDS)[keyof typeof OUTBOX_KINDS];
