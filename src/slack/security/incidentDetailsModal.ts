// The details modal. What it holds depends on the access level: free text
// only at "full" (DPO, administrator) and "own" (the reporter's own text);
// management's summary has facts, counts, status and the decision, without
// free text or names. Free text is shown as plain_text, so nothing typed in
// a report can mention people or inject links.
import type { KnownBlock, View } from "@slack/types";
import type { TLocale } from "../../assessment/questions.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { TOpenIncidentDetailsResult } from "../../services/audit/openIncidentDetails.ts";
import { deadlineLine, incidentFactsFields, type TRenderContext } from "../messages/incidentFacts.ts";

export const DETAILS_MODAL_CALLBACK_ID = "incident_details_modal";
/** Slack's limit for a section's text is 3000 characters. */
const CHUNK = 2900;
const MAX_TIMELINE_LINES = 40;

type TShown = Extract<TOpenIncidentDetailsResult, { outcome: "shown" }>;

function plainChunks(label: string, text: string): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `*${label}*` } }];
  for (let start = 0; start < text.length; start += CHUNK) {
    blocks.push({ type: "section", text: { type: "plain_text", text: text.slice(start, start + CHUNK), emoji: false } });
  }
  return blocks;
}

function line(nl: boolean, dutch: string, english: string): string {
  return nl ? dutch : english;
}

export function buildIncidentDetailsModal(shown: TShown, render: TRenderContext): View {
  const { incident, access, assessment, timeline } = shown;
  const nl = render.locale === "nl";
  const when = (at: Date) => formatLocal(at, render.zone, render.locale as TLocale);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: incident.reference } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text:
            access === "summary"
              ? line(nl, "Samenvatting voor het management: zonder vrije tekst.", "Summary for management: no free text.")
              : line(nl, "Vertrouwelijk. Het openen is vastgelegd.", "Confidential. This opening has been recorded."),
        },
      ],
    },
    incidentFactsFields(incident, render),
    { type: "section", text: { type: "mrkdwn", text: deadlineLine(incident, render) } },
  ];
  const status = [
    `*${line(nl, "Status", "Status")}:* ${incident.status}`,
    incident.decision ? `*${line(nl, "Besluit", "Decision")}:* ${incident.decision}` : undefined,
    assessment ? `*${line(nl, "Risico", "Risk")}:* ${assessment.overrideLevel ?? assessment.level}` : undefined,
    incident.closedAt ? `*${line(nl, "Gesloten", "Closed")}:* ${when(incident.closedAt)}` : undefined,
  ].filter(Boolean);
  blocks.push({ type: "section", text: { type: "mrkdwn", text: status.join("\n") } });

  if (access === "full" || access === "own") {
    blocks.push({ type: "divider" });
    if (access === "full") {
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `*${line(nl, "Gemeld door", "Reported by")}:* <@${incident.reporterId}>` },
      });
    }
    blocks.push(...plainChunks(line(nl, "Wat is er gebeurd?", "What happened?"), incident.whatHappened));
  }
  if (access === "full") {
    if (incident.decisionReason)
      blocks.push(...plainChunks(line(nl, "Reden van het besluit", "Reason for the decision"), incident.decisionReason));
    if (incident.apReference) {
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `*${line(nl, "Kenmerk AP", "AP reference")}:* ${incident.apReference}` },
      });
    }
    if (assessment?.overrideReason) {
      blocks.push(
        ...plainChunks(line(nl, "Reden afwijkend risico", "Reason for the overridden risk"), assessment.overrideReason),
      );
    }
  }
  if ((access === "full" || access === "summary") && timeline.length > 0) {
    const shownEntries = timeline.slice(-MAX_TIMELINE_LINES);
    const lines = shownEntries.map((entry) => {
      // Management sees what happened and when, not who or why.
      const who = access === "full" ? ` (<@${entry.actorId}>)` : "";
      return `${when(entry.at)}: ${entry.kind}${who}`;
    });
    blocks.push({ type: "divider" });
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${line(nl, "Tijdlijn", "Timeline")}*` } });
    let chunk = "";
    for (const text of lines) {
      if (chunk.length + text.length + 1 > CHUNK) {
        blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
        chunk = "";
      }
      chunk += `${chunk ? "\n" : ""}${text}`;
    }
    if (chunk) blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
  }
  return {
    type: "modal",
    callback_id: DETAILS_MODAL_CALLBACK_ID,
    title: { type: "plain_text", text: nl ? "Datalek details" : "Breach details" },
    close: { type: "plain_text", text: nl ? "Sluiten" : "Close" },
    blocks: blocks.slice(0, 100),
  };
}
