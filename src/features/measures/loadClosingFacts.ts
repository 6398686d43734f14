// What the closing rules look at, read from the records of one incident:
// the decision and AP reference, the measures, the level that counts, when
// the people concerned were informed, and the Art. 34(3) exemption the
// assessment found (to suggest it in the close form).
import { z } from "zod";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TDbTransaction } from "../../core/storage/transaction.ts";
import { ART34_GROUNDS, type TArt34Ground, type TClosingFacts } from "./closingRules.ts";

export interface TClosingRecord extends TClosingFacts {
  /** The exemption the assessment found, if any: a suggestion, never an answer. */
  suggestedGround: TArt34Ground | null;
}

const ZExemptions = z.object({ exemptions: z.array(z.string()).catch([]) }).loose();

export async function loadClosingFacts(tx: TDbTransaction, incident: Incident): Promise<TClosingRecord> {
  const [total, open, assessment, firstNotice] = await Promise.all([
    tx.correctiveMeasure.count({ where: { incidentId: incident.id } }),
    tx.correctiveMeasure.count({ where: { incidentId: incident.id, doneAt: null } }),
    tx.incidentAssessment.findUnique({
      where: { incidentId: incident.id },
      select: { level: true, overrideLevel: true, result: true },
    }),
    tx.subjectNotice.findFirst({ where: { incidentId: incident.id }, orderBy: { sentAt: "asc" }, select: { sentAt: true } }),
  ]);
  const found = ZExemptions.safeParse(assessment?.result);
  const suggested = found.success
    ? found.data.exemptions.find((code) => ART34_GROUNDS.includes(code as TArt34Ground))
    : undefined;
  return {
    decision: incident.decision,
    apReference: incident.apReference,
    measures: { total, open },
    level: assessment ? (assessment.overrideLevel ?? assessment.level) : null,
    subjectsInformedAt: firstNotice?.sentAt ?? null,
    suggestedGround: (suggested as TArt34Ground | undefined) ?? null,
  };
}
