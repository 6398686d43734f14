// What a DPO records about the notifications: a follow-up notification or
// a withdrawal at the AP, and that the people concerned were informed.
// Validated field by field, keyed by the forms' field ids; each problem is
// a code with its figures (the words are in src/texts/notifications.ts).
import { MAX_PEOPLE_AFFECTED } from "../checklist/questions.ts";
import { CLOCK_SKEW_MINUTES } from "../report/reportInput.ts";
import {
  AP_FOLLOWUP_KINDS,
  SUBJECT_NOTICE_METHODS,
  type TApFollowupKind,
  type TSubjectNoticeMethod,
} from "./notificationCodes.ts";

export const MAX_RECORD_TEXT_LENGTH = 3000;
export const MAX_AP_REFERENCE_CHARS = 100;

export type TRecordProblem =
  | { code: "required" }
  | { code: "too_long"; max: number }
  | { code: "in_future" }
  | { code: "choose_kind" }
  | { code: "followup_text" }
  | { code: "withdrawal_reason" }
  | { code: "choose_method" }
  | { code: "not_a_count"; max: number };

export interface TRawApFollowup {
  kind: string | null | undefined;
  apReference: string | null | undefined;
  text: string | null | undefined;
}

export type TApFollowupField = "kind" | "ap_reference" | "text";

export type TApFollowupResult =
  | { ok: true; kind: TApFollowupKind; apReference: string; text: string }
  | { ok: false; errors: Partial<Record<TApFollowupField, TRecordProblem>> };

const clean = (text: string | null | undefined) => (text ?? "").replace(/\u0000/g, "").trim();

export function validateApFollowup(raw: TRawApFollowup): TApFollowupResult {
  const errors: Partial<Record<TApFollowupField, TRecordProblem>> = {};
  const kind = AP_FOLLOWUP_KINDS.find((candidate) => candidate === raw.kind);
  if (!kind) errors.kind = { code: "choose_kind" };
  const apReference = clean(raw.apReference);
  if (apReference.length === 0) errors.ap_reference = { code: "required" };
  else if (apReference.length > MAX_AP_REFERENCE_CHARS) errors.ap_reference = { code: "too_long", max: MAX_AP_REFERENCE_CHARS };
  const text = clean(raw.text);
  if (text.length === 0) errors.text = { code: kind === "withdrawal" ? "withdrawal_reason" : "followup_text" };
  else if (text.length > MAX_RECORD_TEXT_LENGTH) errors.text = { code: "too_long", max: MAX_RECORD_TEXT_LENGTH };
  if (!kind || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, kind, apReference, text };
}

export interface TRawSubjectNotice {
  sentAt: Date | null | undefined;
  method: string | null | undefined;
  /** As typed: a whole number. */
  recipientsCount: string | null | undefined;
  note: string | null | undefined;
}

export type TSubjectNoticeField = "sent_at" | "method" | "recipients_count" | "note";

export type TSubjectNoticeResult =
  | { ok: true; sentAt: Date; method: TSubjectNoticeMethod; recipientsCount: number; note: string | null }
  | { ok: false; errors: Partial<Record<TSubjectNoticeField, TRecordProblem>> };

export function validateSubjectNotice(raw: TRawSubjectNotice, now: Date): TSubjectNoticeResult {
  const errors: Partial<Record<TSubjectNoticeField, TRecordProblem>> = {};
  const sentAt = raw.sentAt && !Number.isNaN(raw.sentAt.getTime()) ? raw.sentAt : undefined;
  if (!sentAt) errors.sent_at = { code: "required" };
  else if (sentAt.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000) errors.sent_at = { code: "in_future" };
  const method = SUBJECT_NOTICE_METHODS.find((candidate) => candidate === raw.method);
  if (!method) errors.method = { code: "choose_method" };
  const countText = clean(raw.recipientsCount);
  const count = Number(countText);
  if (countText.length === 0) errors.recipients_count = { code: "required" };
  else if (!/^\d+$/.test(countText) || !Number.isSafeInteger(count) || count < 1 || count > MAX_PEOPLE_AFFECTED)
    errors.recipients_count = { code: "not_a_count", max: MAX_PEOPLE_AFFECTED };
  const note = clean(raw.note);
  if (note.length > MAX_RECORD_TEXT_LENGTH) errors.note = { code: "too_long", max: MAX_RECORD_TEXT_LENGTH };
  if (!sentAt || !method || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, sentAt, method, recipientsCount: count, note: note.length > 0 ? note : null };
}
