// The follow-up buttons on an incident's channel post, shown once a privacy
// officer has taken it and until it is closed: add a corrective measure,
// close the incident.
import type { KnownBlock } from "@slack/types";
import type { TLocale } from "../../assessment/questions.ts";
import { DUTY_ACTIONS } from "./dutyIds.ts";

export function followUpActions(
  incident: { reference: string; ownerId: string | null; closedAt: Date | null; closedBy: string | null },
  locale: TLocale,
): KnownBlock[] {
  const nl = locale === "nl";
  if (incident.closedAt)
    return [
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: nl ? `:lock: Afgesloten door <@${incident.closedBy}>` : `:lock: Closed by <@${incident.closedBy}>`,
          },
        ],
      },
    ];
  if (!incident.ownerId) return [];
  return [
    {
      type: "actions",
      block_id: "incident_follow_up",
      elements: [
        {
          type: "button",
          action_id: DUTY_ACTIONS.measureAdd,
          value: incident.reference,
          text: { type: "plain_text", text: nl ? "Maatregel toevoegen" : "Add measure" },
        },
        {
          type: "button",
          action_id: DUTY_ACTIONS.incidentClose,
          value: incident.reference,
          text: { type: "plain_text", text: nl ? "Afsluiten" : "Close" },
        },
      ],
    },
  ];
}
