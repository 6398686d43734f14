// Teams' limits on what a bot sends, in one place. The renderers cut to
// them, so a long register name or report never gets a message refused.
// Sources (msteams-docs unless said otherwise):
// - bots/how-to/format-your-bot-messages.md: "The bot message size limit is
//   100 KB ... encoded as UTF-16"; over it the Connector answers 413
//   MessageSizeTooBig. The same page recommends staying within 80 KB.
// - task-modules-and-cards/cards/cards-reference.md: Teams renders Adaptive
//   Cards up to version 1.5 for bot-sent cards and action-based message
//   extensions; "Any additional buttons beyond the maximum number supported
//   by the card aren't shown".
// - task-modules-and-cards/cards/design-effective-cards.md: "Adaptive Cards
//   can support six primary actions"; "Don't: Use more than six primary actions".
// - Universal-actions-for-adaptive-cards/Work-with-Universal-Actions-for-Adaptive-Cards.md:
//   Action.Execute needs schema 1.4; the refresh's userIds hold at most 60 users.
export const TEAMS_LIMITS = {
  /** The whole activity as JSON, counted as UTF-16 (2 bytes a character): the recommended 80 KB of the 100 KB limit. */
  activityBytes: 80 * 1024,
  cardVersion: "1.5",
  /** Buttons shown side by side in one action set. */
  actionsPerSet: 6,
  /** People whose client refreshes a card by itself (Universal Actions). */
  refreshUserIds: 60,
  /** Choices of one input: Teams documents no maximum; a long list is unusable anyway. */
  choices: 100,
  /** Button titles: Teams documents no maximum; a longer title is cut off on a phone. */
  buttonTitle: 60,
  /** A dialog's title bar. */
  dialogTitle: 60,
  /** One text a person wrote (the report allows 3000 characters). */
  quote: 3000,
  /** A summary line (notifications, the chat list). */
  summary: 500,
} as const;

/** Cut to at most `max` characters, marking the cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** The size Teams counts for a message: UTF-16, without base64 images. */
export function activityBytes(activity: unknown): number {
  return JSON.stringify(activity).length * 2;
}
