// Corrective measures (owner, due date, reminders, completion) and closing
// an incident.
import type { TFeature } from "../feature.ts";
import { DUTY_JOB_KINDS } from "../retention/dutyJobs.ts";
import { measureAssignedMessage, measureReminderMessage, measuresProgressMessage } from "./measuresMessages.ts";
import { remindMeasureOwner } from "./remindMeasureOwner.ts";

export const measuresFeature: TFeature = {
  name: "measures",
  messageKinds: [measureAssignedMessage, measureReminderMessage, measuresProgressMessage],
  jobHandlers: (deps) => ({ [DUTY_JOB_KINDS.measureReminder]: remindMeasureOwner(deps) }),
};
