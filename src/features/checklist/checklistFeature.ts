// The checklist feature: the classification checklist in the incident's
// thread, the assessment and the decision (see src/features/feature.ts).
import type { TFeature } from "../feature.ts";
import { checklistPartMessage } from "./checklistMessages.ts";

export const checklistFeature: TFeature = {
  name: "checklist",
  messageKinds: [checklistPartMessage],
};
