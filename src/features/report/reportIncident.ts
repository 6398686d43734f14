// A valid report becomes an incident in two steps: receiveReport stores it
// in one statement (reference, duplicate check, per-person limit) so the
// reporter can be answered at once, and registerReport writes the rest
// (timeline, messages, countdown) just after. A front end that answers
// within a platform's time limit calls the two itself, answering in
// between; reportIncident does both, for callers that are not waited on.
import type { TMessaging } from "../../core/outbox/enqueueMessages.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import { receiveReport, type TReceiveReportInput, type TReceiveReportResult } from "./receiveReport.ts";
import { registerReport } from "./registerReport.ts";

export { ReportDeadlineError } from "./receiveReport.ts";

export interface TReportIncidentDeps {
  database: Database;
  clock: Clock;
  roles: TRoleDirectory;
  messaging: TMessaging;
  zone: string;
  limits: { reportsPerHour: number; repageAfterMinutes: number };
}

export type TReportIncidentInput = TReceiveReportInput;
export type TReportIncidentResult = TReceiveReportResult;

export async function reportIncident(deps: TReportIncidentDeps, input: TReportIncidentInput): Promise<TReportIncidentResult> {
  const result = await receiveReport(deps, input);
  if (result.outcome === "created") await registerReport(deps, result.incident.id);
  return result;
}

export { nextReferenceSequence } from "./nextReferenceSequence.ts";
