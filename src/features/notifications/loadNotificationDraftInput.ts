// Gathers what a notification draft is made from: the incident, the
// register entry of its system, the checklist answers and the assessment
// (when there are any), the correction of the awareness time, and the
// notifications and measures recorded so far.
import type { Database } from "../../core/storage/openDatabase.ts";
import { textsFor } from "../../texts/index.ts";
import { ZAnswers, type TAnswers } from "../checklist/questions.ts";
import type { TOrganisation } from "../messageContext.ts";
import type { TRegister } from "../register/loadRegister.ts";
import { systemLabel } from "../register/systemLabels.ts";
import type { TNotificationDraftInput } from "./draftInput.ts";
import type { TApNotificationKind, TSubjectNoticeMethod } from "./notificationCodes.ts";

export interface TDraftInputDeps {
  database: Database;
  register: TRegister;
  organisation: TOrganisation;
}

export async function loadNotificationDraftInput(
  deps: TDraftInputDeps,
  incidentId: string,
  now: Date,
): Promise<TNotificationDraftInput | undefined> {
  const db = deps.database.prisma;
  const incident = await db.incident.findUnique({ where: { id: incidentId } });
  if (!incident) return undefined;
  const [answerRows, assessment, correction, apNotifications, subjectNotices, measures] = await Promise.all([
    db.checklistAnswer.findMany({ where: { incidentId } }),
    db.incidentAssessment.findUnique({ where: { incidentId } }),
    db.timelineEntry.findFirst({ where: { incidentId, kind: "awareness_corrected" }, orderBy: { id: "desc" } }),
    db.apNotification.findMany({ where: { incidentId }, orderBy: { sequence: "asc" } }),
    db.subjectNotice.findMany({ where: { incidentId }, orderBy: { sentAt: "asc" } }),
    db.correctiveMeasure.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" } }),
  ]);
  const registerSystem = deps.register.systems.find((system) => system.key === incident.system);
  const result = (assessment?.result ?? {}) as { notify_subjects?: unknown; reasons?: unknown };
  const level = assessment ? (assessment.overrideLevel ?? assessment.level) : undefined;
  const correctionReason = (correction?.details as { reason?: unknown } | undefined)?.reason;
  return {
    reference: incident.reference,
    now,
    zone: deps.organisation.zone,
    organisationName: deps.organisation.name ?? null,
    privacyContact: deps.organisation.privacyContact ?? null,
    incident,
    // The drafts are Dutch documents (see src/texts/notifications.ts).
    systemName: systemLabel(deps.register, incident.system, textsFor("nl")),
    registerSystem: registerSystem
      ? { peopleConcerned: registerSystem.people_concerned, securityMeasures: registerSystem.security_measures }
      : null,
    answers: readAnswers(answerRows),
    assessment:
      assessment && level
        ? {
            level,
            notifySubjects: result.notify_subjects === true || level === "high_risk",
            reasons: Array.isArray(result.reasons)
              ? result.reasons.filter((reason): reason is string => typeof reason === "string")
              : [],
          }
        : null,
    awarenessCorrectionReason: typeof correctionReason === "string" ? correctionReason : null,
    apNotifications: apNotifications.map((row) => ({
      kind: row.kind as TApNotificationKind,
      apReference: row.apReference,
      notifiedAt: row.notifiedAt,
      details: row.details,
    })),
    subjectNotices: subjectNotices.map((row) => ({
      sentAt: row.sentAt,
      method: row.method as TSubjectNoticeMethod,
      recipientsCount: row.recipientsCount,
    })),
    measures: measures.map((row) => ({ what: row.what, dueDate: row.dueDate, done: row.doneAt !== null })),
  };
}

/** Keeps each stored answer that is valid on its own; a bad one is left out. */
function readAnswers(rows: { questionId: string; value: unknown }[]): TAnswers {
  const answers: Record<string, unknown> = {};
  for (const row of rows) {
    const parsed = ZAnswers.safeParse({ [row.questionId]: row.value });
    if (parsed.success) Object.assign(answers, parsed.data);
  }
  return answers as TAnswers;
}
