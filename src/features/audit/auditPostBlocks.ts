// What the audit feature adds to an incident's post in the DPO channel: the
// "Details bekijken" button. The post itself holds no free text; the window
// shows each person what they may see, and the opening is recorded.
import type { TPostContribution } from "../postContribution.ts";
import { DETAILS_ACTION } from "./auditActions.ts";

export const auditPostBlocks: TPostContribution = (incident, context) => [
  {
    kind: "controls",
    id: "incident_details",
    controls: [{ kind: "button", action: DETAILS_ACTION, label: context.texts.audit.details.button, value: incident.reference }],
  },
];
