// The buttons on the incident's post that open a form of the notifications:
// `ap_followup` (a follow-up or withdrawal at the AP) and
// `record_subject_notice` (the people concerned were informed). For a
// privacy officer the form opens; anyone else is refused, and a record that
// no longer applies is answered, where they clicked.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import type { Clock } from "../../../core/time/clock.ts";
import { apFollowupForm, subjectNoticeForm } from "../../../features/notifications/notificationForms.ts";
import {
  openNotificationForm,
  type TNotificationFormKind,
  type TOpenNotificationFormDeps,
} from "../../../features/notifications/openNotificationForm.ts";
import { textsFor } from "../../../texts/index.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import { openForm, readIncidentClick } from "../countdown/incidentButton.ts";

export interface TNotificationFormActionDeps extends TOpenNotificationFormDeps {
  clock: Clock;
  logger: Logger;
  locales: SlackLocales;
  wakeOutbox: () => void;
}

export function notificationFormAction(deps: TNotificationFormActionDeps, form: TNotificationFormKind) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readIncidentClick(body);
    if (!click) return;
    const result = await openNotificationForm(deps, { ...click.input, form });
    deps.logger.info({ reference: click.reference, form, outcome: result.outcome }, "notification form");
    if (result.outcome !== "open") {
      deps.wakeOutbox();
      return;
    }
    // The trigger lives three seconds: the language is the one known now, never waited for.
    const texts = textsFor(deps.locales.cached(click.userId));
    const shown =
      form === "ap_followup"
        ? apFollowupForm(result.incident, texts)
        : subjectNoticeForm(result.incident, texts, deps.clock.now());
    await openForm(client, click.triggerId, shown, texts, deps.logger);
  };
}
