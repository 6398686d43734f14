// The 72-hour countdown: its messages (reminders, overdue notices, re-pages,
// the corrected awareness) and its scheduled jobs. The jobs are put on the
// schedule by reportIncident (scheduleIncidentCountdown) and stopped by the
// decision (stopIncidentCountdown).
import type { TFeature } from "../feature.ts";
import { COUNTDOWN_JOB_KINDS } from "./countdownJobKinds.ts";
import { awarenessCorrectedMessage, countdownReminderMessage, countdownRepageMessage } from "./countdownMessages.ts";
import { runCountdownReminder } from "./runCountdownReminder.ts";
import { runRepage } from "./runRepage.ts";

export const countdownFeature: TFeature = {
  name: "countdown",
  messageKinds: [countdownReminderMessage, countdownRepageMessage, awarenessCorrectedMessage],
  jobHandlers: (deps) => ({
    [COUNTDOWN_JOB_KINDS.reminder]: (tx, run) => runCountdownReminder(deps, tx, run),
    [COUNTDOWN_JOB_KINDS.repage]: (tx, run) => runRepage(deps, tx, run),
  }),
};
