// The facts of an incident that anyone in the DPO channel may read: no free
// text from the report, no names. Shared by the channel post, the pages and
// the reminders.
import type { TBlock } from "../../core/messages/message.ts";
import type { TRichText } from "../../core/text/richText.ts";
import { strong } from "../../core/text/richText.ts";
import { timeLeft } from "../../core/time/deadlines.ts";
import { formatLocal, formatNumber } from "../../core/time/formatLocal.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TStopped } from "../../texts/vocabulary.ts";
import { systemLabel } from "../register/systemLabels.ts";
import type { TMessageContext } from "../messageContext.ts";

export function questionValueLabel(texts: TTexts, question: "data_categories" | "recipient", value: string): string {
  const labels = texts.questions.values[question] as Record<string, string>;
  return labels[value] ?? value;
}

export function dataKindsLabel(kinds: readonly string[], texts: TTexts): string {
  return kinds.map((kind) => questionValueLabel(texts, "data_categories", kind)).join(", ");
}

/** "Deadline melding AP: di 24 nov 2026 10:00 (nog 71 uur)". */
export function deadlineText(incident: Pick<Incident, "deadlineAt">, context: TMessageContext): TRichText {
  const { texts } = context;
  return [
    texts.paging.deadline,
    strong(formatLocal(incident.deadlineAt, context.organisation.zone, context.locale)),
    ` (${texts.common.timeLeft(timeLeft(incident.deadlineAt, context.now))})`,
  ];
}

export function incidentFacts(incident: Incident, context: TMessageContext): TBlock {
  const { texts } = context;
  const labels = texts.paging.facts;
  return {
    kind: "facts",
    facts: [
      { label: labels.system, value: systemLabel(context.register, incident.system, texts) },
      { label: labels.people, value: formatNumber(incident.peopleAffected, context.locale) },
      { label: labels.dataKinds, value: dataKindsLabel(incident.dataKinds, texts) },
      { label: labels.stopped, value: texts.vocabulary.stopped[incident.stopped as TStopped] ?? incident.stopped },
      { label: labels.recipient, value: questionValueLabel(texts, "recipient", incident.recipient) },
      { label: labels.discovered, value: formatLocal(incident.discoveredAt, context.organisation.zone, context.locale) },
    ],
  };
}
