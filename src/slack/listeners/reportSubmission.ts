// The report modal's submit: validate field by field, store the incident in
// one transaction, and only then close the modal with the reference. If the
// database fails, the modal stays open with the text, so no report is lost.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { TBotContext } from "../../app/botContext.ts";
import { validateReport } from "../../domain/incidents/reportInput.ts";
import { questionById } from "../../assessment/questions.ts";
import { reportIncident } from "../../services/incidents/reportIncident.ts";
import { isReportRateLimited, RATE_LIMITED_MESSAGE } from "../../security/reportRateLimit.ts";
import { cachedLocaleFor } from "../i18n/localeFor.ts";
import { systemKeys } from "../vocabulary.ts";
import { readReportModalState } from "../views/readReportModalState.ts";
import { buildReportReceivedView } from "../views/reportReceivedView.ts";

export function reportSubmission(context: TBotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const locale = cachedLocaleFor(context, body.user.id);
    const raw = readReportModalState(view.state?.values);
    const checked = validateReport(raw, context.clock.now(), {
      systemKeys: systemKeys(context.register),
      dataKinds: questionById("data_categories").values.map((value) => value.value),
      recipients: questionById("recipient").values.map((value) => value.value),
    });
    if (!checked.ok) {
      const errors = Object.fromEntries(Object.entries(checked.errors).map(([field, message]) => [field, message[locale]]));
      await ack({ response_action: "errors", errors });
      return;
    }
    try {
      // A per-user limit (issue 6), answered in the modal; the text stays.
      if (await isReportRateLimited(context, body.user.id, view.id)) {
        context.logger.warn({ userId: body.user.id }, "report refused: rate limit");
        await ack({ response_action: "errors", errors: { what_happened: RATE_LIMITED_MESSAGE[locale] } });
        return;
      }
      const { incident, created } = await reportIncident(context, {
        report: checked.report,
        reporterId: body.user.id,
        submissionKey: view.id,
      });
      await ack({ response_action: "update", view: buildReportReceivedView(incident, context, locale) });
      if (created) {
        context.logger.info({ reference: incident.reference }, "incident reported");
        context.wakeOutbox();
      }
    } catch (error) {
      context.logger.error({ error: (error as Error).message }, "storing a report failed");
      await ack({
        response_action: "errors",
        errors: {
          what_happened:
            locale === "nl"
              ? "Opslaan lukte niet (storing). Je tekst staat er nog: probeer het over een minuut opnieuw."
              : "Saving failed (outage). Your text is still here: please try again in a minute.",
        },
      });
    }
  };
}
