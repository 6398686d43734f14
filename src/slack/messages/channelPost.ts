// The incident's post in the DPO channel; it becomes the incident's thread.
import type { KnownBlock } from "@slack/types";
import type { Incident } from "../../storage/generated/client.ts";
import { followUpActions } from "../duties/followUpActions.ts";
import { notificationButtonsBlock } from "../countdown/countdownMessages.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import { deadlineLine, incidentFactsFields, type TRenderContext } from "./incidentFacts.ts";

export const TAKE_ACTION_ID = "incident_take";
/** Opens the details modal at the viewer's access level (issue 6). */
export const DETAILS_ACTION_ID = "incident_details";

const DECISION_LABELS: Record<string, { nl: string; en: string }> = {
  ap_notified: { nl: "gemeld bij de AP", en: "notified to the AP" },
  not_notifiable: { nl: "geen melding bij de AP nodig", en: "no notification to the AP required" },
  not_a_breach: { nl: "geen datalek", en: "not a data breach" },
};

/** Once decided, the post says what was decided instead of counting down (no reasons: those are free text). */
function decisionLine(incident: Incident, render: TRenderContext): string | undefined {
  if (!incident.decision) return undefined;
  const nl = render.locale === "nl";
  const label = DECISION_LABELS[incident.decision]?.[render.locale] ?? incident.decision;
  const reference = incident.apReference ? ` (${nl ? "kenmerk" : "reference"} ${incident.apReference})` : "";
  const when = incident.decidedAt ? ` ${nl ? "op" : "on"} ${formatLocal(incident.decidedAt, render.zone, render.locale)}` : "";
  const closed = incident.closedAt ? (nl ? " · Afgesloten." : " · Closed.") : "";
  return `:ballot_box_with_check: ${nl ? "Besluit" : "Decision"}: *${label}*${reference}${when}${nl ? "; aftellen gestopt." : "; countdown stopped."}${closed}`;
}

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
  const decided = decisionLine(incident, render);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title } },
    incidentFactsFields(incident, render),
    { type: "section", text: { type: "mrkdwn", text: decided ?? deadlineLine(incident, render) } },
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
