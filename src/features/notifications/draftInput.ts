// The plain facts a notification draft is made from. loadNotificationDraftInput
// gathers them from the record (incident, register, checklist, assessment,
// earlier notifications); the builders are pure functions of this object.
import type { TAnswers } from "../checklist/questions.ts";
import type { TApNotificationKind, TSubjectNoticeMethod } from "./notificationCodes.ts";

export interface TNotificationDraftInput {
  reference: string;
  /** When the draft is made: decides whether the notification is late. */
  now: Date;
  /** IANA zone for the times in the text. */
  zone: string;
  organisationName: string | null;
  privacyContact: string | null;
  incident: {
    whatHappened: string;
    discoveredAt: Date;
    occurredAt: Date | null;
    awarenessAt: Date;
    deadlineAt: Date;
    system: string;
    dataKinds: string[];
    peopleAffected: number;
    stopped: string;
    recipient: string;
    apReference: string | null;
  };
  /** Name of the system or channel (register name or e-mail/paper/other). */
  systemName: string;
  /** The register entry of the system, when it is in the register. */
  registerSystem: { peopleConcerned: string; securityMeasures: string[] } | null;
  /** The checklist answers so far (may be empty). */
  answers: TAnswers;
  /** The assessment, when the checklist was assessed. */
  assessment: { level: string; notifySubjects: boolean; reasons: string[] } | null;
  /** Why awareness is later than discovery, when a DPO corrected it. */
  awarenessCorrectionReason: string | null;
  apNotifications: { kind: TApNotificationKind; apReference: string; notifiedAt: Date; details: string | null }[];
  subjectNotices: { sentAt: Date; method: TSubjectNoticeMethod; recipientsCount: number }[];
  /** Corrective measures recorded on the incident (what, local due date, done or not). */
  measures: { what: string; dueDate: string; done: boolean }[];
}

export interface TDraftSection {
  id: string;
  title: string;
  lines: string[];
}

export interface TDraft {
  title: string;
  sections: TDraftSection[];
  /** The whole draft as plain text, ready to paste. */
  text: string;
  /** A file name for the draft. */
  filename: string;
}

/** The draft as a text file: the title underlined, the introduction, then the numbered sections. */
export function renderDraftText(title: string, intro: readonly string[], sections: readonly TDraftSection[]): string {
  const parts = [title, "=".repeat(title.length), ...intro, ""];
  sections.forEach((section, index) => {
    parts.push(`${index + 1}. ${section.title}`, ...section.lines, "");
  });
  return parts.join("\n").trimEnd() + "\n";
}
