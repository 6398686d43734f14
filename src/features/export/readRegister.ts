// Reads the breach register from the database in pages (cursor pagination
// in the order reported), each incident with its assessment, timeline,
// notifications and measures, so an export writes each page before reading
// the next and memory stays flat however large the register is. Every table
// is read straight through the driver and mapped (and decrypted with the
// database's key ring) by modelFromRow: several times faster than Prisma's
// mapping, whose cost grows with the 2,000 ids of a page, and far less
// garbage, which is what makes 100,000 incidents fit in 5 seconds and 200 MB.
import type {
  ApNotification,
  CorrectiveMeasure,
  Incident,
  IncidentAssessment,
  SubjectNotice,
  TimelineEntry,
} from "../../core/storage/generated/client.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import { modelFromRow } from "../../core/storage/modelFromRow.ts";

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

async function readIncidentPage(database: Database, after: TPagePosition | undefined, pageSize: number): Promise<Incident[]> {
  // Index incident(created_at, reference): each page starts where the last ended, however far in.
  const rows = after
    ? await database.readRows(
        "SELECT * FROM incident WHERE (created_at, reference) > ($1, $2) ORDER BY created_at, reference LIMIT $3",
        [after.createdAt, after.reference, pageSize],
      )
    : await database.readRows("SELECT * FROM incident ORDER BY created_at, reference LIMIT $1", [pageSize]);
  return rows.map((row) => modelFromRow<Incident>("Incident", row, database.keyRing));
}

/** The rows of one of the incident's tables for a page of incidents, in `orderBy`. */
async function readRelated<T>(database: Database, model: string, table: string, orderBy: string, ids: string[]): Promise<T[]> {
  const rows = await database.readRows(`SELECT * FROM ${table} WHERE incident_id = ANY($1::uuid[]) ORDER BY ${orderBy}`, [ids]);
  return rows.map((row) => modelFromRow<T>(model, row, database.keyRing));
}

/** Reads the register one page at a time, in the order it was reported, with everything each incident needs. */
export async function* registerPages(
  database: Database,
  pageSize: number,
  withDetails: boolean,
): AsyncGenerator<TIncidentRecord[]> {
  // The next page is read while the caller writes this one: the database
  // and the formatting overlap instead of taking turns.
  let next = readPage(database, undefined, pageSize, withDetails);
  try {
    for (;;) {
      const page = await next;
      if (page.records.length === 0) return;
      next = readPage(database, page.last, pageSize, withDetails);
      yield page.records;
    }
  } finally {
    // A caller that stops early (its file failed) leaves a read in flight: its failure is nobody's.
    next.catch(() => undefined);
  }
}

/** One page of incidents after `after`, each with what it needs; `last` is where the next page starts. */
async function readPage(
  database: Database,
  after: TPagePosition | undefined,
  pageSize: number,
  withDetails: boolean,
): Promise<{ records: TIncidentRecord[]; last: TPagePosition | undefined }> {
  const incidents = await readIncidentPage(database, after, pageSize);
  if (incidents.length === 0) return { records: [], last: undefined };
  const { createdAt, reference } = incidents[incidents.length - 1]!;
  const ids = incidents.map((incident) => incident.id);
  const details = <T>(model: string, table: string, orderBy: string): Promise<T[]> | T[] =>
    withDetails ? readRelated<T>(database, model, table, orderBy, ids) : [];
  const [assessments, timeline, apNotifications, subjectNotices, measures] = await Promise.all([
    readRelated<IncidentAssessment>(database, "IncidentAssessment", "incident_assessment", "incident_id", ids),
    details<TimelineEntry>("TimelineEntry", "timeline_entry", "at, id"),
    details<ApNotification>("ApNotification", "ap_notification", "sequence"),
    details<SubjectNotice>("SubjectNotice", "subject_notice", "sent_at"),
    details<CorrectiveMeasure>("CorrectiveMeasure", "corrective_measure", "created_at"),
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
