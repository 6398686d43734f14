// The report form's submit: validated field by field, stored in one
// statement, and only then does the form show the reference; the report is
// registered (timeline, messages, countdown) right after the answer. If the
// database fails, the form stays open with the text, so no report is lost.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import { DATA_CATEGORIES, RECIPIENT_VALUES } from "../../../features/checklist/questions.ts";
import type { TRegister } from "../../../features/register/loadRegister.ts";
import { systemKeys } from "../../../features/register/systemLabels.ts";
import { receiveReport } from "../../../features/report/receiveReport.ts";
import { registerReport } from "../../../features/report/registerReport.ts";
import type { TReportIncidentDeps } from "../../../features/report/reportIncident.ts";
import { validateReport, ZRawReport, type TReportProblem } from "../../../features/report/reportInput.ts";
import { reportReceivedForm } from "../../../features/report/reportMessages.ts";
import { textsFor, type TTexts } from "../../../texts/index.ts";
import { slackPerson } from "../../identity.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { readFormValues, renderFormDone } from "../../render/renderForm.ts";

export interface TReportSubmissionDeps extends TReportIncidentDeps {
  register: TRegister;
  locales: SlackLocales;
  logger: Logger;
  wakeOutbox: () => void;
}

/** How long storing a report may take before the form answers "try again" (Slack allows three seconds in all). */
export const STORE_DEADLINE_MS = 2000;

const ZSubmission = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({ id: z.string().min(1), state: z.object({ values: z.unknown() }).optional() }),
});

function problemText(texts: TTexts, problem: TReportProblem): string {
  const text = texts.report.problems[problem.code] as (problem: TReportProblem) => string;
  return text(problem);
}

export function reportSubmission(deps: TReportSubmissionDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const parsed = ZSubmission.safeParse(body);
    if (!parsed.success) {
      await ack();
      return;
    }
    const { user, view } = parsed.data;
    const locale = deps.locales.cached(user.id);
    const texts = textsFor(locale);
    const values = readFormValues(view.state?.values);
    const raw = ZRawReport.safeParse({
      ...values,
      data_kinds: Array.isArray(values.data_kinds) ? values.data_kinds : [],
    });
    const checked = validateReport(raw.success ? raw.data : {}, deps.clock.now(), {
      systemKeys: systemKeys(deps.register),
      dataKinds: DATA_CATEGORIES,
      recipients: RECIPIENT_VALUES,
    });
    if (!checked.ok) {
      const errors = Object.fromEntries(
        Object.entries(checked.problems).map(([field, problem]) => [field, problemText(texts, problem)]),
      );
      await ack({ response_action: "errors", errors });
      return;
    }
    // Slack waits three seconds for the answer: the report is stored within two, or the form says so and keeps the text.
    const deadline = Date.now() + STORE_DEADLINE_MS;
    const storing = receiveReport(deps, {
      report: checked.report,
      reporter: slackPerson(user.id),
      submissionKey: view.id,
      deadline,
    });
    const late = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), STORE_DEADLINE_MS + 200).unref());
    try {
      const result = await Promise.race([storing, late]);
      if (result === "late") {
        deps.logger.error({ user: user.id }, "storing a report took too long; the reporter was asked to try again");
        // Past its deadline the write rolls back; should it still complete, the receipt it carries tells the reporter.
        storing.then(
          (stored) => deps.logger.warn({ outcome: stored.outcome }, "a report stored after its form was answered"),
          () => undefined,
        );
        await ack({ response_action: "errors", errors: { what_happened: texts.report.saveFailed } });
        return;
      }
      if (result.outcome === "rate_limited") {
        deps.logger.warn({ user: user.id }, "report refused: rate limit");
        await ack({ response_action: "errors", errors: { what_happened: texts.report.rateLimited } });
        return;
      }
      const done = reportReceivedForm(result.incident, texts, deps.zone, locale);
      await ack({ response_action: "update", view: renderFormDone(done, { links: new Map(), someone: texts.common.someone }) });
      if (result.outcome === "created") {
        deps.logger.info({ reference: result.incident.reference }, "incident reported");
        // Answered: now the rest. Should this fail, the report's job registers it.
        await registerReport(deps, result.incident.id).then(
          () => deps.wakeOutbox(),
          (error: Error) =>
            deps.logger.error(
              { error: error.message, reference: result.incident.reference },
              "registering a report failed; its job will",
            ),
        );
      }
    } catch (error) {
      deps.logger.error({ error: (error as Error).message }, "storing a report failed");
      await ack({ response_action: "errors", errors: { what_happened: texts.report.saveFailed } });
    }
  };
}
