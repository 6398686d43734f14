// What one person's overview (Slack: the App Home tab) shows, read from the
// incident rows: for a privacy officer or administrator the open incidents
// (overdue first) and any messages parked after a permanent chat error; for
// everyone their own reports; for management a summary.
import { timeLeft } from "../../core/time/deadlines.ts";
import type { Clock } from "../../core/time/clock.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { rolesOf, type TRoleDirectory } from "../../core/people/roles.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { Database } from "../../core/storage/openDatabase.ts";

/** What the privacy officer should do next with an open incident. */
export type TNextStep = "take" | "assess_and_decide" | "measures_and_close";

export interface TOverviewIncident {
  id: string;
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
}

export interface TOverviewSummary {
  open: number;
  overdue: number;
  awaitingDecision: number;
  notifiedToAp: number;
  closed: number;
  total: number;
}

export interface TOverview {
  person: TPersonId;
  isDpo: boolean;
  isManagement: boolean;
  now: Date;
  /** Open incidents, overdue first then by deadline; privacy officers and administrators only. */
  openIncidents: TOverviewIncident[] | null;
  /** More open incidents exist than shown. */
  openIncidentsMore: number;
  ownReports: TOverviewIncident[];
  summary: TOverviewSummary | null;
  /** Messages parked after a permanent chat error, for privacy officers and administrators (null for others). */
  parked: { count: number; errors: string[] } | null;
}

/** The most rows an overview shows per list (Slack allows 100 blocks in all). */
export const OVERVIEW_LIST_LIMIT = 15;

export function nextStepFor(incident: Pick<Incident, "ownerId" | "decision" | "closedAt">): TNextStep | null {
  if (incident.closedAt) return null;
  if (!incident.ownerId) return "take";
  if (!incident.decision) return "assess_and_decide";
  return "measures_and_close";
}

/** The columns an overview reads: no free text, so nothing is decrypted for it. */
export const OVERVIEW_COLUMNS = {
  id: true,
  reference: true,
  system: true,
  status: true,
  decision: true,
  ownerId: true,
  deadlineAt: true,
  closedAt: true,
} as const;

export type TOverviewRow = Pick<Incident, keyof typeof OVERVIEW_COLUMNS>;

export function toOverviewIncident(incident: TOverviewRow, now: Date): TOverviewIncident {
  const countdownRunning = incident.decision === null && incident.closedAt === null;
  return {
    id: incident.id,
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
  };
}

/** Overdue first, then the running countdowns by deadline, then decided ones by deadline. */
export function compareOpenIncidents(a: TOverviewIncident, b: TOverviewIncident): number {
  const rank = (incident: TOverviewIncident) => (incident.overdue ? 0 : incident.countdownRunning ? 1 : 2);
  return rank(a) - rank(b) || a.deadlineAt.getTime() - b.deadlineAt.getTime() || a.reference.localeCompare(b.reference);
}

export const OPEN_INCIDENTS = { closedAt: null, status: { not: "closed" } } as const;

export async function loadOverview(
  deps: { database: Database; clock: Clock; roles: TRoleDirectory },
  person: TPersonId,
): Promise<TOverview> {
  const now = deps.clock.now();
  const roles = rolesOf(person, deps.roles);
  const isDpo = roles.includes("dpo");
  const seesIncidents = isDpo || roles.includes("admin");
  const isManagement = roles.includes("management");
  const { prisma } = deps.database;
  const incidents = prisma.incident;

  let openIncidents: TOverviewIncident[] | null = null;
  let openIncidentsMore = 0;
  let parked: TOverview["parked"] = null;
  let summary: TOverviewSummary | null = null;
  if (isManagement || seesIncidents) summary = await loadSummary(deps.database, now);
  if (seesIncidents) {
    const rows = await prisma.outboxMessage.groupBy({ by: ["lastError"], where: { status: "failed" }, _count: { _all: true } });
    parked = {
      count: rows.reduce((sum, row) => sum + row._count._all, 0),
      errors: rows.map((row) => (row.lastError ?? "").replace(/^slack: /, "")).filter(Boolean),
    };
    // Overdue and running countdowns come first, so fetch those by deadline; a few hundred open incidents at most.
    const open = await incidents.findMany({
      where: OPEN_INCIDENTS,
      select: OVERVIEW_COLUMNS,
      orderBy: [{ deadlineAt: "asc" }, { reference: "asc" }],
      take: 500,
    });
    const sorted = open.map((incident) => toOverviewIncident(incident, now)).sort(compareOpenIncidents);
    openIncidents = sorted.slice(0, OVERVIEW_LIST_LIMIT);
    openIncidentsMore = Math.max(0, summary!.open - openIncidents.length);
  }

  const own = await incidents.findMany({
    where: { reporterId: person },
    select: OVERVIEW_COLUMNS,
    orderBy: { createdAt: "desc" },
    take: OVERVIEW_LIST_LIMIT,
  });

  return {
    person,
    isDpo,
    isManagement,
    now,
    openIncidents,
    openIncidentsMore,
    ownReports: own.map((incident) => toOverviewIncident(incident, now)),
    summary,
    parked,
  };
}

/** The summary's six counts in one statement (the same conditions as OPEN_INCIDENTS and the decisions). */
async function loadSummary(database: Database, now: Date): Promise<TOverviewSummary> {
  const [row] = await database.prisma.$queryRaw<Record<keyof TOverviewSummary, bigint>[]>`
    SELECT
      count(*) FILTER (WHERE closed_at IS NULL AND status <> 'closed') AS open,
      count(*) FILTER (WHERE closed_at IS NULL AND status <> 'closed' AND decision IS NULL AND deadline_at < ${now}) AS overdue,
      count(*) FILTER (WHERE closed_at IS NULL AND status <> 'closed' AND decision IS NULL) AS "awaitingDecision",
      count(*) FILTER (WHERE decision = 'ap_notified') AS "notifiedToAp",
      count(*) FILTER (WHERE closed_at IS NOT NULL OR status = 'closed') AS closed,
      count(*) AS total
    FROM incident`;
  return {
    open: Number(row!.open),
    overdue: Number(row!.overdue),
    awaitingDecision: Number(row!.awaitingDecision),
    notifiedToAp: Number(row!.notifiedToAp),
    closed: Number(row!.closed),
    total: Number(row!.total),
  };
}
