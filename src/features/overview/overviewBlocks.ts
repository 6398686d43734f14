// The overview as blocks: a privacy officer sees the open incidents with
// the time left (overdue first, marked), each with its next step and a
// button; staff see their own reports and a big "report" button;
// management sees a summary. No free text from a report appears here: only
// references, systems, states and deadlines.
import type { TBlock } from "../../core/messages/message.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import type { TLocale } from "../../core/text/locale.ts";
import { messageLink, person, strong, type TSpan } from "../../core/text/richText.ts";
import { timeLeft } from "../../core/time/deadlines.ts";
import { formatLocal, formatNumber } from "../../core/time/formatLocal.ts";
import type { TDecision, TIncidentStatus } from "../../core/incidents/decisions.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TRegister } from "../register/loadRegister.ts";
import { systemLabel } from "../register/systemLabels.ts";
import { TAKE_ACTION } from "../paging/pagingActions.ts";
import type { TOverview, TOverviewIncident } from "./loadOverview.ts";
import { OVERVIEW_REPORT_ACTION, OVERVIEW_RETRY_PARKED_ACTION } from "./overviewActions.ts";

export interface TOverviewRender {
  texts: TTexts;
  locale: TLocale;
  zone: string;
  register: TRegister;
}

export function statusLabel(incident: Pick<TOverviewIncident, "status" | "decision">, texts: TTexts): string {
  // A state this release does not know reads as reported rather than as its code.
  const status = texts.vocabulary.statuses[incident.status as TIncidentStatus] ?? texts.vocabulary.statuses.reported;
  const decision = incident.decision ? texts.vocabulary.decisions[incident.decision as TDecision] : undefined;
  return decision ? `${status} · ${decision}` : status;
}

function timeSpans(incident: TOverviewIncident, now: Date, render: TOverviewRender): TSpan[] {
  const t = render.texts.overview;
  const deadline = formatLocal(incident.deadlineAt, render.zone, render.locale);
  if (!incident.countdownRunning) return [t.deadline, deadline];
  const left = render.texts.common.timeLeft(timeLeft(incident.deadlineAt, now));
  return incident.overdue ? ["🔴 ", strong(`${t.overdue}: ${left}`), ` (${deadline})`] : [`🟡 ${left} (${deadline})`];
}

function dpoIncidentBlock(incident: TOverviewIncident, overview: TOverview, render: TOverviewRender): TBlock[] {
  const t = render.texts.overview;
  const system = systemLabel(render.register, incident.system, render.texts);
  const lines: TBlock[] = [
    {
      kind: "text",
      text: [
        strong(incident.reference),
        ` · ${system} · ${statusLabel(incident, render.texts)}`,
        ...(incident.ownerId ? [t.handledBy, person(incident.ownerId)] : []),
        "\n",
        ...timeSpans(incident, overview.now, render),
        "\n",
        t.nextStep,
        incident.nextStep ? t.nextSteps[incident.nextStep] : "",
        incident.nextStep === "take" ? "" : " · ",
        incident.nextStep === "take" ? "" : messageLink(messageKeys.incidentPost(incident.id), t.openThread),
      ],
    },
  ];
  if (incident.nextStep === "take")
    lines.push({
      kind: "controls",
      id: `home_incident_${incident.reference}`,
      controls: [
        {
          kind: "button",
          action: TAKE_ACTION,
          label: t.nextSteps.take,
          value: incident.reference,
          style: incident.overdue ? "danger" : "primary",
        },
      ],
    });
  return lines;
}

export function overviewBlocks(overview: TOverview, render: TOverviewRender): TBlock[] {
  const t = render.texts.overview;
  const blocks: TBlock[] = [
    { kind: "heading", text: t.title },
    { kind: "text", text: t.reportIntro },
    {
      kind: "controls",
      id: "home_report_actions",
      controls: [{ kind: "button", action: OVERVIEW_REPORT_ACTION, label: t.reportButton, value: "report", style: "danger" }],
    },
  ];
  if (overview.parked && overview.parked.count > 0) {
    blocks.push(
      { kind: "text", text: t.parked({ count: overview.parked.count, errors: overview.parked.errors.join(", ") || "?" }) },
      {
        kind: "controls",
        id: "home_parked",
        controls: [{ kind: "button", action: OVERVIEW_RETRY_PARKED_ACTION, label: t.parkedRetry, value: "retry" }],
      },
    );
  }
  if (overview.openIncidents) {
    blocks.push(
      { kind: "divider" },
      { kind: "heading", text: t.openIncidents({ count: overview.summary?.open ?? overview.openIncidents.length }) },
    );
    if (overview.openIncidents.length === 0) blocks.push({ kind: "text", text: t.noOpenIncidents });
    for (const incident of overview.openIncidents) blocks.push(...dpoIncidentBlock(incident, overview, render));
    if (overview.openIncidentsMore > 0) blocks.push({ kind: "note", text: t.more({ count: overview.openIncidentsMore }) });
  }
  if (overview.summary && (overview.isManagement || !overview.openIncidents)) {
    const s = overview.summary;
    const count = (value: number) => formatNumber(value, render.locale);
    blocks.push(
      { kind: "divider" },
      { kind: "heading", text: t.summary },
      {
        kind: "facts",
        facts: [
          { label: t.summaryOpen, value: count(s.open) },
          { label: t.summaryOverdue, value: count(s.overdue) },
          { label: t.summaryAwaiting, value: count(s.awaitingDecision) },
          { label: t.summaryNotified, value: count(s.notifiedToAp) },
          { label: t.summaryClosed, value: count(s.closed) },
          { label: t.summaryTotal, value: count(s.total) },
        ],
      },
    );
  }
  blocks.push({ kind: "divider" }, { kind: "heading", text: t.ownReports });
  if (overview.ownReports.length === 0) blocks.push({ kind: "text", text: t.noOwnReports });
  for (const incident of overview.ownReports)
    blocks.push({
      kind: "text",
      text: [
        strong(incident.reference),
        ` · ${systemLabel(render.register, incident.system, render.texts)}\n${statusLabel(incident, render.texts)}`,
      ],
    });
  blocks.push({ kind: "note", text: t.updated({ when: formatLocal(overview.now, render.zone, render.locale) }) });
  return blocks;
}
