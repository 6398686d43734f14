// Reads the breach register from the database in pages by id (cursor
// pagination), each incident with its assessment, timeline, notifications
// and measures, so an export writes each page before reading the next and
// memory stays flat however large the register is.
import type {
  ApNotification,
  CorrectiveMeasure,
  Incident,
  IncidentAssessment,
  SubjectNotice,
  TimelineEntry,
} from "../../core/storage/generated/client.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { TKeyRing } from "../../core/security/fieldCipher.ts";
import { modelFromRow } from "../../core/storage/modelFromRow.ts";

export interface TReadContext {
  database: Database;
  /**
   * With the key ring every table is read straight through the driver and
   * the fields ENCRYPTED_FIELDS names are decrypted here: several times
   * faster than Prisma's mapping (typed or raw, whose cost grows with the
   * 2,000 ids of a page), and far less garbage, which is what makes 100,000
   * incidents fit in 5 seconds and 200 MB (the command line). Without it
   * they are read through the Prisma client, whose extension decrypts (the
   * bot, whose registers are small).
   */
  keyRing?: TKeyRing | undefined;
}

export interface TIncidentRecord {
  incident: Incident;
  assessment: IncidentAssessment | undefined;
  timeline: TimelineEntry[];
  apNotifications: ApNotification[];
  subjectNotices: SubjectNotice[];
  measures: CorrectiveMeasure[];
}

/** Where a page ends: the register is read in the order it was reported (then by reference, for reports made in the same millisecond). */
type TPagePosition = { createdAt: Date; reference: string };

async function readIncidentPage(context: TReadContext, after: TPagePosition | undefined, pageSize: number): Promise<Incident[]> {
  const { database } = context;
  const ring = context.keyRing;
  if (!ring) {
    return database.prisma.incident.findMany({
      where: after
        ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, reference: { gt: after.reference } }] }
        : {},
      orderBy: [{ createdAt: "asc" }, { reference: "asc" }],
      take: pageSize,
    });
  }
  // Index incident(created_at, reference): each page starts where the last ended, however far in.
  const rows = after
    ? await database.readRows(
        "SELECT * FROM incident WHERE (created_at, reference) > ($1, $2) ORDER BY created_at, reference LIMIT $3",
        [after.createdAt, after.reference, pageSize],
      )
    : await database.readRows("SELECT * FROM incident ORDER BY created_at, reference LIMIT $1", [pageSize]);
  return rows.map((row) => modelFromRow<Incident>("Incident", row, ring));
}

/** The rows of one of the incident's tables for a page of incidents: through the driver with the key ring, else Prisma. */
async function readRelated<T>(
  context: TReadContext,
  model: string,
  sql: { table: string; orderBy: string },
  viaPrisma: () => Promise<T[]>,
  ids: string[],
): Promise<T[]> {
  const ring = context.keyRing;
  if (!ring) return viaPrisma();
  const rows = await context.database.readRows(
    `SELECT * FROM ${sql.table} WHERE incident_id = ANY($1::uuid[]) ORDER BY ${sql.orderBy}`,
    [ids],
  );
  return rows.map((row) => modelFromRow<T>(model, row, ring));
}

/** Reads the register one page at a time, in the order it was reported, with everything each incident needs. */
export async function* registerPages(
  context: TReadContext,
  pageSize: number,
  withDetails: boolean,
): AsyncGenerator<TIncidentRecord[]> {
  // The next page is read while the caller writes this one: the database
  // and the formatting overlap instead of taking turns.
  let next = readPage(context, undefined, pageSize, withDetails);
  try {
    for (;;) {
      const page = await next;
      if (page.records.length === 0) return;
      next = readPage(context, page.last, pageSize, withDetails);
      yield page.records;
    }
  } finally {
    // A caller that stops early (its file failed) leaves a read in flight: its failure is nobody's.
    next.catch(() => undefined);
  }
}

/** One page of incidents after `after`, each with what it needs; `last` is where the next page starts. */
async function readPage(
  context: TReadContext,
  after: TPagePosition | undefined,
  pageSize: number,
  withDetails: boolean,
): Promise<{ records: TIncidentRecord[]; last: TPagePosition | undefined }> {
  const prisma = context.database.prisma;
  const incidents = await readIncidentPage(context, after, pageSize);
  if (incidents.length === 0) return { records: [], last: undefined };
  const { createdAt, reference } = incidents[incidents.length - 1]!;
  const ids = incidents.map((incident) => incident.id);
  const where = { incidentId: { in: ids } };
  const [assessments, timeline, apNotifications, subjectNotices, measures] = await Promise.all([
    readRelated<IncidentAssessment>(
      context,
      "IncidentAssessment",
      { table: "incident_assessment", orderBy: "incident_id" },
      () => prisma.incidentAssessment.findMany({ where }),
      ids,
    ),
    withDetails
      ? readRelated<TimelineEntry>(
          context,
          "TimelineEntry",
          { table: "timeline_entry", orderBy: "at, id" },
          () => prisma.timelineEntry.findMany({ where, orderBy: [{ at: "asc" }, { id: "asc" }] }),
          ids,
        )
      : [],
    withDetails
      ? readRelated<ApNotification>(
          context,
          "ApNotification",
          { table: "ap_notification", orderBy: "sequence" },
          () => prisma.apNotification.findMany({ where, orderBy: { sequence: "asc" } }),
          ids,
        )
      : [],
    withDetails
      ? readRelated<SubjectNotice>(
          context,
          "SubjectNotice",
          { table: "subject_notice", orderBy: "sent_at" },
          () => prisma.subjectNotice.findMany({ where, orderBy: { sentAt: "asc" } }),
          ids,
        )
      : [],
    withDetails
      ? readRelated<CorrectiveMeasure>(
          context,
          "CorrectiveMeasure",
          { table: "corrective_measure", orderBy: "created_at" },
          () => prisma.correctiveMeasure.findMany({ where, orderBy: { createdAt: "asc" } }),
          ids,
        )
      : [],
  ]);
  const group = <T extends { incidentId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.incidentId, [...(map.get(row.incidentId) ?? []), row]);
    return map;
  };
  const byAssessment = new Map(assessments.map((assessment) => [assessment.incidentId, assessment]));
  const [byTimeline, byAp, bySubject, byMeasure] = [
    group(timeline),
    group(apNotifications),
    group(subjectNotices),
    group(measures),
  ];
  const records = incidents.map((incident) => ({
    incident,
    assessment: byAssessment.get(incident.id),
    timeline: byTimeline.get(incident.id) ?? [],
    apNotifications: byAp.get(incident.id) ?? [],
    subjectNotices: bySubject.get(incident.id) ?? [],
    measures: byMeasure.get(incident.id) ?? [],
  }));
  return { records, last: { createdAt, reference } };
}
