// The incident's post in the DPO channel; it becomes the incident's thread.
import type { KnownBlock } from "@slack/types";
import type { Incident } from "../../storage/generated/client.ts";
import { followUpActions } from "../duties/followUpActions.ts";
import { notificationButtonsBlock } from "../countdown/countdownMessages.ts";
import { deadlineLine, incidentFactsFields, type TRenderContext } from "./incidentFacts.ts";

export const TAKE_ACTION_ID = "incident_take";
/** Opens the details modal at the viewer's access level (issue 6). */
export const DETAILS_ACTION_ID = "incident_details";

export function renderChannelPost(incident: Incident, render: TRenderContext): { text: string; blocks: KnownBlock[] } {
  const nl = render.locale === "nl";
  const title = nl ? `Datalek gemeld: ${incident.reference}` : `Data breach reported: ${incident.reference}`;
  const owner = incident.ownerId
    ? nl
      ? `:white_check_mark: Opgepakt door <@${incident.ownerId}>`
      : `:white_check_mark: Taken by <@${incident.ownerId}>`
    : nl
      ? ":hourglass_flowing_sand: Nog niet opgepakt"
      : ":hourglass_flowing_sand: Not taken yet";
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title } },
    incidentFactsFields(incident, render),
    { type: "section", text: { type: "mrkdwn", text: deadlineLine(incident, render) } },
    { type: "context", elements: [{ type: "mrkdwn", text: owner }] },
  ];
  if (!incident.ownerId) {
    blocks.push({
      type: "actions",
      block_id: "incident_actions",
      elements: [
        {
          type: "button",
          action_id: TAKE_ACTION_ID,
          style: "primary",
          value: incident.reference,
          text: { type: "plain_text", text: nl ? "Oppakken" : "Take" },
        },
      ],
    });
  }
  // Follow-up (issue 5): add measures and close, once taken.
  blocks.push(...followUpActions(incident, render.locale));
  // Countdown and notifications (issue 4): awareness correction, drafts, follow-up.
  blocks.push(notificationButtonsBlock(incident, nl));
  // The full report only for those allowed (issue 6): src/slack/security/incidentDetailsAction.ts.
  blocks.push({
    type: "actions",
    block_id: "incident_details_actions",
    elements: [
      {
        type: "button",
        action_id: DETAILS_ACTION_ID,
        value: incident.reference,
        text: { type: "plain_text", text: nl ? "Details bekijken" : "View details" },
      },
    ],
  });
  return { text: `${title}. ${nl ? "Deadline" : "Deadline"}: ${deadlineLine(incident, render).replace(/\*/g, "")}`, blocks };
}
