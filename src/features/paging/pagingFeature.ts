// Paging the privacy officers and taking an incident.
import type { TFeature } from "../feature.ts";
import { incidentPageMessage, incidentPostMessage } from "./pagingMessages.ts";

export const pagingFeature: TFeature = {
  name: "paging",
  messageKinds: [incidentPostMessage, incidentPageMessage],
};
