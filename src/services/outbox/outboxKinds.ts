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
  /** Post or update the checklist and assessment messages in the incident's thread: { incidentId }. */
  checklistSync: "incident.checklist_sync",
  /** A countdown reminder or overdue notice: { incidentId, mark, audience: thread|dpo|management, dpoUserId?, late }. */
  countdownReminder: "countdown.reminder",
  /** A repeated page of an incident nobody took: { incidentId, audience: dpo|management, dpoUserId?, index }. */
  countdownRepage: "countdown.repage",
  /** A short countdown notice in the thread (awareness corrected, AP follow-up, subject notice): { incidentId, notice, params }. */
  countdownThreadNotice: "countdown.thread_notice",
  /** A notification draft (AP or people concerned) as a DM to the DPO: { incidentId, userId, draft }. */
  notificationDraftMessage: "notification.draft_message",
  /** The same draft as a file in the DPO's DM (files.uploadV2): { incidentId, userId, draft }. */
  notificationDraftFile: "notification.draft_file",
  /** The breach register as CSV and a readable report, as files in the requester's DM: { userId } (issue 7). */
  exportUpload: "export.upload",
  /** A recurring-duty message (retention, measures, evaluations, digest; issue 5): { message, channel, params, update? } rendered in src/slack/duties/. */
  dutyMessage: "duty.message",
  /** Post or update the measures-progress message in the incident's thread: { incidentId }. */
  followUpProgress: "incident.follow_up_progress",
  /** A problem with the Slack setup, as a DM to one privacy officer: { userId, setting, channelId, state, name }. */
  setupNotice: "setup.problem_notice",
  /** A ready-made Web API call: { method, args }. */
  slackCall: "slack.call",
} as const;

export type TOutboxKind = (typeof OUTBOX_KINDS)[keyof typeof OUTBOX_KINDS];
