// The details window of an incident. What it holds depends on the access
// level: free text only at "full" (privacy officer, administrator) and
// "own" (the reporter's own text); management's summary has facts, status,
// decision and level, and the timeline without names or free text. Every
// code is shown by its label; free text is a quote, so nothing typed in a
// report can format, link or mention.
import type { TFormDone } from "../../core/messages/form.ts";
import type { TBlock } from "../../core/messages/message.ts";
import { isCountdownRunning } from "../../core/incidents/decisions.ts";
import { person, strong, type TRichText } from "../../core/text/richText.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TMessageContext } from "../messageContext.ts";
import { deadlineText, incidentFacts } from "../paging/incidentFacts.ts";
import { decisionLabel, effectiveLevel, levelLabel, statusLabel } from "./codeLabels.ts";
import type { TOpenIncidentDetailsResult } from "./openIncidentDetails.ts";
import { timelineSentence } from "./timelineText.ts";

type TShown = Extract<TOpenIncidentDetailsResult, { outcome: "shown" }>;

/** The most recent entries shown; the export holds them all. */
const MAX_TIMELINE_LINES = 120;
/** Entries per block: a window holds at most 100 blocks (Slack), a block about 3000 characters. */
const LINES_PER_BLOCK = 15;

export function incidentDetailsView(shown: TShown, context: TMessageContext): TFormDone {
  const { incident, access, assessment, timeline } = shown;
  const t = context.texts.audit.details;
  const { texts, locale } = context;
  const zone = context.organisation.zone;
  const when = (at: Date) => formatLocal(at, zone, locale);
  const fact = (label: string, value: TRichText): TRichText => [
    strong(`${label}:`),
    " ",
    ...(typeof value === "string" ? [value] : value),
  ];

  const blocks: TBlock[] = [
    { kind: "heading", text: incident.reference },
    { kind: "note", text: access === "summary" ? t.summaryOnly : t.confidential },
    incidentFacts(incident, context),
    {
      kind: "text",
      text: isCountdownRunning(incident)
        ? deadlineText(incident, context)
        : [texts.paging.deadline, strong(when(incident.deadlineAt))],
    },
  ];

  const status: TRichText[] = [fact(t.status, statusLabel(texts, incident))];
  const decision = decisionLabel(texts, incident.decision);
  if (decision) status.push(fact(t.decision, decision));
  const level = levelLabel(texts, effectiveLevel(assessment));
  if (level) status.push(fact(t.risk, level));
  if (incident.closedAt) status.push(fact(t.closedAt, when(incident.closedAt)));
  blocks.push(...status.map((text): TBlock => ({ kind: "text", text })));

  if (access === "full" || access === "own") {
    blocks.push({ kind: "divider" });
    if (access === "full") blocks.push({ kind: "text", text: fact(t.reportedBy, [person(incident.reporterId)]) });
    blocks.push({ kind: "text", text: [strong(t.whatHappened)] }, { kind: "quote", text: incident.whatHappened });
  }
  if (access === "full") {
    if (incident.decisionReason)
      blocks.push({ kind: "text", text: [strong(t.decisionReason)] }, { kind: "quote", text: incident.decisionReason });
    if (incident.apReference) blocks.push({ kind: "text", text: fact(t.apReference, incident.apReference) });
    if (assessment?.overrideReason)
      blocks.push({ kind: "text", text: [strong(t.overrideReason)] }, { kind: "quote", text: assessment.overrideReason });
  }
  if ((access === "full" || access === "summary") && timeline.length > 0) {
    // Management sees what happened and when, not who.
    const withActor = access === "full";
    const shownEntries = timeline.slice(-MAX_TIMELINE_LINES);
    blocks.push({ kind: "divider" }, { kind: "text", text: [strong(t.timeline)] });
    const lines = shownEntries.map((entry) => [`${when(entry.at)} · `, ...timelineSentence(entry, texts, { withActor, locale })]);
    for (let start = 0; start < lines.length; start += LINES_PER_BLOCK)
      blocks.push({
        kind: "text",
        text: lines.slice(start, start + LINES_PER_BLOCK).flatMap((line, index) => (index === 0 ? line : ["\n", ...line])),
      });
    const earlier = timeline.length - shownEntries.length;
    if (earlier > 0) blocks.push({ kind: "note", text: t.earlier({ count: earlier }) });
  }
  return { title: t.title, close: t.close, blocks };
}
