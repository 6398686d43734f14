// The breach register as a file: CSV (one row per incident, for a
// spreadsheet), JSON (one object per incident with its timeline,
// assessment, notifications and measures, as stored: for machines) or
// Markdown (a report an auditor reads: facts, the timeline as sentences,
// the assessment with its reasons, the decision, the measures, and the
// workings behind the assessment in an appendix). People by name where the
// chat knows them, times in local time, every code by its label. Streams
// page by page (readRegister.ts), so memory stays flat.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { TLocale } from "../../core/text/locale.ts";
import { plainText } from "../../core/text/richText.ts";
import { formatLocalDay, formatNumber } from "../../core/time/formatLocal.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import { textsFor, type TTexts } from "../../texts/index.ts";
import type { TStopped } from "../../texts/vocabulary.ts";
import { readAssessmentRecord } from "../checklist/assessmentRecord.ts";
import { decisionLabel, effectiveLevel, levelLabel, statusLabel } from "../audit/codeLabels.ts";
import { timelineSentence } from "../audit/timelineText.ts";
import { dataKindsLabel, questionValueLabel } from "../paging/incidentFacts.ts";
import type { TRegister } from "../register/loadRegister.ts";
import { systemLabel } from "../register/systemLabels.ts";
import { CSV_COLUMNS, type TCsvColumn } from "./csvColumns.ts";
import { createLocalTimeFormatter, type TLocalTimeFormatter } from "./localTimeFormatter.ts";
import { PersonNames, type TNameOf } from "./personNames.ts";
import { registerPages, type TIncidentRecord } from "./readRegister.ts";

export { CSV_COLUMNS };
export const EXPORT_FORMATS = ["csv", "json", "md"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export interface TExportContext {
  database: Database;
  register: TRegister;
  zone: string;
  /** People's names as the chat knows them; without it people are shown by their id. */
  nameOf?: TNameOf | undefined;
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

interface TWriter {
  texts: TTexts;
  locale: TLocale;
  time: TLocalTimeFormatter;
  names: PersonNames;
  register: TRegister;
}

const DEFAULT_PAGE_SIZE = 500;

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

/** The assessment's sentences in the export's language (kept as codes; an older row in its own words). */
function storedResult(record: TIncidentRecord, locale: TLocale): { reasons: string[]; workings: string[] } {
  const kept = record.assessment ? readAssessmentRecord(record.assessment.result, locale) : undefined;
  return { reasons: kept?.reasons ?? [], workings: [...(kept?.scoring ?? []), ...(kept?.severity.explanation ?? [])] };
}

function everyone(record: TIncidentRecord): (string | null)[] {
  const { incident } = record;
  return [
    incident.reporterId,
    incident.ownerId,
    incident.decidedBy,
    incident.closedBy,
    record.assessment?.confirmedBy ?? null,
    ...record.timeline.map((entry) => entry.actorId),
    ...record.measures.map((measure) => measure.ownerId),
  ];
}

function csvValues(record: TIncidentRecord, w: TWriter): Record<TCsvColumn, string> {
  const { incident } = record;
  const { texts, time, names } = w;
  return {
    reference: incident.reference,
    status: statusLabel(texts, incident),
    reported_at: time.iso(incident.createdAt),
    reporter: names.name(incident.reporterId),
    discovered_at: time.iso(incident.discoveredAt),
    occurred_at: time.iso(incident.occurredAt),
    awareness_at: time.iso(incident.awarenessAt),
    deadline_at: time.iso(incident.deadlineAt),
    system: systemLabel(w.register, incident.system, texts),
    data_kinds: dataKindsLabel(incident.dataKinds, texts),
    people_affected: String(incident.peopleAffected),
    stopped: texts.vocabulary.stopped[incident.stopped as TStopped] ?? "",
    recipient: questionValueLabel(texts, "recipient", incident.recipient),
    owner: names.name(incident.ownerId),
    taken_at: time.iso(incident.takenAt),
    risk_level: levelLabel(texts, effectiveLevel(record.assessment)) ?? "",
    decision: decisionLabel(texts, incident.decision) ?? "",
    decided_at: time.iso(incident.decidedAt),
    decided_by: names.name(incident.decidedBy),
    decision_reason: incident.decisionReason ?? "",
    ap_reference: incident.apReference ?? "",
    closed_at: time.iso(incident.closedAt),
    closed_by: names.name(incident.closedBy),
    what_happened: incident.whatHappened,
  };
}

function csvRow(record: TIncidentRecord, w: TWriter): string[] {
  const values = csvValues(record, w);
  return CSV_COLUMNS.map((column) => values[column]);
}

/** As stored, for machines: codes and person ids, times in UTC. */
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

function label<K extends string>(labels: Record<K, string>, value: string): string {
  return (labels as Record<string, string>)[value] ?? "";
}

function markdownIncident(record: TIncidentRecord, w: TWriter): string {
  const { texts, time, names, locale } = w;
  const t = texts.export.report;
  const headers = texts.export.columns;
  const when = (at: Date | null | undefined) => time.display(at);
  const { incident } = record;
  const values = csvValues(record, w);
  const readable: Partial<Record<TCsvColumn, string>> = {
    discovered_at: when(incident.discoveredAt),
    occurred_at: when(incident.occurredAt),
    deadline_at: when(incident.deadlineAt),
    people_affected: formatNumber(incident.peopleAffected, locale),
  };
  const lines: string[] = [`## ${incident.reference}`, "", `### ${t.facts}`, ""];
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
    "reporter",
    "owner",
  ] as const) {
    lines.push(`- **${headers[key]}**: ${inline(readable[key] ?? values[key]) || "—"}`);
  }
  lines.push(`- **${t.whatHappened}**: ${inline(incident.whatHappened)}`, "", `### ${t.timeline}`, "");
  for (const entry of record.timeline) {
    const sentence = plainText(timelineSentence(entry, texts, { withActor: true, locale }), (id) => names.name(id));
    lines.push(`- ${when(entry.at)} · ${inline(sentence)}`);
  }

  lines.push("", `### ${t.assessment}`, "");
  const assessment = record.assessment;
  const result = storedResult(record, locale);
  if (!assessment) lines.push(t.notAssessed);
  else {
    lines.push(`- **${t.assessedLevel}**: ${levelLabel(texts, assessment.level) ?? "—"} (${when(assessment.assessedAt)})`);
    if (result.reasons.length > 0) {
      lines.push(`- **${t.reasons}**:`);
      for (const reason of result.reasons) lines.push(`  - ${inline(reason)}`);
    }
    if (assessment.overrideLevel)
      lines.push(
        `- **${t.override}**: ${levelLabel(texts, assessment.overrideLevel) ?? "—"}: ${inline(assessment.overrideReason ?? "")}`,
      );
    if (assessment.confirmedBy)
      lines.push(`- **${t.confirmedBy}**: ${inline(names.name(assessment.confirmedBy))} (${when(assessment.confirmedAt)})`);
  }

  lines.push("", `### ${t.decision}`, "");
  if (!incident.decision) lines.push(t.noDecision);
  else {
    lines.push(
      `- **${headers.decision}**: ${values.decision} (${when(incident.decidedAt)}, ${inline(values.decided_by) || "—"})`,
    );
    if (incident.decisionReason) lines.push(`- **${headers.decision_reason}**: ${inline(incident.decisionReason)}`);
    if (incident.apReference) lines.push(`- **${headers.ap_reference}**: ${inline(incident.apReference)}`);
  }
  if (record.apNotifications.length > 0) {
    lines.push("", `**${t.notifications}**`, "");
    for (const n of record.apNotifications)
      lines.push(
        `- ${when(n.notifiedAt)} · ${label(texts.notifications.kinds, n.kind)} · ${inline(n.apReference)}${n.details ? ` · ${inline(n.details)}` : ""}`,
      );
  }
  if (record.subjectNotices.length > 0) {
    lines.push("", `**${t.subjectNotices}**`, "");
    for (const n of record.subjectNotices)
      lines.push(
        `- ${when(n.sentAt)} · ${label(texts.notifications.methods, n.method)} · ${t.people({ count: n.recipientsCount })}${n.note ? ` · ${inline(n.note)}` : ""}`,
      );
  }

  lines.push("", `### ${t.measures}`, "");
  if (record.measures.length === 0) lines.push(t.noMeasures);
  for (const m of record.measures) {
    const state = m.doneAt ? `${t.done} ${when(m.doneAt)}` : `${t.due} ${formatLocalDay(m.dueDate, locale)}`;
    lines.push(`- ${inline(m.what)} · ${t.owner} ${inline(names.name(m.ownerId))} · ${state}`);
  }
  if (incident.closedAt) lines.push("", `**${t.closed}**: ${when(incident.closedAt)} (${inline(values.closed_by) || "—"})`);

  // The internal scoring lines are for whoever checks the assessment, not its reasons.
  const workings = result.workings;
  if (workings.length > 0) {
    lines.push("", `### ${t.appendix({ reference: incident.reference })}`, "", t.appendixIntro, "");
    for (const line of workings) lines.push(`- ${inline(line)}`);
  }
  return `${lines.join("\n")}\n\n`;
}

