// What a staff member reports, validated field by field. The Slack layer
// turns the modal's state into TRawReport; this file knows nothing of Slack.
import { z } from "zod";
import { MAX_PEOPLE_AFFECTED, type TText } from "../../assessment/questions.ts";

export const STOPPED_VALUES = ["yes", "no", "unknown"] as const;
export const EXTRA_SYSTEM_KEYS = ["email", "paper", "other"] as const;
export const MAX_DESCRIPTION_LENGTH = 3000;
/** Phones and laptops drift; a discovery a little "in the future" is skew. */
export const CLOCK_SKEW_MINUTES = 5;

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

/** The modal's values as they arrive: everything may be missing. */
export const ZRawReport = z.object({
  what_happened: z.string().nullish(),
  discovered_at: z.number().nullish(),
  occurred_at: z.number().nullish(),
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
  stopped: (typeof STOPPED_VALUES)[number];
  recipient: string;
}

export interface TReportVocabulary {
  systemKeys: readonly string[];
  dataKinds: readonly string[];
  recipients: readonly string[];
}

export type TReportErrors = Partial<Record<TReportField, TText>>;

const REQUIRED: TText = { nl: "Vul dit veld in.", en: "Please fill in this field." };

export function validateReport(
  raw: TRawReport,
  now: Date,
  vocabulary: TReportVocabulary,
): { ok: true; report: TReport } | { ok: false; errors: TReportErrors } {
  const errors: TReportErrors = {};

  // A NUL character cannot be stored in PostgreSQL text and means nothing to a reader.
  const whatHappened = (raw.what_happened ?? "").replace(/\u0000/g, "").trim();
  if (!whatHappened) errors.what_happened = REQUIRED;
  else if (whatHappened.length > MAX_DESCRIPTION_LENGTH)
    errors.what_happened = {
      nl: `Maximaal ${MAX_DESCRIPTION_LENGTH} tekens (nu ${whatHappened.length}).`,
      en: `At most ${MAX_DESCRIPTION_LENGTH} characters (now ${whatHappened.length}).`,
    };

  const discoveredAt = raw.discovered_at == null ? null : new Date(raw.discovered_at * 1000);
  if (!discoveredAt || Number.isNaN(discoveredAt.getTime())) errors.discovered_at = REQUIRED;
  else if (discoveredAt.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000)
    errors.discovered_at = {
      nl: "Het ontdekmoment kan niet in de toekomst liggen.",
      en: "The time of discovery cannot be in the future.",
    };

  const occurredAt = raw.occurred_at == null ? null : new Date(raw.occurred_at * 1000);
  if (occurredAt && discoveredAt && occurredAt.getTime() > discoveredAt.getTime())
    errors.occurred_at = {
      nl: "Het lek kan niet na de ontdekking zijn gebeurd.",
      en: "The breach cannot have happened after it was discovered.",
    };

  const system = raw.system ?? "";
  if (!system) errors.system = REQUIRED;
  else if (!vocabulary.systemKeys.includes(system))
    errors.system = { nl: "Kies een systeem uit de lijst.", en: "Choose a system from the list." };

  const dataKinds = [...new Set(raw.data_kinds ?? [])];
  if (dataKinds.length === 0)
    errors.data_kinds = {
      nl: "Kies minstens één soort gegevens (‘overig’ als je het niet weet).",
      en: "Choose at least one kind of data ('other' if you are not sure).",
    };
  else if (dataKinds.some((kind) => !vocabulary.dataKinds.includes(kind)))
    errors.data_kinds = { nl: "Kies soorten uit de lijst.", en: "Choose kinds from the list." };

  const peopleText = (raw.people_affected ?? "").trim();
  const peopleAffected = Number(peopleText);
  if (!peopleText) errors.people_affected = REQUIRED;
  else if (!/^\d+$/.test(peopleText) || !Number.isSafeInteger(peopleAffected) || peopleAffected > MAX_PEOPLE_AFFECTED)
    errors.people_affected = {
      nl: `Vul een heel getal in van 0 tot ${MAX_PEOPLE_AFFECTED.toLocaleString("nl-NL")} (een schatting mag).`,
      en: `Enter a whole number from 0 to ${MAX_PEOPLE_AFFECTED.toLocaleString("en-GB")} (an estimate is fine).`,
    };

  const stopped = raw.stopped ?? "";
  if (!stopped) errors.stopped = REQUIRED;
  else if (!(STOPPED_VALUES as readonly string[]).includes(stopped))
    errors.stopped = { nl: "Kies ja, nee of weet ik niet.", en: "Choose yes, no or don't know." };

  const recipient = raw.recipient ?? "";
  if (!recipient) errors.recipient = REQUIRED;
  else if (!vocabulary.recipients.includes(recipient))
    errors.recipient = { nl: "Kies een antwoord uit de lijst.", en: "Choose an answer from the list." };

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    report: {
      whatHappened,
      discoveredAt: discoveredAt!,
      occurredAt,
      system,
      dataKinds,
      peopleAffected,
      stopped: stopped as TReport["stopped"],
      recipient,
    },
  };
}
