// What the decision modal needs to know before it opens: the incident, the
// level that counts, and whether each decision would contradict it.
import type { TBotContext } from "../../app/botContext.ts";
import { effectiveLevel, type TAssessmentStanding } from "../../domain/checklist/decisionRules.ts";
import type { Incident } from "../../storage/generated/client.ts";
import type { TDbTransaction } from "../../storage/transaction.ts";

export interface TDecisionStanding extends TAssessmentStanding {
  incident: Incident;
  /** The engine's level, when the checklist is complete. */
  assessedLevel: string | null;
}

export async function loadDecisionStanding(
  context: TBotContext,
  reference: string,
  /** Read inside this transaction instead. */
  tx?: TDbTransaction,
): Promise<TDecisionStanding | null> {
  const prisma: TDbTransaction = tx ?? context.database.prisma;
  const incident = await prisma.incident.findUnique({ where: { reference } });
  if (!incident) return null;
  const assessment = await prisma.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
  const personalData = await prisma.checklistAnswer.findUnique({
    where: { incidentId_questionId: { incidentId: incident.id, questionId: "personal_data" } },
  });
  return {
    incident,
    assessedLevel: assessment?.level ?? null,
    effectiveLevel: effectiveLevel(assessment),
    personalData: typeof personalData?.value === "string" ? personalData.value : undefined,
  };
}
