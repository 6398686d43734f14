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
import { decryptJson, decryptText, isCiphertext, isEncryptedJson, type TKeyRing } from "../../core/security/fieldCipher.ts";

export interface TReadContext {
  database: Database;
  /**
   * With the key ring the incidents and their timelines are read with raw
   * SQL and decrypted here: several times faster than Prisma's model
   * mapping, which is what makes 100,000 incidents fit in 10 seconds (the
   * command line). Without it they are read through the Prisma client,
   * whose extension decrypts (the bot, whose registers are small).
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

type TRawIncident = Record<string, unknown> & { id: string };

function decryptedText(ring: TKeyRing, value: unknown): string | null {
  if (typeof value !== "string") return null;
  return isCiphertext(value) ? decryptText(ring, value) : value;
}

const CAMEL_NAMES = new Map<string, string>();

/** A raw incident row (snake_case) as the Prisma model (camelCase), free text decrypted. */
function incidentFromRow(row: TRawIncident, ring: TKeyRing): Incident {
  const camel: Record<string, unknown> = {};
  for (const key in row) {
    let name = CAMEL_NAMES.get(key);
    if (name === undefined) CAMEL_NAMES.set(key, (name = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())));
    camel[name] = row[key];
  }
  camel.whatHappened = decryptedText(ring, camel.whatHappened) ?? "";
  camel.decisionReason = decryptedText(ring, camel.decisionReason);
  return camel as unknown as Incident;
}

async function readIncidentPage(context: TReadContext, after: string | undefined, pageSize: number): Promise<Incident[]> {
  const { prisma } = context.database;
  const ring = context.keyRing;
  if (!ring) {
    return prisma.incident.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take: pageSize });
  }
  const rows = after
    ? await prisma.$queryRaw<TRawIncident[]>`SELECT * FROM incident WHERE id > ${after}::uuid ORDER BY id LIMIT ${pageSize}`
    : await prisma.$queryRaw<TRawIncident[]>`SELECT * FROM incident ORDER BY id LIMIT ${pageSize}`;
  return rows.map((row) => incidentFromRow(row, ring));
}

async function readTimeline(context: TReadContext, ids: string[]): Promise<TimelineEntry[]> {
  const { prisma } = context.database;
  const ring = context.keyRing;
  if (!ring)
    return prisma.timelineEntry.findMany({ where: { incidentId: { in: ids } }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const rows = await prisma.$queryRaw<
    { id: bigint; incident_id: string; at: Date; actor_id: string; kind: string; details: unknown }[]
  >`
    SELECT id, incident_id, at, actor_id, kind, details FROM timeline_entry WHERE incident_id = ANY(${ids}::uuid[]) ORDER BY at, id`;
  return rows.map((row) => ({
    id: row.id,
    incidentId: row.incident_id,
    at: row.at,
    actorId: row.actor_id,
    kind: row.kind,
    details: (isEncryptedJson(row.details) ? decryptJson(ring, row.details) : row.details) as TimelineEntry["details"],
  })) as TimelineEntry[];
}

/** Reads the register one page at a time, by id, with everything each incident needs. */
export async function* registerPages(
  context: TReadContext,
  pageSize: number,
  withDetails: boolean,
): AsyncGenerator<TIncidentRecord[]> {
  const prisma = context.database.prisma;
  let after: string | undefined;
  for (;;) {
    const incidents = await readIncidentPage(context, after, pageSize);
    if (incidents.length === 0) return;
    after = incidents[incidents.length - 1]!.id;
    const ids = incidents.map((incident) => incident.id);
    const [assessments, timeline, apNotifications, subjectNotices, measures] = await Promise.all([
      prisma.incidentAssessment.findMany({ where: { incidentId: { in: ids } } }),
      withDetails ? readTimeline(context, ids) : [],
      withDetails ? prisma.apNotification.findMany({ where: { incidentId: { in: ids } }, orderBy: { sequence: "asc" } }) : [],
      withDetails ? prisma.subjectNotice.findMany({ where: { incidentId: { in: ids } }, orderBy: { sentAt: "asc" } }) : [],
      withDetails ? prisma.correctiveMeasure.findMany({ where: { incidentId: { in: ids } }, orderBy: { createdAt: "asc" } }) : [],
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
    // Readers expect the register in reference order within a page; ids are random.
    incidents.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.reference.localeCompare(b.reference));
    yield incidents.map((incident) => ({
      incident,
      assessment: byAssessment.get(incident.id),
      timeline: byTimeline.get(incident.id) ?? [],
      apNotifications: byAp.get(incident.id) ?? [],
      subjectNotices: bySubject.get(incident.id) ?? [],
      measures: byMeasure.get(incident.id) ?? [],
    }));
  }
}
