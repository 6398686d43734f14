// Slack's Block Kit limits, in one place (docs.slack.dev, "Reference: block
// elements", "Reference: blocks", "Modal views"). The renderers cut to them,
// so a long register name or report never gets a message refused.
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  options: 100,
  placeholder: 150,
  viewTitle: 24,
  viewButton: 24,
  inputLabel: 2000,
  inputHint: 2000,
  privateMetadata: 3000,
  plainTextInputMax: 3000,
  radioOptions: 10,
} as const;

/** Cut to at most `max` characters, marking the cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
