// What a staff member reports, validated field by field. A front end turns
// its form's values into a raw report; this file knows no chat platform.
// Each problem is a code with its figures; the words are in src/texts.
import { z } from "zod";
import { MAX_PEOPLE_AFFECTED } from "../checklist/questions.ts";
import { STOPPED_VALUES, type TStopped } from "../../texts/vocabulary.ts";

export const MAX_DESCRIPTION_LENGTH = 3000;
/** Phones and laptops drift; a discovery a little "in the future" is skew. */
export const CLOCK_SKEW_MINUTES = 5;

/** The report form's field ids: a stable interface (block_id and action_id in Slack). */
export const REPORT_FIELDS = [
  "what_happened",
  "discovered_at",
  "occurred_at",
  "system",
  "data_kinds",
  "people_affected",
  "stopped",
  "recipient",
] as const;
export type TReportField = (typeof REPORT_FIELDS)[number];

/** The form's values as they arrive: anything may be missing. */
export const ZRawReport = z.object({
  what_happened: z.string().nullish(),
  discovered_at: z.date().nullish(),
  occurred_at: z.date().nullish(),
  system: z.string().nullish(),
  data_kinds: z.array(z.string()).nullish(),
  people_affected: z.string().nullish(),
  stopped: z.string().nullish(),
  recipient: z.string().nullish(),
});
export type TRawReport = z.infer<typeof ZRawReport>;

export interface TReport {
  whatHappened: string;
  discoveredAt: Date;
  occurredAt: Date | null;
  system: string;
  dataKinds: string[];
  peopleAffected: number;
  stopped: TStopped;
  recipient: string;
}

export interface TReportVocabulary {
  systemKeys: readonly string[];
  dataKinds: readonly string[];
  recipients: readonly string[];
}

export type TReportProblem =
  | { code: "required" }
  | { code: "too_long"; max: number; actual: number }
  | { code: "discovered_in_future" }
  | { code: "occurred_after_discovery" }
  | { code: "unknown_system" }
  | { code: "no_data_kinds" }
  | { code: "unknown_data_kind" }
  | { code: "not_a_count"; max: number }
  | { code: "unknown_stopped" }
  | { code: "unknown_recipient" };

export type TReportProblems = Partial<Record<TReportField, TReportProblem>>;

export function validateReport(
  raw: TRawReport,
  now: Date,
  vocabulary: TReportVocabulary,
): { ok: true; report: TReport } | { ok: false; problems: TReportProblems } {
  const problems: TReportProblems = {};

  // A NUL character cannot be stored in PostgreSQL text and means nothing to a reader.
  const whatHappened = (raw.what_happened ?? "").replace(/\u0000/g, "").trim();
  if (!whatHappened) problems.what_happened = { code: "required" };
  else if (whatHappened.length > MAX_DESCRIPTION_LENGTH)
    problems.what_happened = { code: "too_long", max: MAX_DESCRIPTION_LENGTH, actual: whatHappened.length };

  const discoveredAt = raw.discovered_at && !Number.isNaN(raw.discovered_at.getTime()) ? raw.discovered_at : null;
  if (!discoveredAt) problems.discovered_at = { code: "required" };
  else if (discoveredAt.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000)
    problems.discovered_at = { code: "discovered_in_future" };

  const occurredAt = raw.occurred_at && !Number.isNaN(raw.occurred_at.getTime()) ? raw.occurred_at : null;
  if (occurredAt && discoveredAt && occurredAt.getTime() > discoveredAt.getTime())
    problems.occurred_at = { code: "occurred_after_discovery" };

  const system = raw.system ?? "";
  if (!system) problems.system = { code: "required" };
  else if (!vocabulary.systemKeys.includes(system)) problems.system = { code: "unknown_system" };

  const dataKinds = [...new Set(raw.data_kinds ?? [])];
  if (dataKinds.length === 0) problems.data_kinds = { code: "no_data_kinds" };
  else if (dataKinds.some((kind) => !vocabulary.dataKinds.includes(kind))) problems.data_kinds = { code: "unknown_data_kind" };

  const peopleText = (raw.people_affected ?? "").trim();
  const peopleAffected = Number(peopleText);
  if (!peopleText) problems.people_affected = { code: "required" };
  else if (!/^\d+$/.test(peopleText) || !Number.isSafeInteger(peopleAffected) || peopleAffected > MAX_PEOPLE_AFFECTED)
    problems.people_affected = { code: "not_a_count", max: MAX_PEOPLE_AFFECTED };

  const stopped = raw.stopped ?? "";
  if (!stopped) problems.stopped = { code: "required" };
  else if (!(STOPPED_VALUES as readonly string[]).includes(stopped)) problems.stopped = { code: "unknown_stopped" };

  const recipient = raw.recipient ?? "";
  if (!recipient) problems.recipient = { code: "required" };
  else if (!vocabulary.recipients.includes(recipient)) problems.recipient = { code: "unknown_recipient" };

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    report: {
      whatHappened,
      discoveredAt: discoveredAt!,
      occurredAt,
      system,
      dataKinds,
      peopleAffected,
      stopped: stopped as TStopped,
      recipient,
    },
  };
}