/** Writes the whole register to `out` in the chosen format; returns how many incidents it held. */
export async function exportRegister(context: TExportContext, options: TExportOptions): Promise<{ count: number }> {
  const { format, locale, out } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const texts = textsFor(locale);
  const w: TWriter = {
    texts,
    locale,
    time: createLocalTimeFormatter(context.zone, locale),
    names: new PersonNames(texts, context.nameOf),
    register: context.register,
  };
  const t = texts.export.report;
  let count = 0;
  if (format === "csv") {
    // A BOM so spreadsheet programs read the UTF-8 (ë, ï) correctly.
    await write(out, `\uFEFF${stringify([CSV_COLUMNS.map((column) => texts.export.columns[column])])}`);
  } else if (format === "json") {
    await write(out, `{"generatedAt":${JSON.stringify(options.now.toISOString())},"incidents":[`);
  } else {
    await write(out, `# ${t.title}\n\n${t.generated}: ${w.time.display(options.now)}\n\n`);
  }
  for await (const page of registerPages(context.database, pageSize, format !== "csv")) {
    if (format !== "json") await w.names.learn(page.flatMap(everyone));
    if (format === "csv") {
      await write(out, stringify(page.map((record) => csvRow(record, w))));
    } else if (format === "json") {
      const body = page.map((record) => JSON.stringify(jsonRecord(record))).join(",");
      await write(out, `${count > 0 ? "," : ""}${body}`);
    } else {
      await write(out, page.map((record) => markdownIncident(record, w)).join(""));
    }
    count += page.length;
  }
  if (format === "json") await write(out, `],"count":${count}}\n`);
  if (format === "md") await write(out, count === 0 ? `${t.empty}\n` : `---\n${t.total({ count })}\n`);
  return { count };
}
