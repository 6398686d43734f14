// Who saw what: the details window of an incident (the post's button and
// `/datalek details`), recorded in the audit trail.
import type { TFeature } from "../feature.ts";
import { detailsCommand } from "./detailsCommand.ts";

export const auditFeature: TFeature = {
  name: "audit",
  commands: [detailsCommand],
};
