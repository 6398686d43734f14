// The reporter's receipt: the reference, the deadline, and what happens next.
import type { KnownBlock } from "@slack/types";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { Incident } from "../../storage/generated/client.ts";
import type { TRenderContext } from "./incidentFacts.ts";

export function nextStepsText(locale: "nl" | "en"): string {
  return locale === "nl"
    ? [
        "*Wat nu?*",
        "1. Stop het lek als dat nog kan en veilig is (bijvoorbeeld: vraag de ontvanger de e-mail te verwijderen).",
        "2. Verwijder niets en bewaar wat je weet; de privacyfunctionaris vraagt ernaar.",
        "3. Deel geen details in kanalen of groepsapps.",
        "4. De privacyfunctionaris beoordeelt het lek en neemt zo nodig contact met je op.",
      ].join("\n")
    : [
        "*What now?*",
        "1. Stop the breach if you still can and it is safe (for example: ask the recipient to delete the e-mail).",
        "2. Delete nothing and keep what you know; the privacy officer will ask.",
        "3. Do not share details in channels or group chats.",
        "4. The privacy officer assesses the breach and contacts you if needed.",
      ].join("\n");
}

export function renderReporterReceipt(incident: Incident, render: TRenderContext): { text: string; blocks: KnownBlock[] } {
  const nl = render.locale === "nl";
  const deadline = formatLocal(incident.deadlineAt, render.zone, render.locale);
  const summary = nl
    ? `:white_check_mark: Bedankt voor je melding. Je referentie is *${incident.reference}*. De privacyfunctionaris is gewaarschuwd. Een eventuele melding aan de Autoriteit Persoonsgegevens moet uiterlijk *${deadline}* gedaan zijn.`
    : `:white_check_mark: Thank you for your report. Your reference is *${incident.reference}*. The privacy officer has been paged. A notification to the Dutch Data Protection Authority, if needed, is due by *${deadline}*.`;
  return {
    text: nl ? `Melding ontvangen: ${incident.reference}` : `Report received: ${incident.reference}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: summary } },
      { type: "section", text: { type: "mrkdwn", text: nextStepsText(render.locale) } },
    ],
  };
}
