// A DPO answers (or changes, or confirms a prefilled) checklist question.
// The answer, the recomputed assessment, the timeline entry and the thread
// update are written together. Others are refused; after the decision the
// checklist is locked.
import { lockIncidentRow } from "./lockIncidentRow.ts";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import type { TQuestionId } from "../../assessment/questions.ts";
import { parseAnswer, sameAnswer } from "../../domain/checklist/checklistAnswers.ts";
import { enqueueOutboxMessages } from "../outbox/enqueueOutboxMessage.ts";
import { OUTBOX_KINDS } from "../outbox/outboxKinds.ts";
import { appendTimelineEntry } from "../timeline/appendTimelineEntry.ts";
import { enqueueChecklistSync } from "./enqueueChecklistSync.ts";
import { recordRefusal } from "./recordRefusal.ts";
import { refreshAssessment } from "./refreshAssessment.ts";

export interface TAnswerChecklistQuestionInput {
  incidentId: string;
  questionId: TQuestionId;
  /** As it came from Slack: a button value, option value(s), or the typed number. */
  rawValue: unknown;
  /** Confirm the current (prefilled) answer as it stands; rawValue is then ignored. */
  confirmCurrent?: boolean;
  userId: string;
  channelId: string | undefined;
}

export type TAnswerOutcome = "answered" | "confirmed" | "cleared" | "unchanged" | "invalid" | "refused" | "locked";

export async function answerChecklistQuestion(
  context: TBotContext,
  input: TAnswerChecklistQuestionInput,
): Promise<{ outcome: TAnswerOutcome }> {
  const now = context.clock.now();
  const refusalDetails = { questionId: input.questionId, value: JSON.stringify(input.rawValue ?? null) };
  if (!isDpo(context, input.userId)) {
    await recordRefusal(context, {
      incidentId: input.incidentId,
      userId: input.userId,
      kind: "checklist_answer_refused",
      notice: "dpo_only",
      details: { reason: "not_a_dpo", ...refusalDetails },
      channelId: input.channelId,
    });
    return { outcome: "refused" };
  }
  const outcome = await context.database.prisma.$transaction(async (tx): Promise<TAnswerOutcome> => {
    await lockIncidentRow(tx, input.incidentId);
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: input.incidentId } });
    if (incident.decision !== null) return "locked";
    const where = { incidentId_questionId: { incidentId: incident.id, questionId: input.questionId } };
    const previous = await tx.checklistAnswer.findUnique({ where });
    if (input.confirmCurrent && !previous) return "unchanged";
    const parsed = parseAnswer(input.questionId, input.confirmCurrent ? previous!.value : input.rawValue);
    if (!parsed.ok) {
      await enqueueOutboxMessages(tx, [
        {
          kind: OUTBOX_KINDS.ephemeralNotice,
          payload: {
            userId: input.userId,
            channelId: input.channelId ?? incident.channelId ?? input.userId,
            threadTs: incident.threadTs,
            notice: "checklist_invalid",
            params: { reference: incident.reference, question: input.questionId },
          },
          incidentId: incident.id,
          notBefore: now,
        },
      ]);
      return "invalid";
    }
    let result: TAnswerOutcome;
    if (parsed.value === null) {
      if (!previous) return "unchanged";
      await tx.checklistAnswer.delete({ where });
      await appendTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        actorId: input.userId,
        kind: "checklist_answer_cleared",
        details: { questionId: input.questionId, previousValue: previous.value as never },
      });
      result = "cleared";
    } else {
      const same = previous !== null && sameAnswer(previous.value, parsed.value);
      if (same && !previous.prefilled) return "unchanged";
      await tx.checklistAnswer.upsert({
        where,
        create: {
          incidentId: incident.id,
          questionId: input.questionId,
          value: parsed.value,
          answeredBy: input.userId,
          answeredAt: now,
          prefilled: false,
        },
        update: { value: parsed.value, answeredBy: input.userId, answeredAt: now, prefilled: false },
      });
      result = same ? "confirmed" : "answered";
      await appendTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        actorId: input.userId,
        // A prefilled answer clicked again is the DPO confirming the report's answer.
        kind: same ? "checklist_answer_confirmed" : "checklist_answered",
        details: {
          questionId: input.questionId,
          value: parsed.value,
          ...(previous ? { previousValue: previous.value as never, previousPrefilled: previous.prefilled } : {}),
        },
      });
    }
    await refreshAssessment(tx, context, { incidentId: incident.id, actorId: input.userId, at: now });
    await enqueueChecklistSync(tx, incident.id, now);
    return result;
  });
  if (outcome === "locked") {
    await recordRefusal(context, {
      incidentId: input.incidentId,
      userId: input.userId,
      kind: "checklist_answer_refused",
      notice: "checklist_locked",
      details: { reason: "decided", ...refusalDetails },
      channelId: input.channelId,
    });
  }
  return { outcome };
}
