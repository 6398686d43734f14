// Gathers what a notification draft is made from: the incident, the
// register entry of its system, the checklist answers and the assessment
// (when there are any), the correction of the awareness time, and the
// notifications recorded so far.
import { ZAnswers, type TAnswers } from "../../assessment/questions.ts";
import type { TBotContext } from "../../app/botContext.ts";
import type { TNotificationDraftInput } from "../../domain/notifications/draftInput.ts";
import type { TApNotificationKind, TSubjectNoticeMethod } from "../../domain/notifications/notificationRecords.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";
import { systemLabel } from "../../slack/vocabulary.ts";

export async function loadNotificationDraftInput(
  context: TBotContext,
  incidentId: string,
  db: TDbTransaction = context.database.prisma,
): Promise<TNotificationDraftInput | null> {
  const incident = await db.incident.findUnique({ where: { id: incidentId } });
  if (!incident) return null;
  const [answerRows, assessment, correction, apNotifications, subjectNotices, measures] = await Promise.all([
    db.checklistAnswer.findMany({ where: { incidentId } }),
    db.incidentAssessment.findUnique({ where: { incidentId } }),
    db.timelineEntry.findFirst({ where: { incidentId, kind: "awareness_corrected" }, orderBy: { id: "desc" } }),
    db.apNotification.findMany({ where: { incidentId }, orderBy: { sequence: "asc" } }),
    db.subjectNotice.findMany({ where: { incidentId }, orderBy: { sentAt: "asc" } }),
    db.correctiveMeasure.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" } }),
  ]);
  const registerSystem = context.register.systems.find((system) => system.key === incident.system);
  const result = (assessment?.result ?? {}) as { notify_subjects?: unknown; reasons?: unknown };
  return {
    reference: incident.reference,
    now: context.clock.now(),
    zone: context.settings.TIMEZONE,
    organisationName: context.settings.ORGANISATION_NAME ?? null,
    privacyContact: context.settings.PRIVACY_CONTACT ?? null,
    incident,
    systemName: systemLabel(context.register, incident.system, "nl"),
    registerSystem: registerSystem
      ? { peopleConcerned: registerSystem.people_concerned, securityMeasures: registerSystem.security_measures }
      : null,
    answers: readAnswers(answerRows),
    assessment: assessment
      ? {
          level: assessment.overrideLevel ?? assessment.level,
          notifySubjects: result.notify_subjects === true || (assessment.overrideLevel ?? assessment.level) === "high_risk",
          reasons: Array.isArray(result.reasons)
            ? result.reasons.filter((reason): reason is string => typeof reason === "string")
            : [],
        }
      : null,
    awarenessCorrectionReason:
      correction && typeof (correction.details as { reason?: unknown }).reason === "string"
        ? (correction.details as { reason: string }).reason
        : null,
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
