// The App Home tab. A privacy officer sees the open incidents with time left
// (overdue first, highlighted), each with its next step and a button; staff
// see their own reports and a big "Datalek melden" button; management sees a
// summary. No free text from a report appears here: only references,
// systems, states and deadlines.
import type { ActionsBlockElement, HomeView, KnownBlock } from "@slack/types";
import type { TLocale, TText } from "../../assessment/questions.ts";
import { describeTimeLeft } from "../../domain/time/deadlines.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { TRegister } from "../../register/loadRegister.ts";
import type { THomeData, THomeIncident, TNextStep } from "../../services/home/loadHomeData.ts";
import { TAKE_ACTION_ID } from "../messages/channelPost.ts";
import { systemLabel } from "../vocabulary.ts";

export const HOME_REPORT_ACTION_ID = "home_report";
export const HOME_OPEN_THREAD_ACTION_ID = "home_open_thread";
export const HOME_OUTBOX_RETRY_ACTION_ID = "home_outbox_retry";

export interface THomeRenderContext {
  register: TRegister;
  locale: TLocale;
  zone: string;
}

export const STATUS_LABELS: Record<string, TText> = {
  reported: { nl: "Gemeld, nog niet opgepakt", en: "Reported, not taken yet" },
  taken: { nl: "In behandeling", en: "Being handled" },
  decided: { nl: "Besluit vastgelegd", en: "Decision recorded" },
  closed: { nl: "Afgesloten", en: "Closed" },
};

export const DECISION_LABELS: Record<string, TText> = {
  ap_notified: { nl: "gemeld bij de AP", en: "notified to the AP" },
  not_notifiable: { nl: "niet meldplichtig", en: "not notifiable" },
  not_a_breach: { nl: "geen datalek", en: "not a data breach" },
};

export const NEXT_STEP_LABELS: Record<TNextStep, TText> = {
  take: { nl: "Oppakken", en: "Take it" },
  assess_and_decide: {
    nl: "Checklist invullen en besluit over melden vastleggen",
    en: "Complete the checklist and record the notification decision",
  },
  measures_and_close: { nl: "Maatregelen vastleggen en afsluiten", en: "Record measures and close" },
};

export const HOME_TEXTS = {
  title: { nl: "Datalek", en: "Data breach" },
  reportButton: { nl: ":rotating_light: Datalek melden", en: ":rotating_light: Report a data breach" },
  reportIntro: {
    nl: "Gaat er iets mis met persoonsgegevens? Meld het meteen; het kost minder dan een minuut. Twijfel je? Meld het toch.",
    en: "Something went wrong with personal data? Report it at once; it takes less than a minute. In doubt? Report it anyway.",
  },
  openIncidents: { nl: "Open incidenten", en: "Open incidents" },
  noOpenIncidents: { nl: "Geen open incidenten. :tada:", en: "No open incidents. :tada:" },
  more: { nl: "en nog {count} meer: zie `/datalek lijst`.", en: "and {count} more: see `/datalek list`." },
  ownReports: { nl: "Jouw meldingen", en: "Your reports" },
  noOwnReports: { nl: "Je hebt nog niets gemeld.", en: "You have not reported anything yet." },
  summary: { nl: "Overzicht", en: "Summary" },
  nextStep: { nl: "Volgende stap", en: "Next step" },
  openThread: { nl: "Naar de thread", en: "Open the thread" },
  overdue: { nl: "TE LAAT", en: "OVERDUE" },
  deadline: { nl: "deadline", en: "deadline" },
  owner: { nl: "behandelaar", en: "handled by" },
  updated: { nl: "Bijgewerkt", en: "Updated" },
  parked: {
    nl: ":warning: *{count} bericht(en) konden niet worden afgeleverd* ({errors}). Los de oorzaak op (bijvoorbeeld `/invite @Datalek` in het kanaal, of een nieuw token) en verstuur ze dan opnieuw.",
    en: ":warning: *{count} message(s) could not be delivered* ({errors}). Fix the cause (for example `/invite @Datalek` in the channel, or a new token), then send them again.",
  },
  parkedRetry: { nl: "Opnieuw versturen", en: "Send again" },
  summaryOpen: { nl: "Open", en: "Open" },
  summaryOverdue: { nl: "Te laat (geen besluit)", en: "Overdue (no decision)" },
  summaryAwaiting: { nl: "Wacht op besluit", en: "Awaiting a decision" },
  summaryNotified: { nl: "Gemeld bij de AP", en: "Notified to the AP" },
  summaryClosed: { nl: "Afgesloten", en: "Closed" },
  summaryTotal: { nl: "Totaal in het register", en: "Total in the register" },
} satisfies Record<string, TText>;

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });
const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text });

export function statusLabel(incident: Pick<THomeIncident, "status" | "decision">, locale: TLocale): string {
  const status = STATUS_LABELS[incident.status]?.[locale] ?? incident.status;
  const decision = incident.decision ? DECISION_LABELS[incident.decision]?.[locale] : undefined;
  return decision ? `${status} (${decision})` : status;
}

/** A link to the incident's thread in the DPO channel; Slack resolves it in the workspace. */
export function threadUrl(incident: Pick<THomeIncident, "channelId" | "threadTs">): string | undefined {
  if (!incident.channelId || !incident.threadTs) return undefined;
  return `https://slack.com/archives/${incident.channelId}/p${incident.threadTs.replace(".", "")}`;
}

