// What one person's App Home shows, read from the incident rows: for a
// privacy officer the open incidents (overdue first), for everyone their own
// reports, for management a summary. Read-only; no Slack here.
import { userRoles, type TBotContext } from "../../app/botContext.ts";
import { timeLeft } from "../../domain/time/deadlines.ts";
import type { Incident } from "../../storage/generated/client.ts";

/** What the privacy officer should do next with an open incident. */
export type TNextStep = "take" | "assess_and_decide" | "measures_and_close";

export interface THomeIncident {
  reference: string;
  system: string;
  status: string;
  decision: string | null;
  ownerId: string | null;
  deadlineAt: Date;
  closedAt: Date | null;
  /** The countdown runs (no decision, not closed) and the deadline has passed. */
  overdue: boolean;
  countdownRunning: boolean;
  nextStep: TNextStep | null;
  channelId: string | null;
  threadTs: string | null;
}

export interface THomeSummary {
  open: number;
  overdue: number;
  awaitingDecision: number;
  notifiedToAp: number;
  closed: number;
  total: number;
}

export interface THomeData {
  userId: string;
  isDpo: boolean;
  isManagement: boolean;
  now: Date;
  /** Open incidents, overdue first then by deadline; DPOs and administrators only. */
  openIncidents: THomeIncident[] | null;
  /** More open incidents exist than shown. */
  openIncidentsMore: number;
  ownReports: THomeIncident[];
  summary: THomeSummary | null;
  /** Messages parked after a permanent Slack error, for privacy officers and administrators (null for others). */
  parked: { count: number; errors: string[] } | null;
}

/** The most rows a Home tab shows per list (Slack allows 100 blocks in all). */
export const HOME_LIST_LIMIT = 15;

export function nextStepFor(incident: Pick<Incident, "ownerId" | "decision" | "closedAt">): TNextStep | null {
  if (incident.closedAt) return null;
  if (!incident.ownerId) return "take";
  if (!incident.decision) return "assess_and_decide";
  return "measures_and_close";
}

export function toHomeIncident(incident: Incident, now: Date): THomeIncident {
  const countdownRunning = incident.decision === null && incident.closedAt === null;
  return {
    reference: incident.reference,
    system: incident.system,
    status: incident.closedAt ? "closed" : incident.status,
    decision: incident.decision,
    ownerId: incident.ownerId,
    deadlineAt: incident.deadlineAt,
    closedAt: incident.closedAt,
    overdue: countdownRunning && timeLeft(incident.deadlineAt, now).overdue,
    countdownRunning,
    nextStep: nextStepFor(incident),
    channelId: incident.channelId,
    threadTs: incident.threadTs,
  };
}

/** Overdue first, then the running countdowns by deadline, then decided ones by deadline. */
export function compareOpenIncidents(a: THomeIncident, b: THomeIncident): number {
  const rank = (incident: THomeIncident) => (incident.overdue ? 0 : incident.countdownRunning ? 1 : 2);
  return rank(a) - rank(b) || a.deadlineAt.getTime() - b.deadlineAt.getTime() || a.reference.localeCompare(b.reference);
}

const OPEN = { closedAt: null, status: { not: "closed" } } as const;

export async function loadHomeData(context: TBotContext, userId: string): Promise<THomeData> {
  const now = context.clock.now();
  const roles = userRoles(context, userId);
  const isDpo = roles.includes("dpo");
  const seesIncidents = isDpo || roles.includes("admin");
  const isManagement = roles.includes("management");
  const incidents = context.database.prisma.incident;

  let openIncidents: THomeIncident[] | null = null;
  let openIncidentsMore = 0;
  let parked: THomeData["parked"] = null;
  if (seesIncidents) {
    const rows = await context.database.prisma.outboxMessage.groupBy({
      by: ["lastError"],
      where: { status: "failed" },
      _count: { _all: true },
    });
    parked = {
      count: rows.reduce((sum, row) => sum + row._count._all, 0),
      errors: rows.map((row) => (row.lastError ?? "").replace(/^slack: /, "")).filter(Boolean),
    };
    // Overdue and running countdowns come first, so fetch those by deadline; a few hundred open incidents at most.
    const open = await incidents.findMany({ where: OPEN, orderBy: [{ deadlineAt: "asc" }, { reference: "asc" }], take: 500 });
    const sorted = open.map((incident) => toHomeIncident(incident, now)).sort(compareOpenIncidents);
    openIncidents = sorted.slice(0, HOME_LIST_LIMIT);
    openIncidentsMore = Math.max(0, (await incidents.count({ where: OPEN })) - openIncidents.length);
  }

  const own = await incidents.findMany({ where: { reporterId: userId }, orderBy: { createdAt: "desc" }, take: HOME_LIST_LIMIT });

  let summary: THomeSummary | null = null;
  if (isManagement || seesIncidents) {
    const [open, overdue, awaitingDecision, notifiedToAp, closed, total] = await Promise.all([
      incidents.count({ where: OPEN }),
      incidents.count({ where: { ...OPEN, decision: null, deadlineAt: { lt: now } } }),
      incidents.count({ where: { ...OPEN, decision: null } }),
      incidents.count({ where: { decision: "ap_notified" } }),
      incidents.count({ where: { OR: [{ closedAt: { not: null } }, { status: "closed" }] } }),
      incidents.count(),
    ]);
    summary = { open, overdue, awaitingDecision, notifiedToAp, closed, total };
  }

  return {
    userId,
    isDpo,
    isManagement,
    now,
    openIncidents,
    openIncidentsMore,
    ownReports: own.map((incident) => toHomeIncident(incident, now)),
    summary,
    parked,
  };
}
