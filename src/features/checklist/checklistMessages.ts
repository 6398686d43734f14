// The checklist's message kind: one part of it in the incident's thread
// (checklist_1, checklist_2, assessment), posted once and then updated in
// place, built from the current records when it is delivered.
import { z } from "zod";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import type { TMessageContext } from "../messageContext.ts";
import { assessmentMessage } from "./assessmentMessage.ts";
import { ASSESSMENT_PART } from "./checklistActions.ts";
import { CHECKLIST_GROUPS } from "./checklistAnswers.ts";
import { checklistGroupMessage } from "./checklistGroupMessage.ts";
import { CHECKLIST_PART_KIND } from "./enqueueChecklistParts.ts";

export const checklistPartMessage = defineMessageKind({
  kind: CHECKLIST_PART_KIND,
  payload: z.object({ incidentId: z.string(), part: z.string() }),
  async build({ incidentId, part }, context: TMessageContext) {
    const prisma = context.database.prisma;
    const incident = await prisma.incident.findUnique({ where: { id: incidentId } });
    if (!incident) return undefined;
    const answers = await prisma.checklistAnswer.findMany({ where: { incidentId } });
    if (CHECKLIST_GROUPS.some((group) => group.part === part)) return checklistGroupMessage(incident, part, answers, context);
    if (part !== ASSESSMENT_PART) return undefined;
    const assessment = await prisma.incidentAssessment.findUnique({ where: { incidentId } });
    // The assessment appears once there is something to say (an assessment or
    // a decision), and once posted it stays, saying what it waits for.
    const posted = await prisma.postedMessage.count({ where: { key: messageKeys.checklistPart(incidentId, part) } });
    if (!assessment && !incident.decision && posted === 0) return undefined;
    return assessmentMessage(incident, assessment, answers, context);
  },
});
