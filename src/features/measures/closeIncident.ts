// A privacy officer closes an incident with the close form. The rules of
// closingRules.ts are checked again inside the transaction (the form may
// have been open while something changed). Closing records who and when,
// the reason no measures were needed or the Art. 34(3) exemption (in the
// follow-up and the timeline), schedules the evaluation after
// EVALUATION_AFTER_DAYS in working hours (protocol section 8), and updates
// the incident's post (its buttons go) and the follow-up in the thread.
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { guardIncidentAction, type TGuardDeps } from "../../core/incidents/guardIncidentAction.ts";
import type { TFormValues } from "../../core/messages/form.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toChannel } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { scheduleJobs } from "../../core/scheduler/scheduleJobs.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import { nextWorkingMoment, workingHoursOf } from "../../core/time/workingHours.ts";
import type { TFeatureSettings } from "../featureDeps.ts";
import { INCIDENT_POST_KIND } from "../paging/pagingMessages.ts";
import { DUTY_JOB_KINDS, dutyKeys } from "../retention/dutyJobs.ts";
import { checkCloseAnswers, closeBlocker, type TCloseBlocker, type TCloseField, type TCloseProblem } from "./closingRules.ts";
import { loadClosingFacts } from "./loadClosingFacts.ts";
import { CLOSE_FIELDS } from "./measuresActions.ts";
import { progressUpdate } from "./measuresMessages.ts";

export interface TCloseIncidentDeps extends TGuardDeps {
  database: Database;
  clock: Clock;
  settings: Pick<TFeatureSettings, "EVALUATION_AFTER_DAYS" | "TIMEZONE" | "WORKING_DAYS" | "WORKING_HOURS">;
}

export type TCloseResult =
  | { outcome: "closed"; evaluationDueAt: Date }
  | { outcome: "invalid"; problems: Partial<Record<TCloseField, TCloseProblem>> }
  | { outcome: TCloseBlocker; openMeasures: number }
  | { outcome: "refused" | "already_closed" | "not_found" };

const text = (value: TFormValues[string] | undefined) => (typeof value === "string" ? value : null);

export async function closeIncident(
  deps: TCloseIncidentDeps,
  input: { reference: string; actor: TPersonId; values: TFormValues },
): Promise<TCloseResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const guard = await guardIncidentAction(tx, deps, { reference: input.reference, actor: input.actor, action: "close" }, now);
    if (!guard.ok) return { outcome: guard.outcome } as const;
    const { incident } = guard;
    if (incident.closedAt) return { outcome: "already_closed" } as const;
    const facts = await loadClosingFacts(tx, incident);
    const blocker = closeBlocker(facts);
    if (blocker) return { outcome: blocker, openMeasures: facts.measures.open } as const;
    const answers = checkCloseAnswers(facts, {
      noMeasuresReason: text(input.values[CLOSE_FIELDS.noMeasuresReason]),
      art34Ground: text(input.values[CLOSE_FIELDS.art34Ground]),
      art34Reason: text(input.values[CLOSE_FIELDS.art34Reason]),
    });
    if (!answers.ok) return { outcome: "invalid", problems: answers.problems } as const;
    const claimed = await tx.incident.updateMany({
      where: { id: incident.id, closedAt: null },
      data: { status: "closed", closedAt: now, closedBy: input.actor },
    });
    if (claimed.count === 0) return { outcome: "already_closed" } as const;
    const evaluationDueAt = nextWorkingMoment(
      new Date(now.getTime() + deps.settings.EVALUATION_AFTER_DAYS * 86_400_000),
      workingHoursOf(deps.settings),
    );
    await tx.incidentFollowUp.upsert({
      where: { incidentId: incident.id },
      create: { incidentId: incident.id, noMeasuresReason: answers.noMeasuresReason, evaluationDueAt },
      update: { noMeasuresReason: answers.noMeasuresReason, evaluationDueAt },
    });
    await appendTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      actorId: input.actor,
      kind: "closed",
      details: {
        measureCount: facts.measures.total,
        noMeasuresReason: answers.noMeasuresReason,
        level: facts.level,
        subjectsInformedAt: facts.subjectsInformedAt?.toISOString() ?? null,
        // Art. 34(3) GDPR: why the people concerned of a high-risk breach were not informed.
        art34Exemption: answers.art34Exemption,
        evaluationDueAt: evaluationDueAt.toISOString(),
      },
    });
    await scheduleJobs(tx, [
      {
        kind: DUTY_JOB_KINDS.evaluationRequest,
        dedupeKey: dutyKeys.evaluationRequest(incident.id),
        dueAt: evaluationDueAt,
        payload: { incidentId: incident.id },
        incidentId: incident.id,
      },
    ]);
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: INCIDENT_POST_KIND,
        target: toChannel("dpo"),
        key: messageKeys.incidentPost(incident.id),
        payload: { incidentId: incident.id },
        incidentId: incident.id,
        notBefore: now,
      },
      progressUpdate(incident.id, now),
    ]);
    return { outcome: "closed", evaluationDueAt } as const;
  });
}
