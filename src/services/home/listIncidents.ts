// Read-only incident lists for the status and list commands: a person's own
// reports, one incident by reference, and the open incidents (overdue first).
import type { TBotContext } from "../../app/botContext.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { compareOpenIncidents, toHomeIncident, type THomeIncident } from "./loadHomeData.ts";

export const LIST_LIMIT = 50;

export async function listOwnReports(context: TBotContext, userId: string, limit = 10): Promise<THomeIncident[]> {
  const now = context.clock.now();
  const rows = await context.database.prisma.incident.findMany({
    where: { reporterId: userId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((incident) => toHomeIncident(incident, now));
}

export async function findIncidentByReference(context: TBotContext, reference: string): Promise<Incident | null> {
  return context.database.prisma.incident.findUnique({ where: { reference: reference.trim().toUpperCase() } });
}

export async function listOpenIncidents(
  context: TBotContext,
  limit = LIST_LIMIT,
): Promise<{ incidents: THomeIncident[]; total: number }> {
  const now = context.clock.now();
  const where = { closedAt: null, status: { not: "closed" } };
  const [rows, total] = await Promise.all([
    context.database.prisma.incident.findMany({ where, orderBy: [{ deadlineAt: "asc" }, { reference: "asc" }], take: 500 }),
    context.database.prisma.incident.count({ where }),
  ]);
  return {
    incidents: rows
      .map((incident) => toHomeIncident(incident, now))
      .sort(compareOpenIncidents)
      .slice(0, limit),
    total,
  };
}
