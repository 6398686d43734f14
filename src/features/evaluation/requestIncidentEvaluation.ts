// EVALUATION_AFTER_DAYS after closing (in working hours) the privacy
// officer who closed the incident is asked whether the measures worked and
// whether the procedure needs to change (protocol section 8).
import { z } from "zod";
import { appendTimelineEntry } from "../../core/incidents/appendTimelineEntry.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import { BOT_ACTOR } from "../../core/people/person.ts";
import type { TJobHandler } from "../../core/scheduler/runDueJobs.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { progressUpdate } from "../measures/measuresMessages.ts";
import { evaluationMessageKeys } from "./evaluationActions.ts";
import { EVALUATION_REQUEST_KIND } from "./evaluationMessages.ts";
import { whoEvaluates } from "./whoEvaluates.ts";

export function requestIncidentEvaluation(deps: Pick<TFeatureDeps, "roles" | "messaging">): TJobHandler {
  return async (tx, { job, now }) => {
    const payload = z.object({ incidentId: z.string() }).safeParse(job.payload);
    if (!payload.success) return { status: "skipped", reason: "payload does not parse" };
    const { incidentId } = payload.data;
    const incident = await tx.incident.findUnique({ where: { id: incidentId } });
    if (!incident) return { status: "skipped", reason: "incident not found" };
    const followUp = await tx.incidentFollowUp.findUnique({ where: { incidentId } });
    if (followUp?.evaluatedAt) return { status: "skipped", reason: "already evaluated" };
    const asked = whoEvaluates(incident, deps.roles);
    if (!asked) return { status: "skipped", reason: "no privacy officer to ask" };
    await enqueueMessages(tx, deps.messaging, [
      {
        kind: EVALUATION_REQUEST_KIND,
        target: toPerson(asked),
        key: evaluationMessageKeys.incidentRequest(incidentId),
        payload: { incidentId },
        incidentId,
        notBefore: now,
      },
      // The thread now says the evaluation was asked.
      progressUpdate(incidentId, now),
    ]);
    await appendTimelineEntry(tx, { incidentId, at: now, actorId: BOT_ACTOR, kind: "evaluation_requested", details: { asked } });
    return { status: "done" };
  };
}
