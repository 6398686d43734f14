// Reporting a breach: the form, the incident (stored, then registered), the
// receipt, and the job that registers a report whose registration was cut off.
import type { TFeature } from "../feature.ts";
import { reportReceiptMessage } from "./reportMessages.ts";
import { REPORT_JOB_KINDS } from "./reportJobKinds.ts";
import { runReportRegistration } from "./registerReport.ts";

export const reportFeature: TFeature = {
  name: "report",
  messageKinds: [reportReceiptMessage],
  jobHandlers: (deps) => ({
    [REPORT_JOB_KINDS.register]: (tx, run) => runReportRegistration(deps, tx, run),
  }),
};
