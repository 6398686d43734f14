// What the measures feature adds to an incident's post in the DPO channel:
// once a privacy officer has taken it, the buttons to add a corrective
// measure and to close it; once closed, when, and where the follow-up is
// (the post's own note already says "Afgesloten door" and by whom; the
// buttons are gone).
import type { TBlock } from "../../core/messages/message.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TPostContribution } from "../postContribution.ts";
import { INCIDENT_CLOSE_ACTION, MEASURE_ADD_ACTION } from "./measuresActions.ts";

export const measuresPostBlocks: TPostContribution = (incident, context): TBlock[] => {
  const t = context.texts.measures.post;
  if (incident.closedAt)
    return [
      { kind: "note", text: t.closedOn({ when: formatLocal(incident.closedAt, context.organisation.zone, context.locale) }) },
    ];
  if (!incident.ownerId) return [];
  return [
    {
      kind: "controls",
      id: "incident_follow_up",
      controls: [
        { kind: "button", action: MEASURE_ADD_ACTION, label: t.add, value: incident.reference },
        { kind: "button", action: INCIDENT_CLOSE_ACTION, label: t.close, value: incident.reference },
      ],
    },
  ];
};
