// Last year's incidents for the yearly evaluation: those whose awareness
// fell in the local calendar year, read from the records and summarised.
import { DateTime } from "luxon";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { summariseYear, type TYearSummary } from "./yearSummary.ts";

export async function summariseIncidentYear(db: TDbTransaction, year: number, zone: string): Promise<TYearSummary> {
  const from = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toJSDate();
  const to = DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone }).toJSDate();
  const incidents = await db.incident.findMany({ where: { awarenessAt: { gte: from, lt: to } } });
  const ids = incidents.map((incident) => incident.id);
  const assessments = await db.incidentAssessment.findMany({
    where: { incidentId: { in: ids } },
    select: { incidentId: true, level: true, overrideLevel: true },
  });
  const informed = new Set(
    (await db.subjectNotice.findMany({ where: { incidentId: { in: ids } }, select: { incidentId: true } })).map(
      (notice) => notice.incidentId,
    ),
  );
  const measuresOpen = await db.correctiveMeasure.count({ where: { incidentId: { in: ids }, doneAt: null } });
  return summariseYear(
    year,
    incidents.map((incident) => {
      const assessment = assessments.find((candidate) => candidate.incidentId === incident.id);
      return {
        level: assessment ? (assessment.overrideLevel ?? assessment.level) : null,
        decision: incident.decision,
        decidedAt: incident.decidedAt,
        deadlineAt: incident.deadlineAt,
        peopleInformed: informed.has(incident.id),
      };
    }),
    measuresOpen,
  );
}
