// The direct message that pages a privacy officer. The DPO may read the
// full report, so this private message carries the description too.
import type { KnownBlock } from "@slack/types";
import type { Incident } from "../../storage/generated/client.ts";
import { TAKE_ACTION_ID } from "./channelPost.ts";
import { deadlineLine, incidentFactsFields, type TRenderContext } from "./incidentFacts.ts";

export function renderDpoPage(
  incident: Incident,
  render: TRenderContext,
  threadLink: string | undefined,
): { text: string; blocks: KnownBlock[] } {
  const nl = render.locale === "nl";
  const title = nl
    ? `:rotating_light: Nieuw datalek ${incident.reference}: jij bent gewaarschuwd als privacyfunctionaris`
    : `:rotating_light: New data breach ${incident.reference}: you are paged as privacy officer`;
  const quoted = incident.whatHappened
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${title}*` } },
    incidentFactsFields(incident, render),
    { type: "section", text: { type: "mrkdwn", text: deadlineLine(incident, render) } },
    {
      type: "section",
      text: { type: "mrkdwn", text: `*${nl ? "Melding (alleen voor jou)" : "Report (for you only)"}*\n${quoted}`.slice(0, 3000) },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: nl
            ? `Gemeld door <@${incident.reporterId}>.${threadLink ? ` <${threadLink}|Open de thread>` : ""}`
            : `Reported by <@${incident.reporterId}>.${threadLink ? ` <${threadLink}|Open the thread>` : ""}`,
        },
      ],
    },
  ];
  if (!incident.ownerId) {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: TAKE_ACTION_ID,
          style: "primary",
          value: incident.reference,
          text: { type: "plain_text", text: nl ? "Oppakken" : "Take" },
        },
      ],
    });
  }
  return { text: title.replace(/:[a-z_]+: /, ""), blocks };
}
