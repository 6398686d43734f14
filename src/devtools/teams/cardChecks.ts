/**
 * What Teams does with the cards a bot sends, as far as Microsoft documents it.
 *
 * The Bot Connector accepts these cards (the documented refusals are about size, rate and
 * installation, see botConnectorStandIn.ts); the Teams client then renders them. So the stand-in
 * does not refuse a card Teams would only render badly: it records each problem next to the
 * stored activity, where a test can see what a person would see.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
export const FILE_CONSENT_CARD_CONTENT_TYPE = "application/vnd.microsoft.teams.card.file.consent";

/**
 * "Teams platform supports v1.5 or earlier of Adaptive Card features for bot sent cards and action
 * based message extensions" (msteams-docs, task-modules-and-cards/cards/cards-reference.md,
 * "Support for Adaptive Cards"). A card with a higher version shows "We're sorry, this card
 * couldn't be displayed" (MicrosoftDocs/msteams-docs issue #4515 shows that text for versions the
 * client did not support).
 */
export const HIGHEST_RENDERED_CARD_VERSION = "1.5";

/**
 * "Adaptive Cards can support six primary actions" and "Don't: Use more than six primary actions"
 * (msteams-docs, task-modules-and-cards/cards/design-effective-cards.md); "Any additional buttons
 * beyond the maximum number supported by the card aren't shown" (cards-reference.md, "Buttons").
 */
export const MAX_SHOWN_PRIMARY_ACTIONS = 6;

/**
 * "Maximum 60 different users can see a different version of the card" (msteams-docs,
 * Universal-actions-for-adaptive-cards/User-Specific-Views.md); the refresh's userIds are "the list of
 * user Ids for which the card will be automatically refreshed" (teams.cards IRefreshDefinition).
 */
export const MAX_REFRESH_USER_IDS = 60;

/** `Action.Execute` needs schema 1.4: "Universal Actions for Adaptive Cards is introduced in the
 * Adaptive Cards schema version 1.4" (msteams-docs, Universal-actions-for-adaptive-cards/
 * Work-with-Universal-Actions-for-Adaptive-Cards.md). */
export const UNIVERSAL_ACTIONS_MIN_VERSION = "1.4";

export interface CardProblem {
  /** Index of the attachment in the activity (or -1 for a card that is not an attachment, e.g. an invoke answer). */
  attachment: number;
  /** What a person sees because of it. */
  problem: string;
}

/** Problems of every card attachment of an outgoing activity. `conversationType` is Teams' (`personal`, `channel`, `groupChat`). */
export function cardProblemsOfActivity(activity: Record<string, unknown>, conversationType: string): CardProblem[] {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  const problems: CardProblem[] = [];
  attachments.forEach((attachment, index) => {
    if (!isObject(attachment)) return;
    if (attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE) {
      for (const problem of adaptiveCardProblems(attachment.content)) problems.push({ attachment: index, problem });
    }
    if (attachment.contentType === FILE_CONSENT_CARD_CONTENT_TYPE && conversationType !== "personal") {
      // "Teams bot APIs work only in the `personal` context. They do not work in the `channel` or
      // `groupchat` context." (msteams-docs, bots/how-to/bots-filesv4.md, "Use the Teams bot APIs").
      problems.push({
        attachment: index,
        problem: "a file consent card outside a personal chat: the Teams bot file APIs work only in personal chats",
      });
    }
  });
  return problems;
}

/** Problems of one Adaptive Card object (the `content` of an attachment, or the card of a dialog). */
export function adaptiveCardProblems(card: unknown): string[] {
  if (!isObject(card)) return ["the card content is not an object: Teams shows nothing"];
  const problems: string[] = [];
  if (card.type !== "AdaptiveCard")
    problems.push(`content.type is ${JSON.stringify(card.type)}, not "AdaptiveCard": Teams cannot render it`);
  const version = card.version;
  // The schema requires `version` on a top-level card (adaptivecards.io explorer, AdaptiveCard.version: "Required: Yes").
  if (typeof version !== "string") {
    problems.push("the card has no version: Teams shows \"We're sorry, this card couldn't be displayed\"");
  } else if (!/^\d+\.\d+$/.test(version)) {
    problems.push(
      `version ${JSON.stringify(version)} is not a schema version: Teams shows "We're sorry, this card couldn't be displayed"`,
    );
  } else if (compareVersions(version, HIGHEST_RENDERED_CARD_VERSION) > 0) {
    problems.push(
      `version ${version} is above ${HIGHEST_RENDERED_CARD_VERSION}, the highest Teams renders for bot-sent cards: Teams shows "We're sorry, this card couldn't be displayed"`,
    );
  }
  const actions = Array.isArray(card.actions) ? card.actions : [];
  if (actions.length > MAX_SHOWN_PRIMARY_ACTIONS) {
    problems.push(`${actions.length} primary actions: Teams shows only the first ${MAX_SHOWN_PRIMARY_ACTIONS}`);
  }
  if (isObject(card.refresh)) {
    const refresh = card.refresh;
    if (!isObject(refresh.action) || refresh.action.type !== "Action.Execute")
      problems.push("the refresh's action is not an Action.Execute: Teams never refreshes the card");
    if (Array.isArray(refresh.userIds) && refresh.userIds.length > MAX_REFRESH_USER_IDS)
      problems.push(
        `${refresh.userIds.length} users in the refresh's userIds: Teams shows user specific views to at most ${MAX_REFRESH_USER_IDS}`,
      );
  }
  if (typeof version === "string" && /^\d+\.\d+$/.test(version) && compareVersions(version, UNIVERSAL_ACTIONS_MIN_VERSION) < 0) {
    if (containsActionType(card, "Action.Execute")) {
      problems.push(`Action.Execute needs card version ${UNIVERSAL_ACTIONS_MIN_VERSION} or higher; this card says ${version}`);
    }
  }
  return problems;
}

function containsActionType(node: unknown, type: string): boolean {
  if (Array.isArray(node)) return node.some((n) => containsActionType(n, type));
  if (!isObject(node)) return false;
  if (node.type === type) return true;
  return Object.values(node).some((v) => containsActionType(v, type));
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor !== bMajor ? aMajor - bMajor : aMinor - bMinor;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
