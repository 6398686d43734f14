// The breach register as a file: CSV (one row per incident), JSON (one object
// per incident with its timeline, assessment, notifications and measures) or
// Markdown (a readable report per incident: facts, timeline, assessment,
// decision, measures). Streams from the database in pages by id (cursor
// pagination), writing each page before reading the next, so memory stays
// flat however large the register is. Pure data: no Slack here.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { TLocale, TText } from "../checklist/questions.ts";
import { createLocalTimeFormatter, type TLocalTimeFormatter } from "./localTimeFormatter.ts";
import type { TRegister } from "../register/loadRegister.ts";
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
import { dataKindsLabel, recipientLabel, STOPPED_LABELS, systemLabel } from "../../slack/vocabulary.ts";

export const EXPORT_FORMATS = ["csv", "json", "md"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export interface TExportContext {
  database: Database;
  register: TRegister;
  zone: string;
  /**
   * With the key ring the incidents and their timelines are read with raw
   * SQL and decrypted here: several times faster than Prisma's model
   * mapping, which is what makes 100,000 incidents fit in 10 seconds (the
   * command line). Without it they are read through the Prisma client,
   * whose extension decrypts (the bot, whose registers are small).
   */
  keyRing?: TKeyRing;
}

export interface TExportOptions {
  format: TExportFormat;
  locale: TLocale;
  out: Writable;
  /** Incidents per database round trip. */
  pageSize?: number;
  /** The moment the export was made, shown in its heading. */
  now: Date;
}

interface TIncidentRecord {
  incident: Incident;
  assessment: IncidentAssessment | undefined;
  timeline: TimelineEntry[];
  apNotifications: ApNotification[];
  subjectNotices: SubjectNotice[];
  measures: CorrectiveMeasure[];
}

/** The CSV's columns: a stable key and a header in both languages. */
export const CSV_COLUMNS: { key: string; header: TText }[] = [
  { key: "reference", header: { nl: "Referentie", en: "Reference" } },
  { key: "status", header: { nl: "Status", en: "Status" } },
  { key: "reported_at", header: { nl: "Gemeld op", en: "Reported at" } },
  { key: "reporter", header: { nl: "Melder (Slack-id)", en: "Reporter (Slack id)" } },
  { key: "discovered_at", header: { nl: "Ontdekt op", en: "Discovered at" } },
  { key: "occurred_at", header: { nl: "Gebeurd op", en: "Occurred at" } },
  { key: "awareness_at", header: { nl: "Bekend sinds (start 72 uur)", en: "Aware since (start of 72 hours)" } },
  { key: "deadline_at", header: { nl: "Deadline melding AP", en: "Deadline to notify the AP" } },
  { key: "system", header: { nl: "Systeem of kanaal", en: "System or channel" } },
  { key: "data_kinds", header: { nl: "Soorten gegevens", en: "Kinds of data" } },
  { key: "people_affected", header: { nl: "Betrokkenen (schatting)", en: "People concerned (estimate)" } },
  { key: "stopped", header: { nl: "Gestopt", en: "Stopped" } },
  { key: "recipient", header: { nl: "Wie kan het hebben", en: "Who may have it" } },
  { key: "owner", header: { nl: "Behandelaar (Slack-id)", en: "Handled by (Slack id)" } },
  { key: "taken_at", header: { nl: "Opgepakt op", en: "Taken at" } },
  { key: "risk_level", header: { nl: "Risico (beoordeling)", en: "Risk (assessment)" } },
  { key: "decision", header: { nl: "Besluit", en: "Decision" } },
  { key: "decided_at", header: { nl: "Besluit op", en: "Decided at" } },
  { key: "decided_by", header: { nl: "Besluit door", en: "Decided by" } },
  { key: "decision_reason", header: { nl: "Reden besluit", en: "Reason for the decision" } },
  { key: "ap_reference", header: { nl: "Kenmerk AP", en: "AP reference" } },
  { key: "closed_at", header: { nl: "Afgesloten op", en: "Closed at" } },
  { key: "closed_by", header: { nl: "Afgesloten door", en: "Closed by" } },
  { key: "what_happened", header: { nl: "Wat is er gebeurd", en: "What happened" } },
];

export const LEVEL_LABELS: Record<string, TText> = {
  not_a_breach: { nl: "geen datalek", en: "not a data breach" },
  no_risk: { nl: "geen risico", en: "no risk" },
  risk: { nl: "risico", en: "risk" },
  high_risk: { nl: "hoog risico", en: "high risk" },
};

export const EXPORT_STATUS_LABELS: Record<string, TText> = {
  reported: { nl: "gemeld", en: "reported" },
  taken: { nl: "in behandeling", en: "being handled" },
  decided: { nl: "besluit vastgelegd", en: "decision recorded" },
  closed: { nl: "afgesloten", en: "closed" },
};

export const EXPORT_DECISION_LABELS: Record<string, TText> = {
  ap_notified: { nl: "gemeld bij de AP", en: "notified to the AP" },
  not_notifiable: { nl: "niet meldplichtig", en: "not notifiable" },
  not_a_breach: { nl: "geen datalek", en: "not a data breach" },
};

export const REPORT_TEXTS = {
  title: { nl: "Register van datalekken", en: "Register of data breaches" },
  generated: { nl: "Gemaakt op", en: "Generated at" },
  count: { nl: "Aantal incidenten", en: "Number of incidents" },
  facts: { nl: "Feiten", en: "Facts" },
  whatHappened: { nl: "Wat is er gebeurd", en: "What happened" },
  timeline: { nl: "Tijdlijn", en: "Timeline" },
  assessment: { nl: "Beoordeling", en: "Assessment" },
  notAssessed: { nl: "Nog niet beoordeeld.", en: "Not assessed yet." },
  assessedLevel: { nl: "Uitkomst checklist", en: "Checklist outcome" },
  override: { nl: "Aangepast door de privacyfunctionaris naar", en: "Overridden by the privacy officer to" },
  confirmedBy: { nl: "Vastgesteld door", en: "Settled by" },
  decision: { nl: "Besluit", en: "Decision" },
  noDecision: { nl: "Nog geen besluit.", en: "No decision yet." },
  notifications: { nl: "Meldingen aan de AP", en: "Notifications to the AP" },
  subjectNotices: { nl: "Betrokkenen geïnformeerd", en: "People concerned informed" },
  measures: { nl: "Maatregelen", en: "Measures" },
  noMeasures: { nl: "Geen maatregelen vastgelegd.", en: "No measures recorded." },
  done: { nl: "gereed", en: "done" },
  due: { nl: "uiterlijk", en: "due" },
  empty: { nl: "Het register is leeg.", en: "The register is empty." },
} satisfies Record<string, TText>;

const DEFAULT_PAGE_SIZE = 2000;

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

function label(labels: Record<string, TText>, value: string | null | undefined, locale: TLocale): string {
  if (!value) return "";
  return labels[value]?.[locale] ?? value;
}

function effectiveLevel(assessment: IncidentAssessment | undefined): string | null {
  return assessment ? (assessment.overrideLevel ?? assessment.level) : null;
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

async function readIncidentPage(context: TExportContext, after: string | undefined, pageSize: number): Promise<Incident[]> {
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

async function readTimeline(context: TExportContext, ids: string[]): Promise<TimelineEntry[]> {
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
async function* pages(context: TExportContext, pageSize: number, withDetails: boolean): AsyncGenerator<TIncidentRecord[]> {
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

function csvRow(record: TIncidentRecord, context: TExportContext, locale: TLocale, time: TLocalTimeFormatter): string[] {
  const { incident } = record;
  const values: Record<string, string> = {
    reference: incident.reference,
    status: label(EXPORT_STATUS_LABELS, incident.closedAt ? "closed" : incident.status, locale),
    reported_at: time.iso(incident.createdAt),
    reporter: incident.reporterId,
    discovered_at: time.iso(incident.discoveredAt),
    occurred_at: time.iso(incident.occurredAt),
    awareness_at: time.iso(incident.awarenessAt),
    deadline_at: time.iso(incident.deadlineAt),
    system: systemLabel(context.register, incident.system, locale),
    data_kinds: dataKindsLabel(incident.dataKinds, locale),
    people_affected: String(incident.peopleAffected),
    stopped: STOPPED_LABELS[incident.stopped]?.[locale] ?? incident.stopped,
    recipient: recipientLabel(incident.recipient, locale),
    owner: incident.ownerId ?? "",
    taken_at: time.iso(incident.takenAt),
    risk_level: label(LEVEL_LABELS, effectiveLevel(record.assessment), locale),
    decision: label(EXPORT_DECISION_LABELS, incident.decision, locale),
    decided_at: time.iso(incident.decidedAt),
    decided_by: incident.decidedBy ?? "",
    decision_reason: incident.decisionReason ?? "",
    ap_reference: incident.apReference ?? "",
    closed_at: time.iso(incident.closedAt),
    closed_by: incident.closedBy ?? "",
    what_happened: incident.whatHappened,
  };
  return CSV_COLUMNS.map((column) => values[column.key] ?? "");
}

function jsonRecord(record: TIncidentRecord): unknown {
  const { incident } = record;
  return {
    ...incident,
    assessment: record.assessment ?? null,
    timeline: record.timeline.map((entry) => ({
      at: entry.at,
      actorId: entry.actorId,
      kind: entry.kind,
      details: entry.details,
    })),
    apNotifications: record.apNotifications.map(({ id: _id, incidentId: _incident, ...rest }) => rest),
    subjectNotices: record.subjectNotices.map(({ id: _id, incidentId: _incident, ...rest }) => rest),
    measures: record.measures.map(({ incidentId: _incident, ...rest }) => rest),
  };
}

/** Markdown text from a record must not break the layout: one line, no headings or tables. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/([\\`*_#|<>[\]])/g, "\\$1")
    .trim();
}

function markdownIncident(record: TIncidentRecord, context: TExportContext, locale: TLocale, time: TLocalTimeFormatter): string {
  const t = (text: TText) => text[locale];
  const when = (at: Date | null | undefined) => time.display(at);
  const { incident } = record;
  const headers = Object.fromEntries(CSV_COLUMNS.map((column) => [column.key, column.header[locale]]));
  const values = csvRow(record, context, locale, time);
  const row = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column.key, values[index]]));
  const lines: string[] = [`## ${incident.reference}`, "", `### ${t(REPORT_TEXTS.facts)}`, ""];
  const readableDates: Record<string, Date | null> = {
    discovered_at: incident.discoveredAt,
    occurred_at: incident.occurredAt,
    deadline_at: incident.deadlineAt,
  };
  for (const key of [
    "status",
    "discovered_at",
    "occurred_at",
    "deadline_at",
    "system",
    "data_kinds",
    "people_affected",
    "stopped",
    "recipient",
    "owner",
  ]) {
    const value = key in readableDates ? when(readableDates[key]) : row[key];
    lines.push(`- **${headers[key]}**: ${inline(value || "—")}`);
  }
  lines.push(
    `- **${t(REPORT_TEXTS.whatHappened)}**: ${inline(incident.whatHappened)}`,
    "",
    `### ${t(REPORT_TEXTS.timeline)}`,
    "",
  );
  for (const entry of record.timeline) {
    const details =
      entry.details && typeof entry.details === "object" && Object.keys(entry.details).length > 0
        ? ` ${inline(JSON.stringify(entry.details))}`
        : "";
    lines.push(`- ${when(entry.at)} · ${inline(entry.kind)} · ${entry.actorId}${details}`);
  }
  lines.push("", `### ${t(REPORT_TEXTS.assessment)}`, "");
  const assessment = record.assessment;
  if (!assessment) lines.push(t(REPORT_TEXTS.notAssessed));
  else {
    lines.push(
      `- **${t(REPORT_TEXTS.assessedLevel)}**: ${label(LEVEL_LABELS, assessment.level, locale)} (${when(assessment.assessedAt)})`,
    );
    if (assessment.overrideLevel) {
      lines.push(
        `- **${t(REPORT_TEXTS.override)}**: ${label(LEVEL_LABELS, assessment.overrideLevel, locale)}: ${inline(assessment.overrideReason ?? "")}`,
      );
    }
    if (assessment.confirmedBy)
      lines.push(`- **${t(REPORT_TEXTS.confirmedBy)}**: ${assessment.confirmedBy} (${when(assessment.confirmedAt)})`);
  }
  lines.push("", `### ${t(REPORT_TEXTS.decision)}`, "");
  if (!incident.decision) lines.push(t(REPORT_TEXTS.noDecision));
  else {
    lines.push(`- **${headers.decision}**: ${row.decision} (${when(incident.decidedAt)}, ${incident.decidedBy ?? "—"})`);
    if (incident.decisionReason) lines.push(`- **${headers.decision_reason}**: ${inline(incident.decisionReason)}`);
    if (incident.apReference) lines.push(`- **${headers.ap_reference}**: ${inline(incident.apReference)}`);
  }
  if (record.apNotifications.length > 0) {
    lines.push("", `**${t(REPORT_TEXTS.notifications)}**`, "");
    for (const n of record.apNotifications)
      lines.push(
        `- ${when(n.notifiedAt)} · ${inline(n.kind)} · ${inline(n.apReference)}${n.details ? ` · ${inline(n.details)}` : ""}`,
      );
  }
  if (record.subjectNotices.length > 0) {
    lines.push("", `**${t(REPORT_TEXTS.subjectNotices)}**`, "");
    for (const n of record.subjectNotices) lines.push(`- ${when(n.sentAt)} · ${inline(n.method)} · ${n.recipientsCount}`);
  }
  lines.push("", `### ${t(REPORT_TEXTS.measures)}`, "");
  if (record.measures.length === 0) lines.push(t(REPORT_TEXTS.noMeasures));
  for (const m of record.measures) {
    const state = m.doneAt ? `${t(REPORT_TEXTS.done)} ${when(m.doneAt)}` : `${t(REPORT_TEXTS.due)} ${m.dueDate}`;
    lines.push(`- ${inline(m.what)} · ${m.ownerId} · ${state}`);
  }
  if (incident.closedAt) lines.push("", `**${headers.closed_at}**: ${when(incident.closedAt)} (${incident.closedBy ?? "—"})`);
  return `${lines.join("\n")}\n\n`;
}

/** Writes the whole register to `out` in the chosen format; returns how many incidents it held. */
export async function exportRegister(context: TExportContext, options: TExportOptions): Promise<{ count: number }> {
  const { format, locale, out } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const t = (text: TText) => text[locale];
  const time = createLocalTimeFormatter(context.zone, locale);
  let count = 0;
  if (format === "csv") {
    // A BOM so spreadsheet programs read the UTF-8 (ë, ï) correctly.
    await write(out, `\uFEFF${stringify([CSV_COLUMNS.map((column) => column.header[locale])])}`);
  } else if (format === "json") {
    await write(out, `{"generatedAt":${JSON.stringify(options.now.toISOString())},"incidents":[`);
  } else {
    await write(out, `# ${t(REPORT_TEXTS.title)}\n\n${t(REPORT_TEXTS.generated)}: ${time.display(options.now)}\n\n`);
  }
  for await (const page of pages(context, pageSize, format !== "csv")) {
    if (format === "csv") {
      await write(out, stringify(page.map((record) => csvRow(record, context, locale, time))));
    } else if (format === "json") {
      const body = page.map((record) => JSON.stringify(jsonRecord(record))).join(",");
      await write(out, `${count > 0 ? "," : ""}${body}`);
    } else {
      await write(out, page.map((record) => markdownIncident(record, context, locale, time)).join(""));
    }
    count += page.length;
  }
  if (format === "json") await write(out, `],"count":${count}}\n`);
  if (format === "md") await write(out, count === 0 ? `${t(REPORT_TEXTS.empty)}\n` : `---\n${t(REPORT_TEXTS.count)}: ${count}\n`);
  return { count };
}
