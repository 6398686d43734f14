// What a DPO records about the notifications: a follow-up notification or
// a withdrawal at the AP, and that the people concerned were informed.
// Validated field by field; the keys are the modals' block ids.
import { MAX_PEOPLE_AFFECTED, type TText } from "../checklist/questions.ts";
import { CLOCK_SKEW_MINUTES } from "../incidents/reportInput.ts";

export const AP_NOTIFICATION_KINDS = ["initial", "followup", "withdrawal"] as const;
export type TApNotificationKind = (typeof AP_NOTIFICATION_KINDS)[number];
export const AP_FOLLOWUP_KINDS = ["followup", "withdrawal"] as const;
export type TApFollowupKind = (typeof AP_FOLLOWUP_KINDS)[number];

export const AP_NOTIFICATION_KIND_LABELS: Record<TApNotificationKind, TText> = {
  initial: { nl: "Eerste melding", en: "Initial notification" },
  followup: { nl: "Vervolgmelding", en: "Follow-up notification" },
  withdrawal: { nl: "Intrekking", en: "Withdrawal" },
};

export const SUBJECT_NOTICE_METHODS = ["letter", "email", "phone", "in_person", "public"] as const;
export type TSubjectNoticeMethod = (typeof SUBJECT_NOTICE_METHODS)[number];
export const SUBJECT_NOTICE_METHOD_LABELS: Record<TSubjectNoticeMethod, TText> = {
  letter: { nl: "Brief", en: "Letter" },
  email: { nl: "E-mail", en: "E-mail" },
  phone: { nl: "Telefoon", en: "Phone" },
  in_person: { nl: "Persoonlijk gesprek", en: "In person" },
  public: { nl: "Openbare mededeling", en: "Public communication" },
};

export const MAX_RECORD_TEXT_LENGTH = 3000;
export const MAX_AP_REFERENCE_CHARS = 100;

const REQUIRED: TText = { nl: "Vul dit veld in.", en: "Please fill in this field." };
const TOO_LONG = (max: number): TText => ({ nl: `Maximaal ${max} tekens.`, en: `At most ${max} characters.` });

export interface TRawApFollowup {
  kind: string | null | undefined;
  apReference: string | null | undefined;
  text: string | null | undefined;
}

export type TApFollowupResult =
  | { ok: true; kind: TApFollowupKind; apReference: string; text: string }
  | { ok: false; errors: Partial<Record<"kind" | "ap_reference" | "text", TText>> };

export function validateApFollowup(raw: TRawApFollowup): TApFollowupResult {
  const errors: Partial<Record<"kind" | "ap_reference" | "text", TText>> = {};
  const kind = AP_FOLLOWUP_KINDS.find((candidate) => candidate === raw.kind);
  if (!kind) errors.kind = { nl: "Kies vervolgmelding of intrekking.", en: "Choose follow-up or withdrawal." };
  const apReference = (raw.apReference ?? "").trim();
  if (apReference.length === 0)
    errors.ap_reference = { nl: "Vul het meldnummer van de AP in.", en: "Enter the AP's reference number." };
  else if (apReference.length > MAX_AP_REFERENCE_CHARS) errors.ap_reference = TOO_LONG(MAX_AP_REFERENCE_CHARS);
  const text = (raw.text ?? "").trim();
  if (text.length === 0)
    errors.text =
      kind === "withdrawal"
        ? { nl: "Geef de reden van de intrekking.", en: "Give the reason for the withdrawal." }
        : { nl: "Beschrijf wat er is aangevuld.", en: "Describe what was added." };
  else if (text.length > MAX_RECORD_TEXT_LENGTH) errors.text = TOO_LONG(MAX_RECORD_TEXT_LENGTH);
  if (!kind || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, kind, apReference, text };
}

export interface TRawSubjectNotice {
  /** Unix seconds. */
  sentAt: number | null | undefined;
  method: string | null | undefined;
  recipientsCount: string | null | undefined;
  note: string | null | undefined;
}

export type TSubjectNoticeResult =
  | { ok: true; sentAt: Date; method: TSubjectNoticeMethod; recipientsCount: number; note: string | null }
  | { ok: false; errors: Partial<Record<"sent_at" | "method" | "recipients_count" | "note", TText>> };

export function validateSubjectNotice(raw: TRawSubjectNotice, now: Date): TSubjectNoticeResult {
  const errors: Partial<Record<"sent_at" | "method" | "recipients_count" | "note", TText>> = {};
  let sentAt: Date | undefined;
  if (raw.sentAt === null || raw.sentAt === undefined || !Number.isFinite(raw.sentAt)) errors.sent_at = REQUIRED;
  else {
    sentAt = new Date(raw.sentAt * 1000);
    if (sentAt.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000)
      errors.sent_at = { nl: "Dit moment ligt in de toekomst.", en: "This moment lies in the future." };
  }
  const method = SUBJECT_NOTICE_METHODS.find((candidate) => candidate === raw.method);
  if (!method) errors.method = { nl: "Kies hoe het bericht is verstuurd.", en: "Choose how it was sent." };
  const countText = (raw.recipientsCount ?? "").trim();
  const count = Number(countText);
  if (countText.length === 0) errors.recipients_count = REQUIRED;
  else if (!/^\d+$/.test(countText) || !Number.isSafeInteger(count) || count < 1 || count > MAX_PEOPLE_AFFECTED)
    errors.recipients_count = {
      nl: `Een heel getal van 1 tot ${MAX_PEOPLE_AFFECTED}.`,
      en: `A whole number from 1 to ${MAX_PEOPLE_AFFECTED}.`,
    };
  const note = (raw.note ?? "").trim();
  if (note.length > MAX_RECORD_TEXT_LENGTH) errors.note = TOO_LONG(MAX_RECORD_TEXT_LENGTH);
  if (!sentAt || !method || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, sentAt, method, recipientsCount: count, note: note.length > 0 ? note : null };
}
