// What the modal turns into after a successful submit: the reference at once.
import type { ModalView } from "@slack/types";
import type { TBotContext } from "../../app/botContext.ts";
import { formatLocal, type TLocale } from "../../domain/time/formatLocal.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { nextStepsText } from "../messages/reporterReceipt.ts";

export function buildReportReceivedView(incident: Incident, context: TBotContext, locale: TLocale = context.locale): ModalView {
  const nl = locale === "nl";
  const deadline = formatLocal(incident.deadlineAt, context.settings.TIMEZONE, locale);
  return {
    type: "modal",
    callback_id: "datalek_report_received",
    title: { type: "plain_text", text: nl ? "Melding ontvangen" : "Report received" },
    close: { type: "plain_text", text: nl ? "Sluiten" : "Close" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: nl
            ? `:white_check_mark: Je melding is vastgelegd als *${incident.reference}*. De privacyfunctionaris is gewaarschuwd.\nDeadline voor een eventuele melding aan de AP: *${deadline}*.`
            : `:white_check_mark: Your report is recorded as *${incident.reference}*. The privacy officer has been paged.\nDeadline for a notification to the AP, if needed: *${deadline}*.`,
        },
      },
      { type: "section", text: { type: "mrkdwn", text: nextStepsText(locale) } },
    ],
  };
}