function timeLine(incident: THomeIncident, data: THomeData, render: THomeRenderContext): string {
  const t = (text: TText) => text[render.locale];
  const deadline = formatLocal(incident.deadlineAt, render.zone, render.locale);
  if (!incident.countdownRunning) return `${t(HOME_TEXTS.deadline)} ${deadline}`;
  const left = describeTimeLeft(incident.deadlineAt, data.now, render.locale);
  return incident.overdue
    ? `:red_circle: *${t(HOME_TEXTS.overdue)}: ${left}* (${deadline})`
    : `:large_yellow_circle: ${left} (${deadline})`;
}

function dpoIncidentBlocks(incident: THomeIncident, data: THomeData, render: THomeRenderContext): KnownBlock[] {
  const t = (text: TText) => text[render.locale];
  const system = systemLabel(render.register, incident.system, render.locale);
  const owner = incident.ownerId ? ` · ${t(HOME_TEXTS.owner)} <@${incident.ownerId}>` : "";
  const next = incident.nextStep ? NEXT_STEP_LABELS[incident.nextStep][render.locale] : "";
  const lines = [
    `*${incident.reference}* · ${system} · ${statusLabel(incident, render.locale)}${owner}`,
    timeLine(incident, data, render),
    `${t(HOME_TEXTS.nextStep)}: ${next}`,
  ];
  const section: KnownBlock = {
    type: "section",
    block_id: `home_incident_${incident.reference}`,
    text: mrkdwn(lines.join("\n")),
  };
  if (incident.nextStep === "take") {
    section.accessory = {
      type: "button",
      action_id: TAKE_ACTION_ID,
      value: incident.reference,
      style: incident.overdue ? "danger" : "primary",
      text: plain(NEXT_STEP_LABELS.take[render.locale]),
    };
  } else {
    const url = threadUrl(incident);
    if (url) {
      section.accessory = {
        type: "button",
        action_id: HOME_OPEN_THREAD_ACTION_ID,
        value: incident.reference,
        url,
        ...(incident.overdue ? { style: "danger" as const } : {}),
        text: plain(t(HOME_TEXTS.openThread)),
      };
    }
  }
  return [section];
}

function ownReportBlock(incident: THomeIncident, render: THomeRenderContext): KnownBlock {
  const system = systemLabel(render.register, incident.system, render.locale);
  return {
    type: "section",
    block_id: `home_own_${incident.reference}`,
    text: mrkdwn(`*${incident.reference}* · ${system}\n${statusLabel(incident, render.locale)}`),
  };
}

export function buildHomeView(data: THomeData, render: THomeRenderContext): HomeView {
  const t = (text: TText) => text[render.locale];
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t(HOME_TEXTS.title)) },
    { type: "section", text: mrkdwn(t(HOME_TEXTS.reportIntro)) },
    {
      type: "actions",
      block_id: "home_report_actions",
      elements: [
        {
          type: "button",
          action_id: HOME_REPORT_ACTION_ID,
          style: "danger",
          value: "report",
          text: plain(t(HOME_TEXTS.reportButton)),
        } satisfies ActionsBlockElement,
      ],
    },
  ];

  if (data.parked && data.parked.count > 0) {
    const text = t(HOME_TEXTS.parked)
      .replace("{count}", String(data.parked.count))
      .replace("{errors}", data.parked.errors.map((error) => `\`${error}\``).join(", ") || "?");
    blocks.push({
      type: "section",
      block_id: "home_parked",
      text: mrkdwn(text.slice(0, 3000)),
      accessory: { type: "button", action_id: HOME_OUTBOX_RETRY_ACTION_ID, value: "retry", text: plain(t(HOME_TEXTS.parkedRetry)) },
    });
  }

  if (data.openIncidents) {
    blocks.push(
      { type: "divider" },
      { type: "header", text: plain(`${t(HOME_TEXTS.openIncidents)} (${data.summary?.open ?? data.openIncidents.length})`) },
    );
    if (data.openIncidents.length === 0) blocks.push({ type: "section", text: mrkdwn(t(HOME_TEXTS.noOpenIncidents)) });
    for (const incident of data.openIncidents) blocks.push(...dpoIncidentBlocks(incident, data, render));
    if (data.openIncidentsMore > 0) {
      blocks.push({ type: "context", elements: [mrkdwn(t(HOME_TEXTS.more).replace("{count}", String(data.openIncidentsMore)))] });
    }
  }

  if (data.summary && (data.isManagement || !data.openIncidents)) {
    const s = data.summary;
    const field = (label: TText, value: number) => mrkdwn(`*${t(label)}*\n${value}`);
    blocks.push(
      { type: "divider" },
      { type: "header", text: plain(t(HOME_TEXTS.summary)) },
      {
        type: "section",
        block_id: "home_summary",
        fields: [
          field(HOME_TEXTS.summaryOpen, s.open),
          field(HOME_TEXTS.summaryOverdue, s.overdue),
          field(HOME_TEXTS.summaryAwaiting, s.awaitingDecision),
          field(HOME_TEXTS.summaryNotified, s.notifiedToAp),
          field(HOME_TEXTS.summaryClosed, s.closed),
          field(HOME_TEXTS.summaryTotal, s.total),
        ],
      },
    );
  }

  blocks.push({ type: "divider" }, { type: "header", text: plain(t(HOME_TEXTS.ownReports)) });
  if (data.ownReports.length === 0) blocks.push({ type: "section", text: mrkdwn(t(HOME_TEXTS.noOwnReports)) });
  for (const incident of data.ownReports) blocks.push(ownReportBlock(incident, render));
  blocks.push({
    type: "context",
    elements: [mrkdwn(`${t(HOME_TEXTS.updated)}: ${formatLocal(data.now, render.zone, render.locale)}`)],
  });
  return { type: "home", callback_id: "datalek_home", blocks };
}
