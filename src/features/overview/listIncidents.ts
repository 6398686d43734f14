// Read-only incident lists for the status and list commands: a person's own
// reports, one incident by reference, and the open incidents (overdue first).
import type { TPersonId } from "../../core/people/person.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import { compareOpenIncidents, OPEN_INCIDENTS, toOverviewIncident, type TOverviewIncident } from "./loadOverview.ts";

export const LIST_LIMIT = 50;

export interface TListDeps {
  database: Database;
  clock: Clock;
}

export async function listOwnReports(deps: TListDeps, person: TPersonId, limit = 10): Promise<TOverviewIncident[]> {
  const now = deps.clock.now();
  const rows = await deps.database.prisma.incident.findMany({
    where: { reporterId: person },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((incident) => toOverviewIncident(incident, now));
}

export async function findIncidentByReference(deps: TListDeps, reference: string): Promise<Incident | null> {
  return deps.database.prisma.incident.findUnique({ where: { reference: reference.trim().toUpperCase().slice(0, 40) } });
}

export async function listOpenIncidents(
  deps: TListDeps,
  limit = LIST_LIMIT,
): Promise<{ incidents: TOverviewIncident[]; total: number }> {
  const now = deps.clock.now();
  const [rows, total] = await Promise.all([
    deps.database.prisma.incident.findMany({
      where: OPEN_INCIDENTS,
      orderBy: [{ deadlineAt: "asc" }, { reference: "asc" }],
      take: 500,
    }),
    deps.database.prisma.incident.count({ where: OPEN_INCIDENTS }),
  ]);
  return {
    incidents: rows
      .map((incident) => toOverviewIncident(incident, now))
      .sort(compareOpenIncidents)
      .slice(0, limit),
    total,
  };
}
