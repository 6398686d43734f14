// What a decision is weighed against: the level the engine gave, the level
// that counts (an override wins), and the answer to "personal data?".
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import type { TAssessmentLevel } from "./assessmentLevels.ts";
import { effectiveLevel, type TAssessmentStanding } from "./decisionRules.ts";

export interface TDecisionStanding extends TAssessmentStanding {
  /** The engine's level, when the checklist is complete. */
  assessedLevel: TAssessmentLevel | null;
}

export async function loadDecisionStanding(tx: TDbTransaction, incident: Pick<Incident, "id">): Promise<TDecisionStanding> {
  const assessment = await tx.incidentAssessment.findUnique({ where: { incidentId: incident.id } });
  const personalData = await tx.checklistAnswer.findUnique({
    where: { incidentId_questionId: { incidentId: incident.id, questionId: "personal_data" } },
  });
  return {
    assessedLevel: (assessment?.level as TAssessmentLevel | undefined) ?? null,
    effectiveLevel: effectiveLevel(assessment),
    personalData: typeof personalData?.value === "string" ? personalData.value : undefined,
  };
}
