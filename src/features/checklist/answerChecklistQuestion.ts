// A privacy officer answers (or changes, or confirms a prefilled) checklist
// question. The answer with who and when, the timeline entry, the
// recomputed assessment and the thread update are written together. Anyone
// else is refused (recorded, and told where they clicked); after the
// decision the checklist is locked. Only the parts of the thread that
// changed are updated: the question's own message, and the assessment when
// it changed.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { textsFor } from "../../texts/index.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { ASSESSMENT_PART, TIMELINE_ACTIONS } from "./checklistActions.ts";
import { CHECKLIST_GROUPS, parseAnswer, sameAnswer } from "./checklistAnswers.ts";
import { enqueueChecklistParts } from "./enqueueChecklistParts.ts";
import type { TQuestionId } from "./questions.ts";
import { refreshAssessment } from "./refreshAssessment.ts";

export type TAnswerChecklistDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging" | "organisation" | "settings">;

export interface TAnswerChecklistInput {
  incidentId: string;
  questionId: TQuestionId;
  /** As the front end read it: a button's value, the chosen option(s), or the typed number. */
  rawValue: unknown;
  /** Confirm the current (prefilled) answer as it stands; rawValue is then ignored. */
  confirmCurrent?: boolean;
  actor: TPersonId;
  /** The front end's note of where the person clicked, to answer there. */
  where?: string | null;
}

export type TAnswerOutcome = "answered" | "confirmed" | "cleared" | "unchanged" | "invalid" | "refused" | "not_found";

export async function answerChecklistQuestion(
  deps: TAnswerChecklistDeps,
  input: TAnswerChecklistInput,
): Promise<{ outcome: TAnswerOutcome }> {
  const now = deps.clock.now();
  const outcome = await deps.database.prisma.$transaction(async (tx): Promise<TAnswerOutcome> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      {
        incidentId: input.incidentId,
        actor: input.actor,
        action: TIMELINE_ACTIONS.answer,
        where: input.where,
        beforeDecision: true,
        decidedNotice: "checklist_locked",
      },
      now,
    );
    if (!guard.ok) return guard.outcome === "not_found" ? "not_found" : "refused";
    const { incident } = guard;
    const where = { incidentId_questionId: { incidentId: incident.id, questionId: input.questionId } };
    const previous = await tx.checklistAnswer.findUnique({ where });
    const questionName = textsFor(deps.settings.DEFAULT_LOCALE).checklist.shortNames[input.questionId];
    // The question by its name, in the organisation's language (the notice is built later).
    const tell = (notice: "answer_unchanged" | "checklist_invalid") =>
      enqueueNotice(
        tx,
        deps.messaging,
        {
          person: input.actor,
          notice,
          params: { reference: incident.reference, question: questionName },
          where: input.where,
          incidentId: incident.id,
        },
        now,
      );
    // A click that changes nothing still gets an answer: the answer already stood.
    const unchanged = async (): Promise<TAnswerOutcome> => {
      await tell("answer_unchanged");
      return "unchanged";
    };
    if (input.confirmCurrent && !previous) return unchanged();
    const parsed = parseAnswer(input.questionId, input.confirmCurrent ? previous!.value : input.rawValue);
    if (!parsed.ok) {
      await tell("checklist_invalid");
      return "invalid";
    }
    let result: TAnswerOutcome;
    if (parsed.value === null) {
      if (!previous) return unchanged();
      await tx.checklistAnswer.delete({ where });
      await appendTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        actorId: input.actor,
        kind: "checklist_answer_cleared",
        details: { questionId: input.questionId, previousValue: previous.value as never },
      });
      result = "cleared";
    } else {
      const same = previous !== null && sameAnswer(previous.value, parsed.value);
      if (same && !previous.prefilled) return unchanged();
      await tx.checklistAnswer.upsert({
        where,
        create: {
          incidentId: incident.id,
          questionId: input.questionId,
          value: parsed.value,
          answeredBy: input.actor,
          answeredAt: now,
          prefilled: false,
        },
        update: { value: parsed.value, answeredBy: input.actor, answeredAt: now, prefilled: false },
      });
      result = same ? "confirmed" : "answered";
      await appendTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        actorId: input.actor,
        // A prefilled answer clicked again is the privacy officer confirming the report's answer.
        kind: same ? "checklist_answer_confirmed" : "checklist_answered",
        details: {
          questionId: input.questionId,
          value: parsed.value,
          ...(previous ? { previousValue: previous.value as never, previousPrefilled: previous.prefilled } : {}),
        },
      });
    }
    const change = await refreshAssessment(tx, deps, { incidentId: incident.id, actor: input.actor, now });
    // The assessment message also lists the answers still to confirm: a
    // confirmed prefill changes it even when the assessment stays the same.
    const assessmentShown = change !== "none" && (change !== "unchanged" || previous?.prefilled === true);
    const group = CHECKLIST_GROUPS.find((candidate) => candidate.questionIds.includes(input.questionId))!;
    await enqueueChecklistParts(
      tx,
      deps.messaging,
      incident.id,
      [group.part, ...(assessmentShown ? [ASSESSMENT_PART] : [])],
      now,
    );
    return result;
  });
  return { outcome };
}
